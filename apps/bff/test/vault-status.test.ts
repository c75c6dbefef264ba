import { randomBytes } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import {
  controllersResponseSchema,
  errorBodySchema,
  integrationStatusSchema,
  sealStatusSchema,
  type Controller,
} from '@vault-secrets/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserIfAbsent } from '../src/auth/users-repository';
import type { HttpClient, HttpResult } from './support/http-client';
import {
  configureRequest,
  type AppRoleSetup,
  type DevVault,
} from './vault-support/provisioning';
import {
  startVaultController,
  type VaultTestController,
} from './vault-support/vault-controller';
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
  r2 = await startVaultController(databaseUrl, 'region-2', {
    ...fast,
    extension: { unsealLimits: { maxRequests: 2, windowMs: 60_000, maxClients: 10 } },
  });
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

async function sealStatus(controller: VaultTestController) {
  const result = await controller.client().get('/api/v1/vault/seal-status');
  expect(result.status).toBe(200);
  return sealStatusSchema.parse(result.body);
}

async function configure(target: VaultTestController) {
  const result = await admin.post(
    `/api/v1/controllers/${target.controllerId}/vault`,
    await configureRequest(vault, role),
  );
  expect(result.status).toBe(200);
}

async function unseal(
  controller: VaultTestController,
  body: unknown,
): Promise<HttpResult> {
  const client = controller.client();
  await client.primeCsrf();
  return client.post('/api/v1/vault/unseal', body);
}

/** Polls until `check` holds; the monitors and heartbeats run on short periods here. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean) {
  const deadline = Date.now() + 8_000;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

async function controllerRow(id: string): Promise<Controller | undefined> {
  const result = await user.get('/api/v1/controllers');
  return controllersResponseSchema
    .parse(result.body)
    .controllers.find((c) => c.id === id);
}

async function sealStatusCalls(): Promise<number> {
  const response = await fetch(`${vault.url}/v1/sys/metrics?format=prometheus`, {
    headers: { 'X-Vault-Token': vault.rootToken },
  });
  const text = await response.text();
  return text
    .split('\n')
    .filter((line) => line.includes('seal-status') && !line.startsWith('#'))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
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
      () => controllerRow(r2.controllerId),
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

describe('seal status and unsealing', () => {
  it('answers the seal status of the configured Vault', async () => {
    expect(await sealStatus(r1)).toEqual({
      reachable: true,
      initialized: true,
      sealed: false,
      t: 1,
      n: 1,
      progress: 0,
    });
  });

  it('serves many pollers from one cached Vault call', async () => {
    await sealStatus(r1);
    const before = await sealStatusCalls();
    const clients = Array.from({ length: 25 }, () => sealStatus(r1));
    await Promise.all(clients);
    const after = await sealStatusCalls();
    expect(before).toBeGreaterThan(0);
    expect(after - before).toBeLessThanOrEqual(1);
  });

  it('sees the seal, refuses a wrong key share clearly, and unseals with the right one', async () => {
    await vault.seal();
    try {
      const sealed = await eventually(
        () => sealStatus(r1),
        (s) => s.sealed,
      );
      expect(sealed).toMatchObject({ reachable: true, sealed: true, progress: 0 });
      const checked = await eventually(
        () => controllerRow(r1.controllerId),
        (c) => c?.vault?.sealed === true,
      );
      expect(checked?.vault?.sealed).toBe(true);

      const wrongKey = randomBytes(32).toString('base64');
      const wrong = await unseal(r1, { key: wrongKey });
      expect(wrong.status).toBe(400);
      const error = errorBodySchema.parse(wrong.body).error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details?.fields).toHaveProperty('key');
      expect(error.message).not.toContain(wrongKey);

      const reset = await unseal(r1, { reset: true });
      expect(sealStatusSchema.parse(reset.body)).toMatchObject({
        sealed: true,
        progress: 0,
      });

      const right = await unseal(r1, { key: vault.unsealKey });
      expect(right.status).toBe(200);
      expect(sealStatusSchema.parse(right.body)).toMatchObject({
        reachable: true,
        sealed: false,
      });
      expect(await sealStatus(r1)).toMatchObject({ sealed: false });

      const logs = r1.logs.text();
      expect(logs).toContain('vault unseal share submitted');
      expect(logs).not.toContain(wrongKey);
      expect(logs).not.toContain(vault.unsealKey);
    } finally {
      if ((await sealStatus(r1)).sealed) await vault.unseal();
    }
  });

  it('names the field when the body is not a key share', async () => {
    const result = await unseal(r1, { key: '' });
    expect(result.status).toBe(400);
    expect(errorBodySchema.parse(result.body).error.details?.fields).toHaveProperty(
      'key',
    );
  });

  it('rate-limits unseal attempts per client address', async () => {
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await unseal(r2, { reset: true }));
    expect(answers.slice(0, 2).map((a) => a.status)).not.toContain(429);
    expect(answers[2]?.status).toBe(429);
    expect(errorBodySchema.parse(answers[2]?.body).error.code).toBe('RATE_LIMITED');
    expect(Number(answers[2]?.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});

describe('a configuration file that goes bad', () => {
  it('is noticed without a restart and reported with the heartbeat, secret-free', async () => {
    const file = path.join(r3.dir, 'vault.json');
    const good = await readFile(file, 'utf8');
    await chmod(file, 0o644);
    try {
      const row = await eventually(
        () => controllerRow(r3.controllerId),
        (c) => c?.vault?.authenticated === false,
      );
      expect(row?.vault).toMatchObject({ reachable: false, authenticated: false });
      expect(row?.vault?.error).toMatch(/can be read by other users.*chmod 600/);
      expect(await sealStatus(r3)).toMatchObject({ reachable: false });
      const secretId = (JSON.parse(good) as { secretId: string }).secretId;
      expect(JSON.stringify(row)).not.toContain(secretId);
    } finally {
      await chmod(file, 0o600);
    }
    const healed = await eventually(
      () => controllerRow(r3.controllerId),
      (c) => c?.vault?.authenticated === true,
    );
    expect(healed?.vault).toMatchObject({ reachable: true, error: null });
  });
});
