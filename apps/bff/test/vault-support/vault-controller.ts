import {
  createVaultExtension,
  type VaultExtensionOptions,
} from '../../src/vault/vault-extension';
import { ADMIN, startTestController, type TestController } from '../support/controller';
import { HttpClient } from '../support/http-client';

export { ADMIN };

export interface VaultTestController extends TestController {
  name: string;
  dir: string;
  /** A client logged in as the admin. */
  admin(): Promise<HttpClient>;
}

const running = new Set<VaultTestController>();

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
  const extension = createVaultExtension({
    healthIntervalMs: 200,
    vaultTimeoutMs: 2_000,
    ...options.extension,
  });
  const started = await startTestController(
    databaseUrl,
    {
      controllerName: name,
      demoMachines: 0,
      ...(options.dir ? { controllerDir: options.dir } : {}),
    },
    { extensions: [extension], heartbeatIntervalMs: options.heartbeatIntervalMs },
  );
  const controller: VaultTestController = {
    ...started,
    name,
    dir: started.config.controllerDir,
    close: async () => {
      running.delete(controller);
      await started.close();
    },
    admin: async () => {
      const client = new HttpClient(started.url);
      const login = await client.login(ADMIN.username, ADMIN.password);
      if (login.status !== 200) throw new Error(`admin login failed: ${login.status}`);
      return client;
    },
  };
  running.add(controller);
  return controller;
}

/** Stops every controller this file started (call in afterAll before the database goes). */
export async function stopVaultControllers(): Promise<void> {
  for (const controller of [...running]) await controller.close();
  running.clear();
}
