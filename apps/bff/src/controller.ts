import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import path from 'node:path';
import type { DestinationStream } from 'pino';
import { bootstrapAdmin } from './auth/bootstrap-admin';
import { createSessionKeyProvider } from './auth/session-keys';
import { createSessionService, deleteExpiredSessions } from './auth/sessions';
import type { ControllerConfig } from './config/env';
import { loadControllerDir, saveControllerDir } from './config/controller-dir';
import type { ControllerContext, ControllerExtension } from './controller-extension';
import {
  markControllerStopped,
  registerController,
} from './controllers/controllers-repository';
import { startHeartbeat } from './controllers/heartbeat';
import { startEmbeddedPostgres, type RunningPostgres } from './db/embedded';
import { migrateDatabase } from './db/migrate';
import { checkDatabaseReachable, createPool } from './db/pool';
import { defaultExtensions } from './extensions';
import { createApp } from './http/app';
import { createLogger, type Logger } from './logging/logger';
import { bootstrapGlobalSecrets } from './secrets/bootstrap-secrets';
import { createDatabaseSecretStore } from './secrets/database-secret-store';
import { seedDemoMachines } from './secrets/demo-machines';
import { randomUUID } from 'node:crypto';

export interface StartControllerOptions {
  config: ControllerConfig;
  /** A logger to use; otherwise one is made at config.logLevel writing to `logDestination`. */
  log?: Logger;
  logDestination?: DestinationStream;
  heartbeatIntervalMs?: number;
  extensions?: ControllerExtension[];
}

export interface RunningController {
  url: string;
  port: number;
  controllerId: string;
  close(): Promise<void>;
}

const EXPIRED_SESSIONS_SWEEP_MS = 60 * 60_000;

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address && typeof address === 'object') resolve(address.port);
      else reject(new Error('The HTTP server has no TCP address.'));
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** Starts one region controller in this process; `config.port` 0 picks a free port. */
export async function startController(
  options: StartControllerOptions,
): Promise<RunningController> {
  const { config } = options;
  const log =
    options.log ??
    createLogger({ level: config.logLevel, destination: options.logDestination });
  const extensions = options.extensions ?? defaultExtensions;
  const cleanups: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) =>
        log.warn({ err: error }, 'shutdown step failed'),
      );
    }
  };

  try {
    const saved = await loadControllerDir(config.controllerDir);
    const identity = {
      id: saved?.id ?? randomUUID(),
      name: saved?.name ?? config.controllerName,
    };

    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const postgres: RunningPostgres = await startEmbeddedPostgres({
        dataDir: path.join(config.dataDir, 'postgres'),
        log,
      });
      cleanups.push(() => postgres.stop());
      databaseUrl = postgres.databaseUrl;
    }

    const db = createPool(databaseUrl, log);
    cleanups.push(() => db.end());
    await checkDatabaseReachable(db, databaseUrl);
    await migrateDatabase(databaseUrl, log);

    // Requests wait for the app, built once the URL (and so the context) is known.
    let handle = (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' });
      res.end(
        JSON.stringify({
          error: { code: 'INTERNAL', message: 'The controller is starting.' },
        }),
      );
    };
    const server = createServer((req, res) => handle(req, res));
    const port = await listen(server, config.host, config.port);
    cleanups.push(() => closeServer(server));
    const url = config.controllerUrl ?? `http://${urlHost(config.host)}:${port}`;
    await saveControllerDir(config.controllerDir, { ...identity, url, databaseUrl });
    const controller = { ...identity, url, dir: config.controllerDir };

    const baseContext = { config, db, log, controller };
    let secrets = createDatabaseSecretStore(db);
    for (const extension of extensions) {
      if (extension.wrapSecretStore)
        secrets = await extension.wrapSecretStore(secrets, baseContext);
    }
    await bootstrapGlobalSecrets(secrets, log);
    await bootstrapAdmin(
      db,
      { username: config.adminUsername, password: config.adminPassword },
      log,
    );
    if (config.demoMachines > 0) await seedDemoMachines(db, config.demoMachines, log);

    const sessionKeys = createSessionKeyProvider(secrets);
    const sessions = createSessionService(db, sessionKeys);
    const context: ControllerContext = { ...baseContext, secrets, sessionKeys, sessions };
    for (const extension of extensions) {
      await extension.start?.(context);
      if (extension.stop) cleanups.push(extension.stop.bind(extension));
    }
    const routers = extensions.flatMap((extension) => extension.routers?.(context) ?? []);
    const app = createApp({ db, log, sessions, webDist: config.webDist, routers });
    handle = app;

    await registerController(db, controller);
    const heartbeat = startHeartbeat({
      db,
      controller,
      log,
      intervalMs: options.heartbeatIntervalMs,
      vaultCheck: extensions.find((extension) => extension.vaultCheck)?.vaultCheck,
    });
    cleanups.push(async () => {
      await heartbeat.stop();
      await markControllerStopped(db, controller.id);
    });
    const sweep = setInterval(
      () => void deleteExpiredSessions(db).catch(() => 0),
      EXPIRED_SESSIONS_SWEEP_MS,
    );
    sweep.unref();
    cleanups.push(async () => clearInterval(sweep));

    log.info(
      { controllerId: controller.id, name: controller.name, url },
      'region controller started',
    );
    return { url, port, controllerId: controller.id, close };
  } catch (error) {
    await close();
    throw error;
  }
}
