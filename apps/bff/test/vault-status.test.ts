import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { errorBodySchema, integrationStatusSchema } from '@vault-secrets/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserIfAbsent } from '../src/auth/users-repository';
import type { HttpClient } from './support/http-client';
import {
  configureRequest,
  type AppRoleSetup,
  type DevVault,
} from './vault-support/provisioning';
import {
  startVaultController,
  type VaultTestController,
} from './vault-support/vault-controller';
import {
  controllerRow,
  eventually,
  sealStatus,
  unseal,
} from './vault-support/status-probes';
import { startVaultTestbed, type VaultTestbed } from './vault-support/testbed';

let db: pg.Pool;
let testbed: VaultTestbed;
let vault: DevVault;
let role: AppRoleSetup;
let r1: VaultTestController;
let r2: VaultTestController;
let r3: VaultTestController;
let admin: HttpClient;
let user: HttpClient;

beforeAll(async () => {
  testbed = await startVaultTestbed();
  const { databaseUrl } = testbed;
  ({ db, vault, role } = testbed);
  const fast = { heartbeatIntervalMs: 200 };
  r1 = await startVaultController(databaseUrl, 'region-1', fast);
  r2 = await startVaultController(databaseUrl, 'region-2', fast);
  r3 = await startVaultController(databaseUrl, 'region-3', fast);
  admin = await r1.admin();
  await createUserIfAbsent(db, {
    username: 'viewer',
    password: 'a long password',
    role: 'user',
  });
  user = r1.client();
  await user.login('viewer', 'a long password');
});

afterAll(() => testbed.close());

async function integrationStatus(client = user) {
  const result = await client.get('/api/v1/vault/status');
  expect(result.status).toBe(200);
  return integrationStatusSchema.parse(result.body);
}

async function configure(target: VaultTestController) {
  const result = await admin.post(
    `/api/v1/controllers/${target.controllerId}/vault`,
    await configureRequest(vault, role),
  );
  expect(result.status).toBe(200);
}

describe('before any controller is configured', () => {
  it('reports not-configured with every controller and no local Vault', async () => {
    const status = await integrationStatus();
    expect(status).toMatchObject({
      state: 'not-configured',
      vaultEnabled: false,
      configuredCount: 0,
      controllerCount: 3,
      migration: null,
      vault: { reachable: false, initialized: null, sealed: null },
    });
    expect(status.controllers.map((c) => c.name)).toEqual([
      'region-1',
      'region-2',
      'region-3',
    ]);
  });

  it('answers seal-status as unreachable, and refuses to unseal, without a configuration', async () => {
    expect(await sealStatus(r3)).toEqual({
      reachable: false,
      initialized: false,
      sealed: false,
      t: 0,
      n: 0,
      progress: 0,
    });
    const result = await unseal(r3, { key: randomBytes(32).toString('base64') });
    expect(result.status).toBe(409);
    expect(errorBodySchema.parse(result.body).error.code).toBe('VAULT_NOT_CONFIGURED');
  });

  it('shows the status to users only', async () => {
    expect((await r1.client().get('/api/v1/vault/status')).status).toBe(401);
  });
});

describe('as controllers are configured', () => {
  it('moves from partially-configured to ready-to-migrate', async () => {
    await configure(r1);
    const partial = await integrationStatus();
    expect(partial).toMatchObject({
      state: 'partially-configured',
      configuredCount: 1,
      controllerCount: 3,
      vault: { reachable: true, initialized: true, sealed: false },
    });

    await configure(r2);
    await configure(r3);
    const ready = await integrationStatus();
    expect(ready).toMatchObject({ state: 'ready-to-migrate', configuredCount: 3 });
    expect(ready.controllers.every((c) => c.vaultConfigured && c.vaultConfiguredAt)).toBe(
      true,
    );
  });

  it('reports enabled once the cluster-wide flag is set', async () => {
    await db.query('UPDATE cluster_settings SET vault_enabled = true');
    try {
      expect(await integrationStatus()).toMatchObject({
        state: 'enabled',
        vaultEnabled: true,
      });
    } finally {
      await db.query('UPDATE cluster_settings SET vault_enabled = false');
    }
  });

  it("reports each controller's own Vault check with its heartbeat", async () => {
    const row = await eventually(
      () => controllerRow(user, r2.controllerId),
      (c) => c?.vault?.authenticated === true,
    );
    expect(row?.vault).toMatchObject({
      reachable: true,
      sealed: false,
      authenticated: true,
      error: null,
    });
  });
});
