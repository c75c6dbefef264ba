import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestController, type TestController } from './support/controller';
import { createTestDatabase } from './support/database';
import { errorCode, type HttpClient, type HttpResult } from './support/http-client';

let controller: TestController;
let client: HttpClient;

beforeAll(async () => {
  controller = await startTestController(await createTestDatabase());
  client = controller.client();
  await client.login(ADMIN.username, ADMIN.password);
});

function fields(result: HttpResult): Record<string, string> {
  return (result.body as { error: { details: { fields: Record<string, string> } } }).error
    .details.fields;
}

function expectCleanError(result: HttpResult, status: number, code: string) {
  expect(result.status).toBe(status);
  expect(errorCode(result)).toBe(code);
  expect(result.headers.get('content-type')).toMatch(/application\/json/);
  expect(result.text).not.toMatch(/at .*\.(ts|js):\d+/);
}

describe('bad input to the API', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const result = await client.request('POST', '/api/v1/auth/login', {
      rawBody: '{"username":',
    });
    expectCleanError(result, 400, 'MALFORMED_JSON');
  });

  it('names each field of the wrong type', async () => {
    const result = await client.post('/api/v1/auth/login', {
      username: 5,
      password: false,
    });
    expectCleanError(result, 400, 'VALIDATION_FAILED');
    expect(Object.keys(fields(result)).sort()).toEqual(['password', 'username']);
  });

  it('names missing fields', async () => {
    const result = await client.post('/api/v1/auth/login', { username: 'admin' });
    expectCleanError(result, 400, 'VALIDATION_FAILED');
    expect(fields(result)).toHaveProperty('password');
  });

  it('rejects unknown fields by name', async () => {
    const result = await client.post('/api/v1/auth/login', { ...ADMIN, role: 'admin' });
    expectCleanError(result, 400, 'VALIDATION_FAILED');
    expect(fields(result)).toEqual({ role: 'Unknown field; remove it.' });
  });

  it('names an unknown field called __proto__ like any other', async () => {
    const result = await client.request('POST', '/api/v1/auth/login', {
      rawBody: '{"__proto__": {"role": "admin"}, "username": "a", "password": "b"}',
    });
    expectCleanError(result, 400, 'VALIDATION_FAILED');
    expect(Object.keys(fields(result))).toEqual(['__proto__']);
  });

  it('answers text PostgreSQL cannot hold (a NUL) with 400, not 500', async () => {
    const result = await client.post('/api/v1/auth/login', {
      username: 'admin\u0000',
      password: 'a password',
    });
    expectCleanError(result, 400, 'VALIDATION_FAILED');
  });

  it('rejects a body that is not an object', async () => {
    const array = await client.post('/api/v1/auth/login', [ADMIN]);
    const text = await client.request('POST', '/api/v1/auth/login', {
      rawBody: 'username=admin',
      contentType: 'text/plain',
    });
    expectCleanError(array, 400, 'VALIDATION_FAILED');
    expectCleanError(text, 400, 'VALIDATION_FAILED');
    expect(fields(text)).toHaveProperty('body');
  });

  it('refuses a body over 64 KB with 413 PAYLOAD_TOO_LARGE', async () => {
    const result = await client.post('/api/v1/auth/login', {
      username: 'admin',
      password: 'x'.repeat(70 * 1024),
    });
    expectCleanError(result, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers unknown API routes with 404 NOT_FOUND JSON', async () => {
    expectCleanError(await client.get('/api/v1/nothing-here'), 404, 'NOT_FOUND');
    expectCleanError(await client.post('/api/v2/auth/login', ADMIN), 404, 'NOT_FOUND');
  });

  it('answers a wrong method on a known route with 405', async () => {
    expectCleanError(await client.get('/api/v1/auth/login'), 405, 'METHOD_NOT_ALLOWED');
  });

  it('answers unknown controller ids with 404, whatever their shape', async () => {
    const ids = [
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
      "1'; DROP TABLE x;--",
    ];
    for (const id of ids) {
      const result = await client.get(`/api/v1/controllers/${encodeURIComponent(id)}`);
      expectCleanError(result, 404, 'CONTROLLER_NOT_FOUND');
    }
  });

  it('finds a known controller by id', async () => {
    const result = await client.get(`/api/v1/controllers/${controller.controllerId}`);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ controller: { id: controller.controllerId } });
  });
});
