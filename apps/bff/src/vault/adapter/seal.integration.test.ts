import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCapturedLogger } from '../test-support/captured-logger';
import {
  provisionAppRole,
  startDevVault,
  type AppRoleSetup,
  type DevVault,
} from '../test-support/dev-vault';
import { approleLogin, unwrapSecretId } from './auth';
import { vaultErrorToHttp } from './errors';
import { readHealth, readSealStatus, submitUnsealKey } from './health';
import { VaultSession } from './session';
import { vaultFailure } from '../test-support/vault-failure';

let vault: DevVault;
let role: AppRoleSetup;

beforeAll(async () => {
  vault = await startDevVault();
  role = await provisionAppRole(vault, { roleName: 'maas-seal' });
});
afterAll(() => vault.close());

describe('an unsealed dev Vault', () => {
  it('reads as reachable, initialized and unsealed', async () => {
    expect(await readHealth(vault.url)).toMatchObject({
      reachable: true,
      initialized: true,
      sealed: false,
      standby: false,
      error: null,
    });
    expect(await readSealStatus(vault.url)).toEqual({
      initialized: true,
      sealed: false,
      t: 1,
      n: 1,
      progress: 0,
    });
  });

  it('refuses a reset while unsealed with words that say so', async () => {
    const error = await vaultFailure(submitUnsealKey(vault.url, { reset: true }));
    expect(error.kind).toBe('unseal-rejected');
    expect(error.message).toBe('Vault is already unsealed: there is nothing to reset.');
  });
});

describe('a sealed Vault', () => {
  let session: VaultSession;

  beforeAll(async () => {
    session = new VaultSession({
      url: vault.url,
      roleId: role.roleId,
      secretId: await role.secretId(),
      secretsMount: 'secret',
      secretsPath: 'maas',
      logger: createCapturedLogger().logger,
    });
    await session.kvWrite('before/seal', { ok: true });
    await vault.seal();
  });
  afterAll(() => session.close());

  it('reads as sealed in health and seal status', async () => {
    expect(await readHealth(vault.url)).toMatchObject({ reachable: true, sealed: true });
    expect(await readSealStatus(vault.url)).toMatchObject({
      sealed: true,
      t: 1,
      progress: 0,
    });
  });

  it('fails every call as sealed, answered 503 VAULT_SEALED', async () => {
    const read = await vaultFailure(session.kvRead('before/seal'));
    expect(read.kind).toBe('sealed');
    expect(read.message).toBe(
      `Vault at ${vault.url} is sealed. Unseal it with its key shares, then try again.`,
    );
    expect(vaultErrorToHttp(read)).toMatchObject({ status: 503, code: 'VAULT_SEALED' });
    expect((await vaultFailure(approleLogin(vault.url, role.roleId, 'x'))).kind).toBe(
      'sealed',
    );
    expect((await vaultFailure(unwrapSecretId(vault.url, 'hvs.whatever'))).kind).toBe(
      'sealed',
    );
  });

  it('turns refused key shares into advice that never repeats them', async () => {
    const garbled = 'not hex and not base64 !!';
    const notAKey = await vaultFailure(submitUnsealKey(vault.url, { key: garbled }));
    expect(notAKey.kind).toBe('unseal-rejected');
    expect(notAKey.message).toContain('hex or base64');
    expect(JSON.stringify(vaultErrorToHttp(notAKey))).not.toContain(garbled);

    const wrongKey = randomBytes(33).toString('base64');
    const wrong = await vaultFailure(submitUnsealKey(vault.url, { key: wrongKey }));
    expect(wrong.kind).toBe('unseal-rejected');
    expect(wrong.message).toMatch(/^That key share is not valid for this Vault/);
    expect(JSON.stringify(vaultErrorToHttp(wrong))).not.toContain(wrongKey);
  });

  it('unseals with the right key share, and the session works again', async () => {
    const status = await submitUnsealKey(vault.url, { key: vault.unsealKey });
    expect(status).toMatchObject({ sealed: false, progress: 0 });
    expect(await session.kvRead('before/seal')).toEqual({ ok: true });
  });
});
