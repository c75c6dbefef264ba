import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import { bootstrapAdmin } from './auth/bootstrap-admin';
import { createSessionKeyProvider } from './auth/session-keys';
import { createSessionService, deleteExpiredSessions } from './auth/sessions';
import { loadControllerDir, saveControllerDir } from './config/controller-dir';
import type { ControllerConfig } from './config/env';
import type { ControllerContext, ControllerExtension } from './controller-extension';
import {
  markControllerStopped,
  registerController,
} from './controllers/controllers-repository';
import { startHeartbeat } from './controllers/heartbeat';
import { openDatabase } from './db/open-database';
import type { Pool } from './db/pool';
import { createDefaultExtensions } from './extensions';
import { createApp } from './http/app';
import { httpUrl, listenFirst } from './http/server';
import { createLogger, type Logger } from './logging/logger';
import { bootstrapGlobalSecrets } from './secrets/bootstrap-secrets';
import { createDatabaseSecretStore } from './secrets/database-secret-store';
import { seedDemoMachines } from './secrets/demo-machines';
import type { SecretStore } from './secrets/secret-store';

export interface StartControllerOptions {
  config: ControllerConfig;
  /** A logger to use; otherwise one is made at config.logLevel writing to `logDestination`. */
  log?: Logger;
  logDestination?: DestinationStream;
  heartbeatIntervalMs?: number;
  /** Defaults to `createDefaultExtensions()` (src/extensions.ts). */
  extensions?: ControllerExtension[];
}

export interface RunningController {
  url: string;
  port: number;
  controllerId: string;
  close(): Promise<void>;
}

const EXPIRED_SESSIONS_SWEEP_MS = 60 * 60_000;

/** Shutdown steps, run newest first, each one's failure logged and not fatal. */
function createCleanups(log: Logger) {
  const steps: Array<() => Promise<void>> = [];
  return {
    add: (step: () => Promise<void>) => steps.push(step),
    run: async () => {
      for (const step of steps.splice(0).reverse()) {
        await step().catch((error: unknown) =>
          log.warn({ err: error }, 'shutdown step failed'),
        );
      }
    },
  };
}

/** What every cluster needs once: its secrets, an administrator, demo machines. */
async function bootstrapCluster(
  config: ControllerConfig,
  db: Pool,
  secrets: SecretStore,
  log: Logger,
) {
  await bootstrapGlobalSecrets(secrets, log);
  await bootstrapAdmin(
    db,
    { username: config.adminUsername, password: config.adminPassword },
    log,
  );
  if (config.demoMachines > 0) await seedDemoMachines(db, config.demoMachines, log);
}

/** Starts one region controller in this process; `config.port` 0 picks a free port. */
export async function startController(
  options: StartControllerOptions,
): Promise<RunningController> {
  const { config } = options;
  const log =
    options.log ??
    createLogger({ level: config.logLevel, destination: options.logDestination });
  const extensions = options.extensions ?? createDefaultExtensions();
  const cleanups = createCleanups(log);

  try {
    // Read first: a broken controller directory should stop us before anything starts.
    const saved = await loadControllerDir(config.controllerDir);
    const identity = {
      id: saved?.id ?? randomUUID(),
      name: saved?.name ?? config.controllerName,
    };

    const database = await openDatabase({ ...config, log });
    cleanups.add(database.close);
    const { db, databaseUrl } = database;

    const listening = await listenFirst(config.host, config.port);
    cleanups.add(listening.close);
    const url = config.controllerUrl ?? httpUrl(config.host, listening.port);
    await saveControllerDir(config.controllerDir, { ...identity, url, databaseUrl });
    const controller = { ...identity, url, dir: config.controllerDir };

    const baseContext = { config, db, log, controller };
    let secrets = createDatabaseSecretStore(db);
    for (const extension of extensions) {
      if (extension.wrapSecretStore)
        secrets = await extension.wrapSecretStore(secrets, baseContext);
    }
    await bootstrapCluster(config, db, secrets, log);

    const sessionKeys = createSessionKeyProvider(secrets);
    const sessions = createSessionService(db, sessionKeys);
    const context: ControllerContext = { ...baseContext, secrets, sessionKeys, sessions };
    for (const extension of extensions) {
      await extension.start?.(context);
      if (extension.stop) cleanups.add(extension.stop.bind(extension));
    }
    const routers = extensions.flatMap((extension) => extension.routers?.(context) ?? []);
    listening.serve(createApp({ db, log, sessions, webDist: config.webDist, routers }));

    await registerController(db, controller);
    const heartbeat = startHeartbeat({
      db,
      controller,
      log,
      intervalMs: options.heartbeatIntervalMs,
      vaultCheck: extensions.find((extension) => extension.vaultCheck)?.vaultCheck,
    });
    cleanups.add(async () => {
      await heartbeat.stop();
      await markControllerStopped(db, controller.id);
    });
    const sweep = setInterval(
      () => void deleteExpiredSessions(db).catch(() => 0),
      EXPIRED_SESSIONS_SWEEP_MS,
    );
    sweep.unref();
    cleanups.add(async () => clearInterval(sweep));

    log.info(
      { controllerId: controller.id, name: controller.name, url },
      'region controller started',
    );
    return {
      url,
      port: listening.port,
      controllerId: controller.id,
      close: cleanups.run,
    };
  } catch (error) {
    await cleanups.run();
    throw error;
  }
}
