import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, sleep, startDev } from './helpers';

let server: Awaited<ReturnType<typeof startDev>>;

beforeAll(async () => {
  server = await startDev({ devRootTokenId: 'dev-root' });
});
afterAll(() => server.close());

async function createToken(body: Record<string, unknown>) {
  const created = await call(server, 'POST', 'auth/token/create', {
    token: server.rootToken,
    body,
  });
  expect(created.status).toBe(200);
  return created.body.auth as {
    client_token: string;
    accessor: string;
    policies: string[];
    lease_duration: number;
    renewable: boolean;
    token_type: string;
  };
}

describe('tokens', () => {
  it('uses the given dev root token id and looks it up', async () => {
    expect(server.rootToken).toBe('dev-root');
    const self = await call(server, 'GET', 'auth/token/lookup-self', {
      token: 'dev-root',
    });
    expect(self.body.data).toMatchObject({
      id: 'dev-root',
      policies: ['root'],
      path: 'auth/token/root',
      ttl: 0,
      expire_time: null,
      type: 'service',
    });
  });

  it('creates tokens with hvs. ids, policies with default, and a TTL', async () => {
    const auth = await createToken({
      policies: ['a-policy'],
      ttl: '1h',
      meta: { who: 'test' },
    });
    expect(auth.client_token).toMatch(/^hvs\.[A-Za-z0-9]{24}$/);
    expect(auth.policies).toEqual(['a-policy', 'default']);
    expect(auth.lease_duration).toBe(3600);
    expect(auth).toMatchObject({ renewable: true, token_type: 'service' });
    const self = await call(server, 'GET', 'auth/token/lookup-self', {
      token: auth.client_token,
    });
    expect(self.body.data).toMatchObject({
      accessor: auth.accessor,
      creation_ttl: 3600,
      display_name: 'token',
      meta: { who: 'test' },
      num_uses: 0,
      orphan: false,
      path: 'auth/token/create',
      renewable: true,
    });
    expect(self.body.data?.ttl).toBeGreaterThan(3590);
    const expireTime = self.body.data?.expire_time as string;
    expect(expireTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const inSeconds = (Date.parse(expireTime) - Date.now()) / 1000;
    expect(inSeconds).toBeGreaterThan(3590);
    expect(inSeconds).toBeLessThanOrEqual(3600);
    expect(self.body.data?.issue_time).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    const other = await call(server, 'POST', 'auth/token/lookup', {
      token: server.rootToken,
      body: { token: auth.client_token },
    });
    expect(other.body.data).toMatchObject({ accessor: auth.accessor });
    const withoutRight = await call(server, 'POST', 'auth/token/lookup', {
      token: auth.client_token,
      body: {},
    });
    expect(withoutRight.status).toBe(403);
    const unknown = await call(server, 'POST', 'auth/token/lookup', {
      token: server.rootToken,
      body: { token: 'hvs.unknown' },
    });
    expect(unknown).toMatchObject({ status: 403, body: { errors: ['bad token'] } });
    const mine = await call(server, 'POST', 'auth/token/lookup', {
      token: server.rootToken,
      body: {},
    });
    expect(mine.body.data).toMatchObject({ id: server.rootToken, policies: ['root'] });
  });

  it('accepts Authorization: Bearer as well as X-Vault-Token', async () => {
    const bearer = await call(server, 'GET', 'auth/token/lookup-self', {
      headers: { Authorization: `Bearer ${server.rootToken}` },
    });
    expect(bearer.status).toBe(200);
    const otherScheme = await call(server, 'GET', 'auth/token/lookup-self', {
      headers: { Authorization: `Basic ${server.rootToken}` },
    });
    expect(otherScheme).toMatchObject({
      status: 403,
      body: { errors: ['permission denied'] },
    });
  });

  it('answers 403 for a missing or unknown token', async () => {
    const missing = await call(server, 'GET', 'auth/token/lookup-self');
    expect(missing).toMatchObject({
      status: 403,
      body: { errors: ['permission denied'] },
    });
    const unknown = await call(server, 'GET', 'auth/token/lookup-self', {
      token: 'hvs.nope',
    });
    expect(unknown.status).toBe(403);
    expect(unknown.body.errors?.[0]).toContain('permission denied');
    expect(unknown.body.errors?.[0]).toContain('invalid token');
  });

  it('expires a token at its TTL, and renew-self stays within the max TTL', async () => {
    const auth = await createToken({
      policies: ['default'],
      ttl: '1s',
      explicit_max_ttl: '2s',
    });
    const renewed = await call(server, 'POST', 'auth/token/renew-self', {
      token: auth.client_token,
      body: { increment: '1h' },
    });
    expect(renewed.status).toBe(200);
    expect(
      (renewed.body.auth as { lease_duration: number }).lease_duration,
    ).toBeLessThanOrEqual(2);
    await sleep(2100);
    const expired = await call(server, 'GET', 'auth/token/lookup-self', {
      token: auth.client_token,
    });
    expect(expired.status).toBe(403);
  });

  it('counts num_uses and revokes the token when they run out', async () => {
    const auth = await createToken({ policies: ['default'], num_uses: 2 });
    const token = auth.client_token;
    const first = await call(server, 'GET', 'auth/token/lookup-self', { token });
    expect(first.body.data?.num_uses).toBe(1);
    expect((await call(server, 'GET', 'auth/token/lookup-self', { token })).status).toBe(
      200,
    );
    expect((await call(server, 'GET', 'auth/token/lookup-self', { token })).status).toBe(
      403,
    );
  });

  it('denies token creation to a token with only the default policy', async () => {
    const auth = await createToken({ policies: ['default'] });
    const child = await call(server, 'POST', 'auth/token/create', {
      token: auth.client_token,
      body: { policies: ['admin'] },
    });
    expect(child.status).toBe(403);
  });
});
