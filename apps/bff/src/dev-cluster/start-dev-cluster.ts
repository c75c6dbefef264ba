import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveAdminPassword } from './admin-password';
import {
  clusterFilePath,
  readPreviousRun,
  writeClusterFile,
  type DevClusterInfo,
} from './cluster-file';
import { controllerEnvironment, startControllers } from './controllers';
import { startDatabaseProcess } from './database';
import { startDevVault } from './dev-vault';
import type { ManagedProcess } from './managed-process';
import { REPO_ROOT } from './repo-root';
import { Teardown } from './teardown';
import { ensureWebBuild } from './web-build';

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

interface StartContext {
  options: DevClusterOptions;
  dataDir: string;
  teardown: Teardown;
  /** Logs only while not stopping: then the parts' complaints are expected noise. */
  log: (line: string) => void;
  parts: ManagedProcess[];
}

async function startDatabase(context: StartContext): Promise<string> {
  if (context.options.databaseUrl) return context.options.databaseUrl;
  const database = await startDatabaseProcess({
    repoRoot: REPO_ROOT,
    dataDir: context.dataDir,
    log: context.log,
  });
  context.teardown.add(() => database.stop());
  context.parts.push(database);
  return database.databaseUrl;
}

async function startEverything(
  context: StartContext,
): Promise<DevClusterInfo & { generated: boolean }> {
  const { options, dataDir, teardown } = context;
  const previous = await readPreviousRun(dataDir);
  const admin = resolveAdminPassword(options.adminPassword, previous.admin?.password);
  if (admin.ignoredFromEnv) {
    options.log(
      'ADMIN_PASSWORD is ignored: the admin was created at the first start; ' +
        'its password is in dev-cluster.json',
    );
  }
  const adminAccount = { username: 'admin', password: admin.password };

  if (options.buildWeb !== false) await ensureWebBuild(REPO_ROOT, options.log);
  options.signal?.throwIfAborted();
  const databaseUrl = await startDatabase(context);
  options.signal?.throwIfAborted();

  const vault = await startDevVault(
    {
      dataDir,
      port: options.vaultPort,
      controllers: options.controllers,
      previous,
      saveKeys: (addr, keys) =>
        writeClusterFile(dataDir, { vault: { addr, ...keys }, admin: adminAccount }),
    },
    teardown,
  );
  // Before any controller creates the admin: a failed start must not lose the
  // password the admin will have.
  await writeClusterFile(dataDir, { vault, controllers: [], admin: adminAccount });
  options.signal?.throwIfAborted();

  const env = controllerEnvironment({
    dataDir,
    databaseUrl,
    adminPassword: admin.password,
    demoMachines: options.demoMachines,
  });
  const controllers = await startControllers({
    count: options.controllers,
    basePort: options.basePort,
    dataDir,
    env,
    teardown,
    signal: options.signal,
    log: context.log,
  });
  context.parts.push(...controllers);

  const info: DevClusterInfo = {
    vault,
    controllers: controllers.map((c) => ({
      name: c.name,
      url: c.url,
      dir: join(dataDir, 'controllers', c.name),
    })),
    admin: adminAccount,
  };
  await writeClusterFile(dataDir, info);
  return { ...info, generated: admin.generated };
}

/**
 * Starts the demo cluster of DESIGN.md: PostgreSQL, the Vault development server
 * and the region controllers, then writes `dev-cluster.json`. Whatever fails,
 * the parts already started are stopped before the error is thrown.
 */
export async function startDevCluster(options: DevClusterOptions): Promise<DevCluster> {
  const dataDir = resolve(options.dataDir);
  const teardown = new Teardown(options.log);
  const context: StartContext = {
    options: { ...options, dataDir },
    dataDir,
    teardown,
    log: (line) => {
      if (!teardown.started) options.log(line);
    },
    parts: [],
  };
  // The data directory stays traversable: when run as root, PostgreSQL runs as the
  // `postgres` user and must reach its own directory inside it.
  await mkdir(dataDir, { recursive: true });
  await mkdir(join(dataDir, 'logs'), { recursive: true, mode: 0o700 });

  try {
    const { generated, ...info } = await startEverything(context);
    return {
      info,
      adminPasswordGenerated: generated,
      clusterFile: clusterFilePath(dataDir),
      logDir: join(dataDir, 'logs'),
      failed: teardown.whenAnyEnds(context.parts, join(dataDir, 'logs')),
      stop: () => teardown.run(),
    };
  } catch (error) {
    await teardown.run();
    throw error;
  }
}
