import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { ControllerConfig } from '../../src/config/env';
import {
  startController,
  type RunningController,
  type StartControllerOptions,
} from '../../src/controller';
import { captureLog, type CapturedLog } from './log-capture';
import { HttpClient } from './http-client';

export const ADMIN = { username: 'admin', password: 'correct horse battery staple' };

const scratchDirs: string[] = [];
const running = new Set<RunningController>();

export async function scratchDir(prefix = 'bff-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

export interface TestController extends RunningController {
  logs: CapturedLog;
  config: ControllerConfig;
  client(): HttpClient;
}

/**
 * A real controller in this process on a free port, logging into memory; without
 * `options.extensions`, none (no Vault integration).
 */
export async function startTestController(
  databaseUrl: string | undefined,
  overrides: Partial<ControllerConfig> = {},
  options: Pick<StartControllerOptions, 'extensions' | 'heartbeatIntervalMs'> = {},
): Promise<TestController> {
  const dataDir = await scratchDir();
  const config: ControllerConfig = {
    databaseUrl,
    dataDir,
    controllerDir: path.join(dataDir, 'controller'),
    controllerName: 'region-test',
    host: '127.0.0.1',
    port: 0,
    controllerUrl: undefined,
    adminUsername: ADMIN.username,
    adminPassword: ADMIN.password,
    demoMachines: 3,
    logLevel: 'debug',
    webDist: path.join(dataDir, 'no-web-build'),
    ...overrides,
  };
  const logs = captureLog();
  const controller = await startController({
    config,
    log: logs.log,
    extensions: options.extensions ?? [],
    heartbeatIntervalMs: options.heartbeatIntervalMs,
  });
  running.add(controller);
  return {
    ...controller,
    logs,
    config,
    close: async () => {
      running.delete(controller);
      await controller.close();
    },
    client: () => new HttpClient(controller.url),
  };
}

afterAll(async () => {
  for (const controller of [...running]) await controller.close();
  running.clear();
  for (const dir of scratchDirs.splice(0))
    await rm(dir, { recursive: true, force: true });
});
