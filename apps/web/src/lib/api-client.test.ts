import { apiPaths, sessionResponseSchema } from '@vault-secrets/shared';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { adminUser } from '../test/fixtures';
import { CSRF_TOKEN, FakeServer, fail, ok } from '../test/fake-server';
import { apiRequest, setUnauthorizedHandler } from './api-client';
import type { ApiError } from './api-error';

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('api client', () => {
  it('fetches the CSRF cookie first when it has none, then echoes it on a write', async () => {
    const server = new FakeServer()
      .on('GET /api/v1/auth/session', () => fail(401, 'UNAUTHENTICATED', 'Log in first.'))
      .on('POST /api/v1/auth/login', () => ok({ user: adminUser }));
    server.install();

    const answer = await apiRequest(apiPaths.login, sessionResponseSchema, {
      method: 'POST',
      body: { username: 'admin', password: 'x' },
      redirectOnUnauthorized: false,
    });

    expect(answer.user.username).toBe('admin');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v1/auth/session',
      'POST /api/v1/auth/login',
    ]);
    expect(server.requests[1]?.headers.get('X-CSRFToken')).toBe(CSRF_TOKEN);
  });

  it('turns the error envelope into a typed error with its details', async () => {
    new FakeServer()
      .on('GET /api/v1/controllers', () =>
        fail(400, 'VALIDATION_FAILED', 'Bad input.', { fields: { url: 'Bad URL.' } }),
      )
      .install();

    const error = await rejection(apiRequest(apiPaths.controllers, z.unknown()));

    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Bad input.',
    });
    expect(error.fieldErrors).toEqual({ url: 'Bad URL.' });
  });

  it('reports an answer of the wrong shape instead of passing it on', async () => {
    new FakeServer()
      .on('GET /api/v1/auth/session', () => ok({ user: { id: 1 } } as never))
      .install();

    const error = await rejection(apiRequest(apiPaths.session, sessionResponseSchema));

    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain(apiPaths.session);
  });

  it('reports a controller that does not answer as a network error', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));

    const error = await rejection(apiRequest(apiPaths.controllers, z.unknown()));

    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('calls the unauthorized handler on 401 unless the caller expects it', async () => {
    new FakeServer()
      .on('GET /api/v1/auth/session', () => fail(401, 'UNAUTHENTICATED', 'Log in first.'))
      .install();
    const handler = vi.fn();
    setUnauthorizedHandler(handler);

    await rejection(
      apiRequest(apiPaths.session, z.unknown(), { redirectOnUnauthorized: false }),
    );
    expect(handler).not.toHaveBeenCalled();

    await rejection(apiRequest(apiPaths.session, z.unknown()));
    expect(handler).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    );
  });

  it('keeps the message of an error code this build does not know, as UNKNOWN', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        Response.json(
          { error: { code: 'BRAND_NEW_CODE', message: 'Upgrade the web app.' } },
          { status: 409 },
        ),
      ),
    );

    const error = await rejection(apiRequest(apiPaths.controllers, z.unknown()));

    expect(error).toMatchObject({
      status: 409,
      code: 'UNKNOWN',
      message: 'Upgrade the web app.',
    });
  });

  it('treats a sealed Vault as a lost session, unless the request itself talks to Vault', async () => {
    new FakeServer()
      .on('GET /api/v1/controllers', () => fail(503, 'VAULT_SEALED', 'Vault is sealed.'))
      .install();
    const handler = vi.fn();
    setUnauthorizedHandler(handler);

    await rejection(
      apiRequest(apiPaths.controllers, z.unknown(), { sealedEndsSession: false }),
    );
    expect(handler).not.toHaveBeenCalled();

    await rejection(apiRequest(apiPaths.controllers, z.unknown()));
    expect(handler).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'VAULT_SEALED' }),
    );
  });
});
