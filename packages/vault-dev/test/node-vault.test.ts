import nodeVault from 'node-vault';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVaultDevServer, type VaultDevServer } from '../src';

let server: VaultDevServer;

beforeAll(async () => {
  server = await startVaultDevServer({ port: 0 });
});
afterAll(() => server.close());

describe('node-vault 0.12 end to end', () => {
  it('runs status, init, unseal, approle, KV, unwrap and tokenLookupSelf', async () => {
    const admin = nodeVault({ endpoint: server.url });
    expect(await admin.status()).toMatchObject({ initialized: false, sealed: true });
    const init = await admin.init({ secret_shares: 2, secret_threshold: 2 });
    admin.token = init.root_token;
    await admin.unseal({ secret_shares: 2, key: init.keys[0] });
    const unsealed = await admin.unseal({ secret_shares: 2, key: init.keys_base64[1] });
    expect(unsealed.sealed).toBe(false);
    expect(await admin.health()).toMatchObject({ sealed: false });

    await admin.mount({ mount_point: 'secret', type: 'kv', options: { version: '2' } });
    await admin.enableAuth({ mount_point: 'approle', type: 'approle' });
    await admin.addPolicy({
      name: 'app',
      rules:
        'path "secret/data/app/*" { capabilities = ["create", "read", "update", "delete"] }\npath "secret/metadata/app/*" { capabilities = ["list", "delete"] }',
    });
    await admin.addApproleRole({ role_name: 'app', policies: 'app' });
    const { data: role } = await admin.getApproleRoleId({ role_name: 'app' });
    const wrapped = await admin.request({
      path: '/auth/approle/role/app/secret-id',
      method: 'POST',
      headers: { 'X-Vault-Wrap-TTL': '1h' },
    });

    const app = nodeVault({ endpoint: server.url, token: wrapped.wrap_info.token });
    const unwrapped = await app.unwrap();
    await app.approleLogin({
      role_id: role.role_id,
      secret_id: unwrapped.data.secret_id,
    });
    expect(app.token).toMatch(/^hvs\./);
    const self = await app.tokenLookupSelf();
    expect(self.data.policies).toEqual(['app', 'default']);

    await app.write('secret/data/app/one', { data: { v: 1 } });
    await app.write('secret/data/app/two', { data: { v: 2 } });
    expect((await app.read('secret/data/app/one')).data.data).toEqual({ v: 1 });
    expect((await app.list('secret/metadata/app')).data.keys).toEqual(['one', 'two']);
    await app.delete('secret/metadata/app/one');
    await expect(app.read('secret/data/app/one')).rejects.toMatchObject({
      message: 'Status 404',
      response: { statusCode: 404 },
    });
    await expect(app.read('secret/data/elsewhere')).rejects.toMatchObject({
      response: { statusCode: 403 },
    });
    await expect(app.unwrap({ token: wrapped.wrap_info.token })).rejects.toMatchObject({
      message: 'wrapping token is not valid or does not exist',
    });
  });
});
