import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCapturedLogger } from '../test-support/captured-logger';
import {
  provisionAppRole,
  startDevVault,
  vaultApi,
  type AppRoleSetup,
  type DevVault,
} from '../test-support/dev-vault';
import { VaultSession, type VaultSessionOptions } from './session';
import { ACCESS_CHECK_FOLDER, verifyAccess } from './verify-access';
import { vaultFailure } from '../test-support/vault-failure';

let vault: DevVault;
let fullRole: AppRoleSetup;
const sessions: VaultSession[] = [];
const captured = createCapturedLogger();

beforeAll(async () => {
  vault = await startDevVault();
  fullRole = await provisionAppRole(vault, { roleName: 'maas-full' });
});
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
});
afterAll(() => vault.close());

async function openSession(
  role: AppRoleSetup,
  secretsPath = 'maas',
  extra: Partial<VaultSessionOptions> = {},
) {
  const session = new VaultSession({
    url: vault.url,
    roleId: role.roleId,
    secretId: await role.secretId(),
    secretsMount: 'secret',
    secretsPath,
    logger: captured.logger,
    ...extra,
  });
  sessions.push(session);
  return session;
}

describe('KV v2 through a session', () => {
  it('writes, reads, lists and deletes every version of a secret', async () => {
    const session = await openSession(fullRole, 'maas/kv');
    expect(await session.kvWrite('global/tls', { cert: 'c1' })).toEqual({ version: 1 });
    expect(await session.kvWrite('global/tls', { cert: 'c2' })).toEqual({ version: 2 });
    expect(await session.kvRead('global/tls')).toEqual({ cert: 'c2' });
    expect(await session.kvList()).toEqual(['global/']);
    expect(await session.kvList('global')).toEqual(['tls']);

    await session.kvDelete('global/tls');
    expect(await session.kvRead('global/tls')).toBeNull();
    const metadata = await vaultApi(
      vault.url,
      vault.rootToken,
      'GET',
      'secret/metadata/maas/kv/global/tls',
    );
    expect(metadata.status).toBe(404);
  });

  it('reads a missing secret as null and an empty folder as no keys', async () => {
    const session = await openSession(fullRole, 'maas/empty');
    expect(await session.kvRead('nothing/here')).toBeNull();
    expect(await session.kvList('nothing')).toEqual([]);
  });

  it('creates only what does not exist yet', async () => {
    const session = await openSession(fullRole, 'maas/create');
    await session.kvCreate('once', { v: 1 });
    const error = await vaultFailure(session.kvCreate('once', { v: 2 }));
    expect(error.kind).toBe('unexpected');
    expect(error.message).toContain('check-and-set');
    expect(await session.kvRead('once')).toEqual({ v: 1 });
  });

  it('logs in once for many callers that arrive together', async () => {
    const session = await openSession(fullRole);
    const reads = Array.from({ length: 8 }, () => session.kvRead('global/missing'));
    expect(await Promise.all(reads)).toEqual(Array(8).fill(null));
    expect(session.status()).toMatchObject({ authenticated: true, logins: 1 });
  });
});

describe('verifyAccess', () => {
  it('writes, reads back and deletes a test secret, leaving nothing behind', async () => {
    const session = await openSession(fullRole);
    await verifyAccess(session);
    const left = await vaultApi(
      vault.url,
      vault.rootToken,
      'GET',
      `secret/metadata/maas/${ACCESS_CHECK_FOLDER}?list=true`,
    );
    expect(left.status).toBe(404);
  });

  it('names create and the path when the policy cannot create', async () => {
    const role = await provisionAppRole(vault, {
      roleName: 'maas-no-create',
      dataCapabilities: ['read', 'update', 'delete'],
    });
    const error = await vaultFailure(verifyAccess(await openSession(role)));
    expect(error.kind).toBe('permission-denied');
    expect(error.message).toMatch(
      /denied create on secret\/data\/maas\/\.config-check\/[0-9a-f]+ for this AppRole/,
    );
    expect(error.message).toContain(
      'grant create, read, update, delete on secret/data/maas/*',
    );
  });

  it('names delete on the metadata path, and removes nothing it may not', async () => {
    const role = await provisionAppRole(vault, {
      roleName: 'maas-no-delete',
      secretsPath: 'nodelete',
      metadataCapabilities: ['list'],
    });
    const error = await vaultFailure(verifyAccess(await openSession(role, 'nodelete')));
    expect(error.kind).toBe('permission-denied');
    expect(error.message).toMatch(
      /denied delete on secret\/metadata\/nodelete\/\.config-check\//,
    );
  });
});

