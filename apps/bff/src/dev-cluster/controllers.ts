import { join } from 'node:path';
import { startControllerProcess, type ControllerProcess } from './controller-process';
import { controllerPorts } from './ports';
import { REPO_ROOT } from './repo-root';
import type { Teardown } from './teardown';

// A first start migrates the schema and creates the demo data before /healthz answers.
const HEALTH_TIMEOUT_MS = 120_000;

export function controllerEnvironment(settings: {
  dataDir: string;
  databaseUrl: string;
  adminPassword: string;
  demoMachines: number | undefined;
}): Record<string, string> {
  const env: Record<string, string> = {
    DATABASE_URL: settings.databaseUrl,
    DATA_DIR: settings.dataDir,
    // dev-cluster.json names the admin `admin`: a stray ADMIN_USERNAME must not differ.
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: settings.adminPassword,
    WEB_DIST: join(REPO_ROOT, 'apps/web/dist'),
  };
  if (settings.demoMachines !== undefined) {
    env.DEMO_MACHINES = String(settings.demoMachines);
  }
  return env;
}

/** Starts region-1 … region-N at once and waits until every one answers /healthz. */
export async function startControllers(settings: {
  count: number;
  basePort: number;
  dataDir: string;
  env: Record<string, string>;
  teardown: Teardown;
  signal: AbortSignal | undefined;
  log: (line: string) => void;
}): Promise<ControllerProcess[]> {
  const ports = await controllerPorts(settings.basePort, settings.count);
  const controllers = ports.map((port, index) => {
    const name = `region-${index + 1}`;
    const controller = startControllerProcess({
      repoRoot: REPO_ROOT,
      name,
      port,
      dir: join(settings.dataDir, 'controllers', name),
      logFile: join(settings.dataDir, 'logs', `${name}.log`),
      env: settings.env,
      log: settings.log,
    });
    settings.teardown.add(() => controller.stop());
    return controller;
  });
  await Promise.all(
    controllers.map((c) => c.waitUntilHealthy(HEALTH_TIMEOUT_MS, settings.signal)),
  );
  return controllers;
}
