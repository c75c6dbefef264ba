import { createHash } from 'node:crypto';
import pg from 'pg';
import { sessionResponseSchema } from '@vault-secrets/shared';
import { deleteExpiredSessions } from '../src/auth/sessions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestController, type TestController } from './support/controller';
import { createTestDatabase } from './support/database';
import { errorCode, HttpClient } from './support/http-client';

let controller: TestController;
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  controller = await startTestController(databaseUrl);
});

async function sessionRows(): Promise<string[]> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    return (await client.query<{ id: string }>('SELECT id FROM sessions')).rows.map(
      (r) => r.id,
    );
  } finally {
    await client.end();
  }
}

describe('login', () => {
  it('logs the admin in with an HttpOnly, SameSite=Lax session cookie', async () => {
    const client = controller.client();
    const result = await client.login(ADMIN.username, ADMIN.password);

    expect(result.status).toBe(200);
    expect(sessionResponseSchema.parse(result.body).user).toMatchObject({
      username: 'admin',
      role: 'admin',
    });
    const cookie = result.headers.getSetCookie().find((c) => c.startsWith('sessionid='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await client.get('/api/v1/auth/session')).status).toBe(200);
  });

  it('stores only a digest of the session id in the database', async () => {
    const client = controller.client();
    await client.login(ADMIN.username, ADMIN.password);
    const sessionId = client.cookies.get('sessionid')?.split('.')[0] ?? '';

    const rows = await sessionRows();
    expect(rows).not.toContain(sessionId);
    expect(rows).toContain(createHash('sha256').update(sessionId).digest('hex'));
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await controller.client().login(ADMIN.username, 'not the password');
    const unknown = await controller.client().login('nobody', 'not the password');

    expect(wrong.status).toBe(401);
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('issues a new session id at each login and ends the one presented', async () => {
    const client = controller.client();
    await client.login(ADMIN.username, ADMIN.password);
    const first = client.cookies.get('sessionid');
    await client.login(ADMIN.username, ADMIN.password);
    const second = client.cookies.get('sessionid');

    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const replay = new HttpClient(controller.url);
    replay.cookies.set('sessionid', first ?? '');
    expect((await replay.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('rate limits repeated failures for one user and address with 429 and Retry-After', async () => {
    const client = controller.client();
    await client.primeCsrf();
    const attempts = [];
    for (let i = 0; i < 5; i += 1) {
      attempts.push(
        await client.post('/api/v1/auth/login', { username: 'target', password: 'x' }),
      );
    }
    const blocked = await client.post('/api/v1/auth/login', {
      username: 'target',
      password: 'x',
    });

    expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(blocked.status).toBe(429);
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another username from the same address is not punished for it.
    expect((await client.login(ADMIN.username, ADMIN.password)).status).toBe(200);
  });
});

describe('session', () => {
  it('answers 401 UNAUTHENTICATED without a session and always sets the CSRF cookie', async () => {
    const client = controller.client();
    const first = await client.get('/api/v1/auth/session');
    const second = await client.get('/api/v1/auth/session');

    expect(first.status).toBe(401);
    expect(errorCode(first)).toBe('UNAUTHENTICATED');
    for (const result of [first, second]) {
      expect(result.headers.getSetCookie().some((c) => c.startsWith('csrftoken='))).toBe(
        true,
      );
    }
    const csrfCookie = first.headers
      .getSetCookie()
      .find((c) => c.startsWith('csrftoken='));
    expect(csrfCookie).not.toMatch(/HttpOnly/i);
  });

  it('rejects a session cookie whose id or signature was changed', async () => {
    const client = controller.client();
    await client.login(ADMIN.username, ADMIN.password);
    const [id = '', signature = ''] = (client.cookies.get('sessionid') ?? '').split('.');
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);

    for (const forged of [
      `${flip(id)}.${signature}`,
      `${id}.${flip(signature)}`,
      id,
      `${id}.`,
    ]) {
      const attacker = new HttpClient(controller.url);
      attacker.cookies.set('sessionid', forged);
      const result = await attacker.get('/api/v1/auth/session');
      expect(result.status).toBe(401);
    }
  });

  it('logs out: the session row is deleted and the cookie stops working', async () => {
    const client = controller.client();
    await client.login(ADMIN.username, ADMIN.password);
    const cookie = client.cookies.get('sessionid') ?? '';
    const before = await sessionRows();

    const logout = await client.post('/api/v1/auth/logout');
    expect(logout.status).toBe(204);
    expect(client.cookies.has('sessionid')).toBe(false);
    expect((await sessionRows()).length).toBe(before.length - 1);

    const replay = new HttpClient(controller.url);
    replay.cookies.set('sessionid', cookie);
    expect((await replay.get('/api/v1/auth/session')).status).toBe(401);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(401);
  });
});

describe('session expiry', () => {
  it('refuses an expired session and sweeps its row away', async () => {
    const client = controller.client();
    await client.login(ADMIN.username, ADMIN.password);
    const sessionId = client.cookies.get('sessionid')?.split('.')[0] ?? '';
    const digest = createHash('sha256').update(sessionId).digest('hex');
    const db = new pg.Client(databaseUrl);
    await db.connect();
    try {
      await db.query(
        `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [digest],
      );
      expect((await client.get('/api/v1/auth/session')).status).toBe(401);

      expect(await deleteExpiredSessions(db)).toBeGreaterThanOrEqual(1);
      const left = await db.query('SELECT 1 FROM sessions WHERE id = $1', [digest]);
      expect(left.rowCount).toBe(0);
    } finally {
      await db.end();
    }
  });
});

describe('CSRF', () => {
  it('refuses a login without the X-CSRFToken header', async () => {
    const client = controller.client();
    await client.primeCsrf();
    const result = await client.post('/api/v1/auth/login', ADMIN, { csrf: null });
    expect(result.status).toBe(403);
    expect(errorCode(result)).toBe('CSRF_FAILED');
  });

  it('refuses a header that does not match the cookie', async () => {
    const client = controller.client();
    await client.primeCsrf();
    const result = await client.post('/api/v1/auth/login', ADMIN, {
      csrf: 'forged-token',
    });
    expect(result.status).toBe(403);
    expect(errorCode(result)).toBe('CSRF_FAILED');
  });

  it('refuses a write without any CSRF cookie, and hands one out in the same answer', async () => {
    const client = controller.client();
    const result = await client.post('/api/v1/auth/login', ADMIN, { csrf: 'anything' });
    expect(result.status).toBe(403);
    expect(client.cookies.get('csrftoken')).toMatch(/^[\w-]{40,}$/);
  });

  it('refuses logout of a logged-in user without the token', async () => {
    const client = controller.client();
    await client.login(ADMIN.username, ADMIN.password);
    const result = await client.post('/api/v1/auth/logout', undefined, { csrf: null });
    expect(result.status).toBe(403);
    expect((await client.get('/api/v1/auth/session')).status).toBe(200);
  });
});
