import { Router } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSessionKeyProvider } from '../src/auth/session-keys';
import { createSessionService } from '../src/auth/sessions';
import { createApp } from '../src/http/app';
import { AppError } from '../src/http/app-error';
import { httpUrl, listenFirst } from '../src/http/server';
import { createDatabaseSecretStore } from '../src/secrets/database-secret-store';
import { createPool } from '../src/db/pool';
import { createTestDatabase } from './support/database';
import { errorCode, HttpClient } from './support/http-client';
import { captureLog, type CapturedLog } from './support/log-capture';
import { afterAll } from 'vitest';

let client: HttpClient;
let logs: CapturedLog;
let shutdown: () => Promise<void>;

/** A router mounted through the same seam the Vault integration uses. */
function failingRouter() {
  const router = Router();
  router.get('/boom', () => {
    throw new Error('connection string postgresql://u:leaked@db/x exploded');
  });
  router.get('/typed', () => {
    throw new AppError('CONTROLLER_OFFLINE', 409, 'region-2 is offline.', {
      controller: 'region-2',
    });
  });
  router.get('/items/:id', (req, res) => {
    res.json({ id: req.params.id });
  });
  router.get('/database-down', () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
  });
  return router;
}

const unexpectedFailures = () =>
  logs.entries().filter((e) => e.msg === 'request failed unexpectedly').length;

beforeAll(async () => {
  logs = captureLog();
  const db = createPool(await createTestDatabase(), logs.log);
  const sessions = createSessionService(
    db,
    createSessionKeyProvider(createDatabaseSecretStore(db)),
  );
  const app = createApp({
    db,
    log: logs.log,
    sessions,
    webDist: '/nonexistent',
    routers: [{ path: '/api/v1/test', router: failingRouter() }],
  });
  const server = await listenFirst('127.0.0.1', 0);
  server.serve(app);
  client = new HttpClient(httpUrl('127.0.0.1', server.port));
  shutdown = async () => {
    await server.close();
    await db.end();
  };
});

afterAll(() => shutdown());

describe('the one error handler', () => {
  it('answers an unexpected error with 500 INTERNAL and no internals, and logs its stack', async () => {
    const result = await client.get('/api/v1/test/boom');
    expect(result.status).toBe(500);
    expect(errorCode(result)).toBe('INTERNAL');
    expect(result.text).not.toContain('exploded');
    expect(result.text).not.toContain('leaked');
    const entry = logs.entries().find((e) => e.msg === 'request failed unexpectedly');
    expect((entry?.err as { stack?: string }).stack).toContain('error-handling.test.ts');
  });

  it('passes typed errors through with their code, status and details', async () => {
    const result = await client.get('/api/v1/test/typed');
    expect(result.status).toBe(409);
    expect(result.body).toEqual({
      error: {
        code: 'CONTROLLER_OFFLINE',
        message: 'region-2 is offline.',
        details: { controller: 'region-2' },
      },
    });
  });

  it('answers a lost database connection with 503 DATABASE_UNAVAILABLE', async () => {
    const result = await client.get('/api/v1/test/database-down');
    expect(result.status).toBe(503);
    expect(errorCode(result)).toBe('DATABASE_UNAVAILABLE');
  });

  it('answers a path that is not valid percent-encoding with 400, not 500', async () => {
    const before = unexpectedFailures();
    const result = await client.get('/api/v1/test/items/%ZZ');
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('VALIDATION_FAILED');
    expect(unexpectedFailures()).toBe(before);
  });

  it('answers a body that does not decompress with 400, not 500', async () => {
    const before = unexpectedFailures();
    for (const encoding of ['gzip', 'deflate', 'br']) {
      await client.primeCsrf();
      const csrf = client.cookies.get('csrftoken') ?? '';
      const response = await fetch(new URL('/api/v1/auth/login', client.baseUrl), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Encoding': encoding,
          Cookie: `csrftoken=${csrf}`,
          'X-CSRFToken': csrf,
        },
        body: '{"username": "not compressed"}',
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
    }
    expect(unexpectedFailures()).toBe(before);
  });

  it('mounts extra routers behind CSRF protection', async () => {
    const result = await client.request('POST', '/api/v1/test/boom', { csrf: null });
    expect(result.status).toBe(403);
    expect(errorCode(result)).toBe('CSRF_FAILED');
  });
});
