import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECRET_PATHS } from '../src/secrets/secret-store';
import { ADMIN, startTestController, type TestController } from './support/controller';
import { createTestDatabase } from './support/database';
import { captureLog } from './support/log-capture';

let controller: TestController;
let secretValues: string[];

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  controller = await startTestController(databaseUrl);
  const db = new pg.Client(databaseUrl);
  await db.connect();
  const rows = await db.query<{ value: Record<string, string> }>(
    'SELECT value FROM secrets',
  );
  await db.end();
  secretValues = rows.rows.flatMap((row) => Object.values(row.value));
});

describe('secrets stay secret', () => {
  it('the session key, machine credentials and other stored secrets exist to look for', () => {
    expect(secretValues.length).toBeGreaterThanOrEqual(3 + 3 * 3);
  });

  it('no log line or API answer of a full session carries a secret, password or cookie', async () => {
    const client = controller.client();
    const answers = [
      await client.get('/api/v1/auth/session'),
      await client.login(ADMIN.username, 'a wrong password here'),
      await client.login(ADMIN.username, ADMIN.password),
      await client.get('/api/v1/auth/session'),
      await client.get('/api/v1/controllers'),
      await client.get('/api/v1/users'),
      await client.get('/metrics'),
      await client.post('/api/v1/auth/logout'),
    ];
    const logs = controller.logs.text();
    const sessionCookie = answers[2]?.headers.getSetCookie().join(';') ?? '';
    const sessionId = /sessionid=([^.;]+)/.exec(sessionCookie)?.[1] ?? '';
    const csrf = client.cookies.get('csrftoken') ?? '';

    expect(sessionId.length).toBeGreaterThan(20);
    const forbidden = [
      ...secretValues,
      ADMIN.password,
      'a wrong password here',
      sessionId,
      csrf,
    ];
    const bodies = answers.map((answer) => answer.text).join('\n');
    for (const secret of forbidden) {
      expect(logs).not.toContain(secret);
      expect(bodies).not.toContain(secret);
    }
  });

  it('does not log the database URL the controller was given', () => {
    const password = new URL(controller.config.databaseUrl ?? '').password;
    expect(password.length).toBeGreaterThan(0);
    expect(controller.logs.text()).not.toContain(password);
  });
});

describe('log redaction', () => {
  it('hides secret-like fields at any depth and credential headers', () => {
    const capture = captureLog();
    capture.log.info(
      {
        password: 'p-top',
        token: 't-top',
        secret_id: 's-top',
        body: {
          secretId: 's-nested',
          wrappedToken: 'w-nested',
          deeper: { key: 'k-deep', value: 'v-deep' },
        },
        req: {
          headers: {
            cookie: 'sessionid=c-1',
            authorization: 'Bearer a-1',
            'x-vault-token': 'hvs.v-1',
            'x-csrftoken': 'x-1',
          },
        },
        res: { headers: { 'set-cookie': 'sessionid=c-2' } },
        headers: { cookie: 'c-3', authorization: 'a-3' },
        config: { databaseUrl: 'postgresql://u:db-pass@h/d' },
      },
      'something happened',
    );
    const line = capture.text();
    for (const secret of [
      'p-top',
      't-top',
      's-top',
      's-nested',
      'w-nested',
      'k-deep',
      'v-deep',
      'c-1',
      'a-1',
      'v-1',
      'x-1',
      'c-2',
      'c-3',
      'a-3',
      'db-pass',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
    expect(line).toContain('something happened');
  });

  it('keeps the path of a secret, which names it but reveals nothing', () => {
    const capture = captureLog();
    capture.log.info({ path: SECRET_PATHS.sessionKey }, 'cluster secret generated');
    expect(capture.text()).toContain('global/session-key');
  });
});
