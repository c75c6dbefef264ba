import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  provisionAppRole,
  startDevVault,
  vaultApi,
  type AppRoleSetup,
  type DevVault,
} from '../test-support/dev-vault';
import { approleLogin, unwrapSecretId } from './auth';
import { vaultErrorToHttp, type VaultError } from './errors';
import { vaultFailure } from '../test-support/vault-failure';

let vault: DevVault;
let role: AppRoleSetup;

beforeAll(async () => {
  vault = await startDevVault();
  role = await provisionAppRole(vault, { roleName: 'maas-auth' });
});
afterAll(() => vault.close());

/** Everything about an error that could reach a log, a browser or a terminal. */
const shown = (error: VaultError) =>
  JSON.stringify({
    message: error.message,
    stack: error.stack,
    http: vaultErrorToHttp(error),
  });

describe('unwrapping and logging in against vault-dev', () => {
  it('unwraps the secret ID and logs in with it, learning when the token expires', async () => {
    const secretId = await unwrapSecretId(vault.url, await role.wrappedSecretId());
    expect(secretId).toMatch(/^[0-9a-f-]{36}$/);

    const login = await approleLogin(vault.url, role.roleId, secretId);
    expect(login.token.length).toBeGreaterThan(0);
    expect(login.renewable).toBe(true);
    expect(login.ttlSeconds).toBeGreaterThan(3000);
    expect(Date.parse(login.expireTime ?? '')).toBeGreaterThan(Date.now());
  });

  it('refuses a wrapping token used a second time, without repeating it', async () => {
    const wrapped = await role.wrappedSecretId();
    await unwrapSecretId(vault.url, wrapped);

    const error = await vaultFailure(unwrapSecretId(vault.url, wrapped));
    expect(error.kind).toBe('wrapping-token-invalid');
    expect(error.message).toContain('already used, has expired');
    expect(vaultErrorToHttp(error)).toMatchObject({
      status: 400,
      code: 'VAULT_WRAPPING_TOKEN_INVALID',
    });
    expect(shown(error)).not.toContain(wrapped);
  });

  it('refuses a wrapping token Vault never issued', async () => {
    const error = await vaultFailure(
      unwrapSecretId(vault.url, 'hvs.not-a-wrapping-token-at-all'),
    );
    expect(error.kind).toBe('wrapping-token-invalid');
  });

  it('refuses a wrong role ID as invalid credentials, naming neither ID', async () => {
    const secretId = await role.secretId();
    const wrongRoleId = '00000000-0000-0000-0000-000000000000';
    const error = await vaultFailure(approleLogin(vault.url, wrongRoleId, secretId));
    expect(error.kind).toBe('invalid-credentials');
    expect(vaultErrorToHttp(error).code).toBe('VAULT_INVALID_CREDENTIALS');
    expect(shown(error)).not.toContain(secretId);
    expect(shown(error)).not.toContain(wrongRoleId);
  });

  it('refuses a wrong secret ID as invalid credentials', async () => {
    const wrongSecretId = '11111111-2222-3333-4444-555555555555';
    const error = await vaultFailure(approleLogin(vault.url, role.roleId, wrongSecretId));
    expect(error.kind).toBe('invalid-credentials');
    expect(shown(error)).not.toContain(wrongSecretId);
  });

  it('says so when the wrapped token held something other than a secret ID', async () => {
    const wrappedRoleId = await vaultApi(
      vault.url,
      vault.rootToken,
      'GET',
      `auth/approle/role/${role.roleName}/role-id`,
      undefined,
      { 'X-Vault-Wrap-TTL': '5m' },
    );
    const { token } = (wrappedRoleId.body as { wrap_info: { token: string } }).wrap_info;
    const error = await vaultFailure(unwrapSecretId(vault.url, token));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toContain('at data.secret_id');
    expect(error.message).toContain('something other than an AppRole secret ID');
    expect(shown(error)).not.toContain(token);
  });
});
