import pg from 'pg';
import { createTestDatabase } from '../support/database';
import {
  provisionAppRole,
  startDevVault,
  type AppRoleSetup,
  type DevVault,
} from './provisioning';
import { stopVaultControllers } from './vault-controller';

/** What every Vault integration test starts from. */
export interface VaultTestbed {
  databaseUrl: string;
  /** For looking at rows directly. */
  db: pg.Pool;
  vault: DevVault;
  /** The AppRole `region`, with the test policy on `secret/maas`. */
  role: AppRoleSetup;
  /** Stops the controllers this file started, then Vault, then the pool. */
  close(): Promise<void>;
}

/** A fresh database and a dev-mode Vault provisioned with the `region` AppRole. */
export async function startVaultTestbed(): Promise<VaultTestbed> {
  const databaseUrl = await createTestDatabase();
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const vault = await startDevVault();
  const role = await provisionAppRole(vault, { roleName: 'region' });
  return {
    databaseUrl,
    db,
    vault,
    role,
    close: async () => {
      await stopVaultControllers();
      await vault.close();
      await db.end();
    },
  };
}
