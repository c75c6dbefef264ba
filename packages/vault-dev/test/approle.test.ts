import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, sleep, startDev } from './helpers';

let server: Awaited<ReturnType<typeof startDev>>;
const root = (method: string, path: string, body?: unknown) =>
  call(server, method, path, { token: server.rootToken, body });

beforeAll(async () => {
  server = await startDev();
  expect((await root('POST', 'sys/auth/approle', { type: 'approle' })).status).toBe(204);
  await root('PUT', 'sys/policies/acl/app', {
    policy: 'path "secret/data/app/*" { capabilities = ["create", "read", "update"] }',
  });
});
afterAll(() => server.close());

async function roleId(name: string): Promise<string> {
  const read = await root('GET', `auth/approle/role/${name}/role-id`);
  return read.body.data?.role_id as string;
}

async function secretId(
  name: string,
  body: Record<string, unknown> = {},
): Promise<string> {
  const made = await root('POST', `auth/approle/role/${name}/secret-id`, body);
  expect(made.status).toBe(200);
  return made.body.data?.secret_id as string;
}

describe('AppRole', () => {
  it('lists approle among auth methods and refuses a second enable', async () => {
    const auths = await root('GET', 'sys/auth');
    expect(auths.body['approle/']).toMatchObject({ type: 'approle' });
    expect(auths.body.data?.['token/']).toMatchObject({ type: 'token' });
    const again = await root('POST', 'sys/auth/approle', { type: 'approle' });
    expect(again.body.errors?.[0]).toContain('path is already in use at auth/approle/');
  });

  it('creates, reads, lists and deletes roles', async () => {
    const created = await root('POST', 'auth/approle/role/reader', {
      token_policies: 'app,other',
      token_ttl: '1h',
      token_max_ttl: 7200,
      secret_id_ttl: '10m',
      secret_id_num_uses: 3,
    });
    expect(created.status).toBe(204);
    const read = await root('GET', 'auth/approle/role/reader');
    expect(read.body.data).toMatchObject({
      token_policies: ['app', 'other'],
      policies: ['app', 'other'],
      token_ttl: 3600,
      token_max_ttl: 7200,
      secret_id_ttl: 600,
      secret_id_num_uses: 3,
      bind_secret_id: true,
    });
    await root('POST', 'auth/approle/role/legacy', { policies: ['app'] });
    const list = await root('LIST', 'auth/approle/role');
    expect(list.body.data?.keys).toEqual(['legacy', 'reader']);
    expect((await root('DELETE', 'auth/approle/role/legacy')).status).toBe(204);
    expect(await root('GET', 'auth/approle/role/legacy')).toMatchObject({
      status: 404,
      body: { errors: [] },
    });
    expect(await root('GET', 'auth/approle/role/legacy/role-id')).toMatchObject({
      status: 404,
      body: { errors: [] },
    });
  });

  it('logs in with role_id and secret_id and gets a token with default', async () => {
    await root('POST', 'auth/approle/role/app', {
      token_policies: ['app'],
      token_ttl: '30m',
    });
    const generated = await root('POST', 'auth/approle/role/app/secret-id', {});
    expect(generated.body.data).toMatchObject({
      secret_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      secret_id_accessor: expect.any(String),
      secret_id_ttl: 0,
      secret_id_num_uses: 0,
    });
    const login = await call(server, 'POST', 'auth/approle/login', {
      // Vault trims the credentials.
      body: {
        role_id: ` ${await roleId('app')} `,
        secret_id: `${String(generated.body.data?.secret_id)}\n`,
      },
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ data: null, wrap_info: null, lease_id: '' });
    expect(login.body.auth).toMatchObject({
      client_token: expect.stringMatching(/^hvs\./),
      accessor: expect.any(String),
      entity_id: '',
      num_uses: 0,
      mfa_requirement: null,
      policies: ['app', 'default'],
      token_policies: ['app', 'default'],
      metadata: { role_name: 'app' },
      lease_duration: 1800,
      renewable: true,
      token_type: 'service',
      orphan: true,
    });
    const token = (login.body.auth as { client_token: string }).client_token;
    const write = await call(server, 'POST', 'secret/data/app/x', {
      token,
      body: { data: { a: 1 } },
    });
    expect(write.status).toBe(200);
  });

  it('lets an operator set the role_id', async () => {
    await root('POST', 'auth/approle/role/custom', { token_policies: ['app'] });
    const set = await root('POST', 'auth/approle/role/custom/role-id', {
      role_id: 'my-role-id',
    });
    expect(set.status).toBe(204);
    expect(await roleId('custom')).toBe('my-role-id');
    const login = await call(server, 'POST', 'auth/approle/login', {
      body: { role_id: 'my-role-id', secret_id: await secretId('custom') },
    });
    expect(login.status).toBe(200);
  });

  it('answers login failures with Vault texts', async () => {
    await root('POST', 'auth/approle/role/strict', { token_policies: ['app'] });
    const id = await roleId('strict');
    const login = (body: Record<string, unknown>) =>
      call(server, 'POST', 'auth/approle/login', { body });
    expect(await login({})).toMatchObject({
      status: 400,
      body: { errors: ['missing role_id'] },
    });
    expect(await login({ role_id: id })).toMatchObject({
      status: 400,
      body: { errors: ['missing secret_id'] },
    });
    for (const body of [
      { role_id: 'unknown', secret_id: 'x' },
      { role_id: id, secret_id: 'wrong' },
    ]) {
      expect(await login(body)).toMatchObject({
        status: 400,
        body: { errors: ['invalid role or secret ID'] },
      });
    }
  });

  it("spends the role's secret_id_num_uses and refuses a per-secret_id widening", async () => {
    await root('POST', 'auth/approle/role/twice', {
      token_policies: ['app'],
      secret_id_num_uses: 2,
      secret_id_ttl: '1h',
    });
    const id = await roleId('twice');
    const made = await root('POST', 'auth/approle/role/twice/secret-id', {});
    expect(made.body.data).toMatchObject({ secret_id_num_uses: 2, secret_id_ttl: 3600 });
    const secret = made.body.data?.secret_id as string;
    const login = () =>
      call(server, 'POST', 'auth/approle/login', {
        body: { role_id: id, secret_id: secret },
      });
    expect((await login()).status).toBe(200);
    expect((await login()).status).toBe(200);
    expect((await login()).body).toEqual({ errors: ['invalid role or secret ID'] });
    const wider = await root('POST', 'auth/approle/role/twice/secret-id', {
      num_uses: 0,
    });
    expect(wider.body).toEqual({
      errors: ["num_uses cannot be higher than the role's secret_id_num_uses"],
    });
    const longer = await root('POST', 'auth/approle/role/twice/secret-id', { ttl: '2h' });
    expect(longer.body).toEqual({
      errors: ["ttl cannot be longer than the role's secret_id_ttl"],
    });
    const negative = await root('POST', 'auth/approle/role/twice/secret-id', {
      num_uses: -1,
    });
    expect(negative.body).toEqual({ errors: ['num_uses cannot be negative'] });
  });

  it('honours secret_id num_uses and ttl', async () => {
    await root('POST', 'auth/approle/role/limited', { token_policies: ['app'] });
    const id = await roleId('limited');
    const once = await secretId('limited', { num_uses: 1 });
    const login = (secret: string) =>
      call(server, 'POST', 'auth/approle/login', {
        body: { role_id: id, secret_id: secret },
      });
    expect((await login(once)).status).toBe(200);
    expect((await login(once)).body).toEqual({ errors: ['invalid role or secret ID'] });
    const short = await secretId('limited', { ttl: '1s' });
    await sleep(1100);
    expect((await login(short)).body).toEqual({ errors: ['invalid role or secret ID'] });
  });
});