describe('keeping the token alive', () => {
  it('renews or logs in again before a 2-second token expires', async () => {
    const role = await provisionAppRole(vault, {
      roleName: 'maas-short',
      tokenTtl: '2s',
      tokenMaxTtl: '3s',
    });
    const session = await openSession(role, 'maas', { retryDelayMs: 200 });
    await session.kvWrite('short/lived', { n: 0 });
    for (let i = 1; i <= 10; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await session.kvWrite('short/lived', { n: i });
    }
    expect(await session.kvRead('short/lived')).toEqual({ n: 10 });
    const { logins, renewals } = session.status();
    // Five seconds with a 3-second max TTL cannot pass on one login alone.
    expect(logins).toBeGreaterThanOrEqual(2);
    expect(logins + renewals).toBeGreaterThanOrEqual(3);
  });

  it('logs in again on the next call once its token has expired', async () => {
    const role = await provisionAppRole(vault, {
      roleName: 'maas-expiring',
      tokenTtl: '1s',
      tokenMaxTtl: '1s',
    });
    const session = await openSession(role, 'maas', { autoRefresh: false });
    await session.kvWrite('expiring', { ok: true });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await session.kvRead('expiring')).toEqual({ ok: true });
    expect(session.status().logins).toBe(2);
  });

  it('logs in again once when Vault refuses a token it still counts as valid', async () => {
    // Vault revokes a token after its uses run out, whatever its TTL: to the
    // session this is a 403 for a token it believed good.
    const role = await provisionAppRole(vault, {
      roleName: 'maas-few-uses',
      tokenNumUses: 3,
    });
    const session = await openSession(role);
    await session.kvWrite('uses/one', { ok: 1 });
    await session.kvRead('uses/one');
    expect(session.status().logins).toBe(1);

    expect(await session.kvRead('uses/one')).toEqual({ ok: 1 });
    expect(session.status().logins).toBe(2);
  });
});

describe('what the session logs', () => {
  it('never logs a token or a secret ID', async () => {
    const secretId = await fullRole.secretId();
    const session = new VaultSession({
      url: vault.url,
      roleId: fullRole.roleId,
      secretId,
      secretsMount: 'secret',
      secretsPath: 'maas',
      logger: captured.logger,
    });
    sessions.push(session);
    await session.kvWrite('logged/value', { password: 'hunter2-secret-value' });
    const text = captured.text();
    expect(text).toContain('vault login succeeded');
    expect(text).not.toContain(secretId);
    expect(text).not.toMatch(/hvs\.|"token"/);
    expect(text).not.toContain('hunter2-secret-value');
  });

  it('reports a failed login in its status and log, without the IDs', async () => {
    const logged = createCapturedLogger();
    const wrongSecretId = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const session = new VaultSession({
      url: vault.url,
      roleId: fullRole.roleId,
      secretId: wrongSecretId,
      secretsMount: 'secret',
      secretsPath: 'maas',
      logger: logged.logger,
    });
    sessions.push(session);
    const error = await vaultFailure(session.kvRead('any/thing'));
    expect(error.kind).toBe('invalid-credentials');
    expect(session.status()).toMatchObject({
      authenticated: false,
      lastError: { kind: 'invalid-credentials' },
    });
    expect(logged.text()).toContain('vault login failed');
    expect(logged.text()).not.toContain(wrongSecretId);
    expect(logged.text()).not.toContain(fullRole.roleId);
  });
});
