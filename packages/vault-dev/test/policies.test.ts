import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startDev, tokenWithPolicy } from './helpers';

let server: Awaited<ReturnType<typeof startDev>>;

beforeAll(async () => {
  server = await startDev();
  await call(server, 'POST', 'secret/data/app/db', {
    token: server.rootToken,
    body: { data: { password: 'p' } },
  });
});
afterAll(() => server.close());

describe('policies over HTTP', () => {
  it('stores, reads, lists and deletes ACL policies (new and old endpoints)', async () => {
    const policy = 'path "secret/data/app/*" { capabilities = ["read"] }';
    const root = server.rootToken;
    expect(
      (
        await call(server, 'PUT', 'sys/policies/acl/reader', {
          token: root,
          body: { policy },
        })
      ).status,
    ).toBe(204);
    const read = await call(server, 'GET', 'sys/policies/acl/reader', { token: root });
    expect(read.body.data).toEqual({ name: 'reader', policy });
    const legacy = await call(server, 'GET', 'sys/policy/reader', { token: root });
    expect(legacy.body).toMatchObject({ name: 'reader', rules: policy });
    const listed = await call(server, 'LIST', 'sys/policies/acl', { token: root });
    expect(listed.body.data?.keys).toEqual(
      expect.arrayContaining(['default', 'reader', 'root']),
    );
    const legacyList = await call(server, 'GET', 'sys/policy', { token: root });
    expect(legacyList.body.policies).toEqual(expect.arrayContaining(['reader', 'root']));
    const readNotList = await call(server, 'GET', 'sys/policies/acl', { token: root });
    expect(readNotList.status).toBe(405);
    const bad = await call(server, 'PUT', 'sys/policy/broken', {
      token: root,
      body: { policy: 'path "x" { capabilities = ["fly"] }' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]).toContain('invalid capability');
    expect(
      (await call(server, 'DELETE', 'sys/policies/acl/reader', { token: root })).status,
    ).toBe(204);
    expect(
      (await call(server, 'GET', 'sys/policies/acl/reader', { token: root })).status,
    ).toBe(404);
  });

  it('enforces read, create-versus-update and list with the trailing slash', async () => {
    const token = await tokenWithPolicy(
      server,
      'app-rw',
      `path "secret/data/app/*" { capabilities = ["read", "update"] }
       path "secret/metadata/app/*" { capabilities = ["list"] }`,
    );
    expect((await call(server, 'GET', 'secret/data/app/db', { token })).status).toBe(200);
    const update = await call(server, 'POST', 'secret/data/app/db', {
      token,
      body: { data: { password: 'q' } },
    });
    expect(update.status).toBe(200);
    const create = await call(server, 'POST', 'secret/data/app/new', {
      token,
      body: { data: { a: 1 } },
    });
    expect(create.status).toBe(403);
    expect(create.body.errors?.[0]).toContain('permission denied');
    expect((await call(server, 'LIST', 'secret/metadata/app', { token })).status).toBe(
      200,
    );
    expect((await call(server, 'GET', 'secret/metadata/app/db', { token })).status).toBe(
      403,
    );
    expect((await call(server, 'GET', 'secret/data/other', { token })).status).toBe(403);
  });

  it('lets the default policy look up, renew and revoke itself but nothing else', async () => {
    const created = await call(server, 'POST', 'auth/token/create', {
      token: server.rootToken,
      body: { policies: ['default'], ttl: '1h' },
    });
    const token = (created.body.auth as { client_token: string }).client_token;
    expect((await call(server, 'GET', 'auth/token/lookup-self', { token })).status).toBe(
      200,
    );
    expect((await call(server, 'POST', 'auth/token/renew-self', { token })).status).toBe(
      200,
    );
    expect((await call(server, 'GET', 'sys/mounts', { token })).status).toBe(403);
    expect((await call(server, 'POST', 'auth/token/revoke-self', { token })).status).toBe(
      204,
    );
    expect((await call(server, 'GET', 'auth/token/lookup-self', { token })).status).toBe(
      403,
    );
  });

  it('checks the policy before routing: 403, not 404 or 405, without a right', async () => {
    const token = await tokenWithPolicy(
      server,
      'app-reader',
      'path "secret/data/app/*" { capabilities = ["read"] }',
    );
    for (const [method, path] of [
      ['GET', 'nowhere/x'],
      ['GET', 'auth/token/no-such-path'],
      ['LIST', 'secret/data/app/db'],
    ] as const) {
      const denied = await call(server, method, path, { token });
      expect(denied.status, `${method} ${path}`).toBe(403);
      expect(denied.body.errors?.[0]).toContain('permission denied');
    }
    expect((await call(server, 'GET', 'nowhere/x')).status).toBe(403);
    const root = server.rootToken;
    expect((await call(server, 'GET', 'nowhere/x', { token: root })).status).toBe(404);
    expect(
      (await call(server, 'LIST', 'secret/data/app/db', { token: root })).status,
    ).toBe(405);
  });

  it('needs sudo for sys/seal even with update', async () => {
    const withoutSudo = await tokenWithPolicy(
      server,
      'sealer-no-sudo',
      'path "sys/seal" { capabilities = ["update"] }',
    );
    const denied = await call(server, 'PUT', 'sys/seal', { token: withoutSudo });
    expect(denied.status).toBe(403);
    expect((await call(server, 'GET', 'sys/seal-status')).body.sealed).toBe(false);
  });
});
