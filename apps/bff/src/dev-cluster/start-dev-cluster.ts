import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveAdminPassword } from './admin-password';
import {
  clusterFilePath,
  readPreviousRun,
  writeClusterFile,
  type DevClusterInfo,
} from './cluster-file';
import { startControllerProcess, type ControllerProcess } from './controller-process';
import { startDatabaseProcess } from './database';
import type { ManagedProcess } from './managed-process';
import { controllerPorts } from './ports';
import { Teardown } from './teardown';
import { buildWebApp, webBuildIsStale } from './web-build';

export interface DevClusterOptions {
  dataDir: string;
  /** How many region controllers, named region-1 … region-N. */
  controllers: number;
  /** Port of region-1, the others follow; 0 picks free ports. */
  basePort: number;
  /** Port of the Vault development server; 0 picks a free one. */
  vaultPort: number;
  /** Chooses the admin's password on a first start; generated when missing. */
  adminPassword?: string;
  /** An existing PostgreSQL; without it one is embedded under `dataDir/postgres`. */
  databaseUrl?: string;
  /** Passed to every controller as DEMO_MACHINES. */
  demoMachines?: number;
  /** Build the web app when its build is missing or stale (default true). */
  buildWeb?: boolean;
  /** Aborts a start in progress; what was started is stopped. */
  signal?: AbortSignal;
  /** Receives human-readable progress and problems, one line at a time. */
  log: (line: string) => void;
}

export interface DevCluster {
  info: DevClusterInfo;
  /** True when this start generated the admin password. */
  adminPasswordGenerated: boolean;
  clusterFile: string;
  logDir: string;
  /** Resolves (never rejects) when a part stopped on its own; the rest is then stopped. */
  failed: Promise<Error>;
  stop(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const HEALTH_TIMEOUT_MS = 120_000;

async function ensureWebBuild(options: DevClusterOptions): Promise<void> {
  if (options.buildWeb === false || !(await webBuildIsStale(REPO_ROOT))) return;
  options.log('building the web app (npm run build -w apps/web)…');
  await buildWebApp(REPO_ROOT);
}

async function startControllers(
  options: DevClusterOptions,
  env: Record<string, string>,
  teardown: Teardown,
): Promise<ControllerProcess[]> {
  const ports = await controllerPorts(options.basePort, options.controllers);
  const controllers = ports.map((port, index) => {
    const name = `region-${index + 1}`;
    const controller = startControllerProcess({
      repoRoot: REPO_ROOT,
      name,
      port,
      dir: join(options.dataDir, 'controllers', name),
      logFile: join(options.dataDir, 'logs', `${name}.log`),
      env,
      log: options.log,
    });
    teardown.add(() => controller.stop());
    return controller;
  });
  await Promise.all(
    controllers.map((c) => c.waitUntilHealthy(HEALTH_TIMEOUT_MS, options.signal)),
  );
  return controllers;
}

/**
 * Starts the demo cluster of DESIGN.md: PostgreSQL, the Vault development server
 * and the region controllers, then writes `dev-cluster.json`. Whatever fails,
 * the parts already started are stopped before the error is thrown.
 */
export async function startDevCluster(options: DevClusterOptions): Promise<DevCluster> {
  const dataDir = resolve(options.dataDir);
  const teardown = new Teardown(options.log);
  // Once stopping, the parts' complaints about each other going away are expected
  // noise; they stay in the log files.
  const partLog = (line: string) => {
    if (!teardown.started) options.log(line);
  };
  const settings = { ...options, dataDir, log: partLog };
  // The data directory stays traversable: when run as root, PostgreSQL runs as the
  // `postgres` user and must reach its own directory inside it.
  await mkdir(dataDir, { recursive: true });
  await mkdir(join(dataDir, 'logs'), { recursive: true, mode: 0o700 });

  try {
    const previous = await readPreviousRun(dataDir);
    const admin = resolveAdminPassword(options.adminPassword, previous.admin?.password);
    if (admin.ignoredFromEnv) {
      options.log(
        'ADMIN_PASSWORD is ignored: the admin was created at the first start; ' +
          'its password is in dev-cluster.json',
      );
    }

    await ensureWebBuild(settings);
    options.signal?.throwIfAborted();
    const parts: ManagedProcess[] = [];
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const database = await startDatabaseProcess({
        repoRoot: REPO_ROOT,
        dataDir,
        log: partLog,
      });
      teardown.add(() => database.stop());
      parts.push(database);
      databaseUrl = database.databaseUrl;
    }
    options.signal?.throwIfAborted();

    const controllerEnv: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: admin.password,
      WEB_DIST: join(REPO_ROOT, 'apps/web/dist'),
    };
    if (options.demoMachines !== undefined) {
      controllerEnv.DEMO_MACHINES = String(options.demoMachines);
    }
    const controllers = await startControllers(settings, controllerEnv, teardown);
    parts.push(...controllers);

    const info: DevClusterInfo = {
      vault: null,
      controllers: controllers.map((c) => ({
        name: c.name,
        url: c.url,
        dir: join(dataDir, 'controllers', c.name),
      })),
      admin: { username: 'admin', password: admin.password },
    };
    await writeClusterFile(dataDir, info);

    return {
      info,
      adminPasswordGenerated: admin.generated,
      clusterFile: clusterFilePath(dataDir),
      logDir: join(dataDir, 'logs'),
      failed: teardown.whenAnyEnds(parts, join(dataDir, 'logs')),
      stop: () => teardown.run(),
    };
  } catch (error) {
    await teardown.run();
    throw error;
  }
}
