import { join } from 'node:path';
import { pino } from 'pino';
import { startVaultDevServer } from '@vault-secrets/vault-dev';
import { createLogger } from '../logging/logger';
import type { DevClusterInfo, PreviousRun } from './cluster-file';
import type { Teardown } from './teardown';
import {
  SECRETS_MOUNT,
  SECRETS_PATH,
  initializeAndUnseal,
  mintWrappedSecretIds,
  provisionControllerAccess,
  type VaultKeys,
} from './vault-provision';

export interface DevVaultOptions {
  dataDir: string;
  port: number;
  controllers: number;
  previous: PreviousRun;
  /** Records the keys the moment Vault is initialized: they exist nowhere else. */
  saveKeys: (addr: string, keys: VaultKeys) => Promise<void>;
}

/**
 * Starts the Vault development server, persistent under `dataDir/vault`,
 * initializes or unseals it, provisions AppRole for the controllers and mints one
 * wrapped secret_id per controller. Its request log goes to `logs/vault.log`.
 */
export async function startDevVault(
  options: DevVaultOptions,
  teardown: Teardown,
): Promise<NonNullable<DevClusterInfo['vault']>> {
  const destination = pino.destination({
    dest: join(options.dataDir, 'logs', 'vault.log'),
    mode: 0o600,
    sync: true,
  });
  const server = await startVaultDevServer({
    host: '127.0.0.1',
    port: options.port,
    dataDir: join(options.dataDir, 'vault'),
    logger: createLogger({ destination }),
  }).catch((error: unknown) => {
    throw new Error(
      `the Vault development server did not start on 127.0.0.1:${options.port} ` +
        `(${(error as Error).message}); set VAULT_PORT to a free port`,
      { cause: error },
    );
  });
  teardown.add(() => server.close());

  const addr = server.url;
  const keys = await initializeAndUnseal(addr, options.previous.vault ?? {}, (fresh) =>
    options.saveKeys(addr, fresh),
  );
  const roleId = await provisionControllerAccess(addr, keys.rootToken);
  const wrappedSecretIds = await mintWrappedSecretIds(
    addr,
    keys.rootToken,
    options.controllers,
  );
  return {
    addr,
    rootToken: keys.rootToken,
    unsealKeys: keys.unsealKeys,
    roleId,
    wrappedSecretIds,
    secretsPath: SECRETS_PATH,
    secretsMount: SECRETS_MOUNT,
  };
}
