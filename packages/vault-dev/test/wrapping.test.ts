import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, sleep, startDev } from './helpers';

let server: Awaited<ReturnType<typeof startDev>>;
const INVALID = 'wrapping token is not valid or does not exist';

beforeAll(async () => {
  server = await startDev();
  await call(server, 'POST', 'sys/auth/approle', {
    token: server.rootToken,
    body: { type: 'approle' },
  });
  await call(server, 'POST', 'auth/approle/role/app', {
    token: server.rootToken,
    body: { token_policies: ['default'] },
  });
});
afterAll(() => server.close());

async function wrappedSecretId(ttl = '5m') {
  const wrapped = await call(server, 'POST', 'auth/approle/role/app/secret-id', {
    token: server.rootToken,
    headers: { 'X-Vault-Wrap-TTL': ttl },
  });
  expect(wrapped.status).toBe(200);
  return wrapped.body;
}

describe('response wrapping', () => {
  it('wraps any answer and returns wrap_info as Vault does', async () => {
    const body = await wrappedSecretId('120');
    expect(body).toMatchObject({
      request_id: '',
      data: null,
      auth: null,
      lease_id: '',
      renewable: false,
    });
    expect(body.wrap_info).toMatchObject({
      token: expect.stringMatching(/^hvs\./),
      accessor: expect.any(String),
      ttl: 120,
      creation_path: 'auth/approle/role/app/secret-id',
      wrapped_accessor: '',
    });
    expect(JSON.stringify(body)).not.toContain('secret_id_accessor');
  });

  it('unwraps once with the wrapping token in the header, then refuses it', async () => {
    const token = ((await wrappedSecretId()).wrap_info as { token: string }).token;
    const lookup = await call(server, 'POST', 'sys/wrapping/lookup', { body: { token } });
    expect(lookup.body.data).toMatchObject({
      creation_path: 'auth/approle/role/app/secret-id',
      creation_ttl: 300,
    });
    const looked = await call(server, 'POST', 'auth/token/lookup', {
      token: server.rootToken,
      body: { token },
    });
    expect(looked.body.data).toMatchObject({
      policies: ['response-wrapping'],
      num_uses: 1,
      path: 'auth/approle/role/app/secret-id',
    });
    const unwrapped = await call(server, 'POST', 'sys/wrapping/unwrap', { token });
    expect(unwrapped.status).toBe(200);
    expect(unwrapped.body.data?.secret_id).toEqual(expect.any(String));
    const again = await call(server, 'POST', 'sys/wrapping/unwrap', { token });
    expect(again).toMatchObject({ status: 400, body: { errors: [INVALID] } });
    const lookupAfter = await call(server, 'POST', 'sys/wrapping/lookup', {
      body: { token },
    });
    expect(lookupAfter).toMatchObject({ status: 400, body: { errors: [INVALID] } });
  });

  it('unwraps with another token in the header and the wrapping token in the body', async () => {
    const token = ((await wrappedSecretId()).wrap_info as { token: string }).token;
    const unwrapped = await call(server, 'POST', 'sys/wrapping/unwrap', {
      token: server.rootToken,
      body: { token },
    });
    expect(unwrapped.body.data?.secret_id).toEqual(expect.any(String));
    const fresh = ((await wrappedSecretId()).wrap_info as { token: string }).token;
    const noCaller = await call(server, 'POST', 'sys/wrapping/unwrap', {
      body: { token: fresh },
    });
    expect(noCaller).toMatchObject({
      status: 403,
      body: { errors: ['permission denied'] },
    });
    // Refused before its use: the wrapping token still unwraps.
    expect(
      (await call(server, 'POST', 'sys/wrapping/unwrap', { token: fresh })).status,
    ).toBe(200);
  });

  it("checks the wrapping token before the caller, with Vault's texts", async () => {
    const unwrap = (body?: unknown) =>
      call(server, 'POST', 'sys/wrapping/unwrap', { body });
    expect(await unwrap({ token: 'hvs.not-a-wrapping-token' })).toMatchObject({
      status: 400,
      body: { errors: [INVALID] },
    });
    expect((await unwrap({ token: '' })).body).toEqual({
      errors: ['error validating wrapping token: empty token in request body'],
    });
    expect((await unwrap()).body).toEqual({
      errors: ['error validating wrapping token: token is empty'],
    });
    const lookupNothing = await call(server, 'POST', 'sys/wrapping/lookup', { body: {} });
    expect(lookupNothing.status).toBe(400);
  });

  it('burns a wrapping token sent in both the header and the body, as Vault does', async () => {
    const token = ((await wrappedSecretId()).wrap_info as { token: string }).token;
    const both = await call(server, 'POST', 'sys/wrapping/unwrap', {
      token,
      body: { token },
    });
    expect(both).toMatchObject({ status: 400, body: { errors: [INVALID] } });
    const after = await call(server, 'POST', 'sys/wrapping/unwrap', { token });
    expect(after).toMatchObject({ status: 400, body: { errors: [INVALID] } });
  });

  it('wraps a login: wrapped_accessor names the wrapped token', async () => {
    const roleId = (
      await call(server, 'GET', 'auth/approle/role/app/role-id', {
        token: server.rootToken,
      })
    ).body.data?.role_id;
    const secretId = (
      await call(server, 'POST', 'auth/approle/role/app/secret-id', {
        token: server.rootToken,
      })
    ).body.data?.secret_id;
    const login = await call(server, 'POST', 'auth/approle/login', {
      body: { role_id: roleId, secret_id: secretId },
      headers: { 'X-Vault-Wrap-TTL': '1m' },
    });
    const info = login.body.wrap_info as { token: string; wrapped_accessor: string };
    const unwrapped = await call(server, 'POST', 'sys/wrapping/unwrap', {
      token: info.token,
    });
    expect((unwrapped.body.auth as { accessor: string }).accessor).toBe(
      info.wrapped_accessor,
    );
  });

  it('expires wrapping tokens at their TTL', async () => {
    const token = ((await wrappedSecretId('1s')).wrap_info as { token: string }).token;
    await sleep(1100);
    const late = await call(server, 'POST', 'sys/wrapping/unwrap', { token });
    expect(late).toMatchObject({ status: 400, body: { errors: [INVALID] } });
  });

  it('refuses a bad X-Vault-Wrap-TTL with 400', async () => {
    const bad = await call(server, 'GET', 'secret/config', {
      token: server.rootToken,
      headers: { 'X-Vault-Wrap-TTL': 'soon' },
    });
    expect(bad).toMatchObject({
      status: 400,
      body: {
        errors: ['error parsing X-Vault-Wrap-TTL header: time: invalid duration "soon"'],
      },
    });
    const negative = await call(server, 'GET', 'secret/config', {
      token: server.rootToken,
      headers: { 'X-Vault-Wrap-TTL': '-5m' },
    });
    expect(negative.body.errors).toEqual([
      'error parsing X-Vault-Wrap-TTL header: requested wrap ttl cannot be negative',
    ]);
  });

  it('holds a wrap TTL to the min_wrapping_ttl and max_wrapping_ttl of the policy', async () => {
    const write = await call(server, 'PUT', 'sys/policies/acl/wrapper', {
      token: server.rootToken,
      body: {
        policy: `path "auth/approle/role/app/secret-id" {
          capabilities = ["update"]
          min_wrapping_ttl = "1m"
          max_wrapping_ttl = "10m"
        }`,
      },
    });
    expect(write.status).toBe(204);
    const created = await call(server, 'POST', 'auth/token/create', {
      token: server.rootToken,
      body: { policies: ['wrapper'] },
    });
    const token = (created.body.auth as { client_token: string }).client_token;
    const secretId = (ttl?: string) =>
      call(server, 'POST', 'auth/approle/role/app/secret-id', {
        token,
        headers: ttl ? { 'X-Vault-Wrap-TTL': ttl } : {},
      });
    expect((await secretId('5m')).body.wrap_info).toMatchObject({ ttl: 300 });
    for (const outside of ['11m', '30s', undefined]) {
      expect((await secretId(outside)).status, String(outside)).toBe(403);
    }
  });

  it('gives a wrapping token no other rights', async () => {
    const token = ((await wrappedSecretId()).wrap_info as { token: string }).token;
    expect((await call(server, 'GET', 'auth/token/lookup-self', { token })).status).toBe(
      403,
    );
    expect((await call(server, 'GET', 'secret/config', { token })).status).toBe(403);
  });
});
