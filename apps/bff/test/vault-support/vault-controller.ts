import path from 'node:path';
import type { ControllerConfig } from '../../src/config/env';
import { startController, type RunningController } from '../../src/controller';
import {
  createVaultExtension,
  type VaultExtensionOptions,
} from '../../src/vault/vault-extension';
import { scratchDir, ADMIN } from '../support/controller';
import { HttpClient } from '../support/http-client';
import { captureLog, type CapturedLog } from '../support/log-capture';

export { ADMIN };

export interface VaultTestController extends RunningController {
  name: string;
  dir: string;
  logs: CapturedLog;
  client(): HttpClient;
  /** A client logged in as the admin. */
  admin(): Promise<HttpClient>;
}

const running = new Set<RunningController>();

/** A controller with the Vault extension, in this process, on a free port. */
export async function startVaultController(
  databaseUrl: string,
  name: string,
  options: {
    dir?: string;
    extension?: VaultExtensionOptions;
    heartbeatIntervalMs?: number;
  } = {},
): Promise<VaultTestController> {
  const dataDir = await scratchDir('bff-vault-test-');
  const dir = options.dir ?? path.join(dataDir, 'controller');
  const config: ControllerConfig = {
    databaseUrl,
    dataDir,
    controllerDir: dir,
    controllerName: name,
    host: '127.0.0.1',
    port: 0,
    controllerUrl: undefined,
    adminUsername: ADMIN.username,
    adminPassword: ADMIN.password,
    demoMachines: 0,
    logLevel: 'debug',
    webDist: path.join(dataDir, 'no-web-build'),
  };
  const logs = captureLog();
  const controller = await startController({
    config,
    log: logs.log,
    heartbeatIntervalMs: options.heartbeatIntervalMs,
    extensions: [
      createVaultExtension({
        healthIntervalMs: 200,
        vaultTimeoutMs: 2_000,
        ...options.extension,
      }),
    ],
  });
  running.add(controller);
  return {
    ...controller,
    name,
    dir,
    logs,
    close: async () => {
      running.delete(controller);
      await controller.close();
    },
    client: () => new HttpClient(controller.url),
    admin: async () => {
      const client = new HttpClient(controller.url);
      const login = await client.login(ADMIN.username, ADMIN.password);
      if (login.status !== 200) throw new Error(`admin login failed: ${login.status}`);
      return client;
    },
  };
}

/** Stops every controller this file started (call in afterAll before the database goes). */
export async function stopVaultControllers(): Promise<void> {
  for (const controller of [...running]) await controller.close();
  running.clear();
}
