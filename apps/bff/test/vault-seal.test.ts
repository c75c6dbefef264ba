import { randomBytes } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorBodySchema, sealStatusSchema } from '@vault-secrets/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from './support/http-client';
import { requestsServed } from '../src/vault/test-support/dev-vault';
import { configureRequest, type DevVault } from './vault-support/provisioning';
import {
  controllerRow,
  eventually,
  sealStatus,
  unseal,
} from './vault-support/status-probes';
import { startVaultTestbed, type VaultTestbed } from './vault-support/testbed';
import {
  startVaultController,
  type VaultTestController,
} from './vault-support/vault-controller';

// Seal status, unsealing and a vault.json gone bad, on three configured
// controllers; the integration states are in vault-status.test.ts.

let testbed: VaultTestbed;
let vault: DevVault;
let r1: VaultTestController;
let r2: VaultTestController;
let r3: VaultTestController;
let admin: HttpClient;

beforeAll(async () => {
  testbed = await startVaultTestbed();
  const { databaseUrl } = testbed;
  vault = testbed.vault;
  const fast = { heartbeatIntervalMs: 200 };
  r1 = await startVaultController(databaseUrl, 'region-1', fast);
  r2 = await startVaultController(databaseUrl, 'region-2', {
    ...fast,
    extension: { unsealLimits: { maxRequests: 2, windowMs: 60_000, maxClients: 10 } },
  });
  r3 = await startVaultController(databaseUrl, 'region-3', fast);
  admin = await r1.admin();
  for (const target of [r1, r2, r3]) {
    const request = await configureRequest(vault, testbed.role);
    const result = await admin.post(
      `/api/v1/controllers/${target.controllerId}/vault`,
      request,
    );
    expect(result.status).toBe(200);
  }
});

afterAll(() => testbed.close());

const sealStatusCalls = () => requestsServed(vault, 'seal-status');

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
        () => controllerRow(admin, r1.controllerId),
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
        () => controllerRow(admin, r3.controllerId),
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
      () => controllerRow(admin, r3.controllerId),
      (c) => c?.vault?.authenticated === true,
    );
    expect(healed?.vault).toMatchObject({ reachable: true, error: null });
  });
});
