import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { configureVaultResponseSchema, errorBodySchema } from '@vault-secrets/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPortUrl } from '../src/vault/test-support/other-servers';
import type { HttpClient, HttpResult } from './support/http-client';
import {
  configureRequest,
  leakedSecrets,
  provisionAppRole,
  vaultApi,
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
let configured: VaultTestController;
let fresh: VaultTestController;
const admins = new Map<VaultTestController, HttpClient>();
const answers: string[] = [];
const secrets: string[] = [];

beforeAll(async () => {
  testbed = await startVaultTestbed();
  const { databaseUrl } = testbed;
  ({ db, vault, role } = testbed);
  configured = await startVaultController(databaseUrl, 'region-1');
  fresh = await startVaultController(databaseUrl, 'region-2');
  admins.set(configured, await configured.admin());
  admins.set(fresh, await fresh.admin());
});

afterAll(() => testbed.close());

async function configure(
  target: VaultTestController,
  body: Record<string, unknown>,
  client = admins.get(target),
): Promise<HttpResult> {
  if (!client) throw new Error('no client for this controller');
  if (typeof body.wrappedToken === 'string') secrets.push(body.wrappedToken);
  const result = await client.post(
    `/api/v1/controllers/${target.controllerId}/vault`,
    body,
  );
  answers.push(result.text);
  return result;
}

function errorOf(result: HttpResult) {
  return errorBodySchema.parse(result.body).error;
}

const vaultFile = (target: VaultTestController) => path.join(target.dir, 'vault.json');

async function configuredAt(target: VaultTestController): Promise<Date | null> {
  const result = await db.query<{ vault_configured_at: Date | null }>(
    'SELECT vault_configured_at FROM controllers WHERE id = $1',
    [target.controllerId],
  );
  return result.rows[0]?.vault_configured_at ?? null;
}

/** The file's bytes and the database's mark, to show that a failure changed neither. */
async function snapshot(target: VaultTestController) {
  const file = await readFile(vaultFile(target), 'utf8').catch(() => null);
  return { file, configuredAt: (await configuredAt(target))?.toISOString() ?? null };
}

describe('configuring Vault on this controller', () => {
  it('writes vault.json 0600 without the wrapping token, marks the database, logs in', async () => {
    const request = await configureRequest(vault, role);
    const result = await configure(configured, request);

    expect(result.status).toBe(200);
    const { controller } = configureVaultResponseSchema.parse(result.body);
    expect(controller).toMatchObject({
      id: configured.controllerId,
      vaultConfigured: true,
    });
    expect(controller.vault).toMatchObject({
      reachable: true,
      sealed: false,
      authenticated: true,
    });

    const info = await stat(vaultFile(configured));
    expect(info.mode & 0o777).toBe(0o600);
    const text = await readFile(vaultFile(configured), 'utf8');
    const saved = JSON.parse(text) as Record<string, string>;
    secrets.push(saved.secretId ?? '');
    expect(saved).toMatchObject({
      url: vault.url,
      roleId: role.roleId,
      secretsPath: 'maas',
    });
    expect(saved.secretId).toMatch(/\S{8,}/);
    expect(text).not.toContain(request.wrappedToken);
    expect(Object.keys(saved)).not.toContain('wrappedToken');

    const at = await configuredAt(configured);
    expect(at?.toISOString()).toBe(controller.vaultConfiguredAt);
    const line = configured.logs
      .entries()
      .find((e) => e.msg === 'vault configure succeeded');
    expect(line).toMatchObject({
      controller: 'region-1',
      secretsPath: 'maas',
      secretsMount: 'secret',
    });
    expect(line?.vaultHost).toBe(new URL(vault.url).host);
  });

  it('refuses to overwrite without confirmation, leaving the wrapped token unused', async () => {
    const before = await snapshot(configured);
    const request = await configureRequest(vault, role);

    const refused = await configure(configured, request);
    expect(refused.status).toBe(409);
    expect(errorOf(refused).code).toBe('ALREADY_CONFIGURED');
    expect(errorOf(refused).message).toMatch(/"overwrite": true/);
    expect(await snapshot(configured)).toEqual(before);

    // The same token still works: the refusal happened before Vault was asked.
    const confirmed = await configure(configured, { ...request, overwrite: true });
    expect(confirmed.status).toBe(200);
    const after = await snapshot(configured);
    expect(after.file).not.toEqual(before.file);
    expect(after.configuredAt).not.toEqual(before.configuredAt);
    secrets.push((JSON.parse(after.file ?? '{}') as { secretId: string }).secretId);
  });

  it('answers VAULT_WRAPPING_TOKEN_INVALID for a wrapped token already used, changing nothing', async () => {
    const request = await configureRequest(vault, role);
    const used = await vaultApi(
      vault.url,
      request.wrappedToken,
      'POST',
      'sys/wrapping/unwrap',
    );
    expect(used.status).toBe(200);

    const result = await configure(fresh, request);
    expect(result.status).toBe(400);
    expect(errorOf(result).code).toBe('VAULT_WRAPPING_TOKEN_INVALID');
    expect(errorOf(result).message).toMatch(/already used/);
    expect(await snapshot(fresh)).toEqual({ file: null, configuredAt: null });
  });

  it('answers VAULT_INVALID_CREDENTIALS for a wrong role id, keeping the old configuration', async () => {
    const before = await snapshot(configured);
    const request = await configureRequest(vault, role, {
      roleId: '00000000-1111-2222-3333-444444444444',
      overwrite: true,
    });
    const result = await configure(configured, request);
    expect(result.status).toBe(400);
    expect(errorOf(result).code).toBe('VAULT_INVALID_CREDENTIALS');
    expect(errorOf(result).message).toMatch(/role ID/);
    expect(await snapshot(configured)).toEqual(before);
    const failed = configured.logs
      .entries()
      .filter((e) => e.msg === 'vault configure failed');
    expect(failed.at(-1)).toMatchObject({
      controller: 'region-1',
      outcome: 'failed',
      code: 'VAULT_INVALID_CREDENTIALS',
      errorKind: 'invalid-credentials',
      secretsPath: 'maas',
    });
  });

  it('answers VAULT_PERMISSION_DENIED naming the capability and path when the policy cannot write', async () => {
    const reader = await provisionAppRole(vault, {
      roleName: 'reader',
      dataCapabilities: ['read'],
      metadataCapabilities: ['list'],
    });
    const result = await configure(fresh, await configureRequest(vault, reader));
    expect(result.status).toBe(403);
    const error = errorOf(result);
    expect(error.code).toBe('VAULT_PERMISSION_DENIED');
    expect(error.message).toMatch(
      /denied create on secret\/data\/maas\/\.config-check\//,
    );
    expect(error.details).toMatchObject({ capability: 'create' });
    expect(await snapshot(fresh)).toEqual({ file: null, configuredAt: null });
  });

  it('answers VAULT_UNREACHABLE naming the URL when nothing listens there', async () => {
    const url = await closedPortUrl();
    const result = await configure(fresh, await configureRequest(vault, role, { url }));
    expect(result.status).toBe(503);
    expect(errorOf(result).code).toBe('VAULT_UNREACHABLE');
    expect(errorOf(result).message).toContain(url);
    expect(await snapshot(fresh)).toEqual({ file: null, configuredAt: null });
  });

  it('answers VAULT_SEALED while Vault is sealed, changing nothing', async () => {
    const request = await configureRequest(vault, role);
    await vault.seal();
    try {
      const result = await configure(fresh, request);
      expect(result.status).toBe(503);
      expect(errorOf(result).code).toBe('VAULT_SEALED');
      expect(await snapshot(fresh)).toEqual({ file: null, configuredAt: null });
    } finally {
      await vault.unseal();
    }
  });
});

describe('secrecy', () => {
  it('puts no wrapped token or secret id in any answer or log line', () => {
    const everything = [...answers, configured.logs.text(), fresh.logs.text()].join('\n');
    expect(secrets.length).toBeGreaterThan(5);
    expect(leakedSecrets(everything, secrets)).toEqual([]);
  });
});
