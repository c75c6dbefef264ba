import { apiPaths, CSRF_COOKIE, CSRF_HEADER } from '@vault-secrets/shared';
import type { z } from 'zod';
import { ApiError, apiErrorFromResponse } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Set to false where a 401 is an expected answer for this page (the login form,
   * the session probe on /login) instead of a reason to go to /login.
   */
  redirectOnUnauthorized?: boolean;
  /**
   * Set to false where the request itself talks to Vault (configure, migrate): there a
   * 503 VAULT_SEALED is the answer to show in the form, not proof the session is gone.
   */
  sealedEndsSession?: boolean;
}

/** A request that has not answered by then is reported as unreachable, not left spinning. */
export const REQUEST_TIMEOUT_MS = 15_000;

type UnauthorizedHandler = (error: ApiError) => void;

let onUnauthorized: UnauthorizedHandler = () => {};

/** The app shell registers how to send the user to /login; tests register their own. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Any GET to the session endpoint sets the CSRF cookie; used before a first write. */
async function ensureCsrfToken(): Promise<string | null> {
  const existing = readCookie(CSRF_COOKIE);
  if (existing) return existing;
  await fetch(apiPaths.session, { credentials: 'same-origin' }).catch(() => undefined);
  return readCookie(CSRF_COOKIE);
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = await ensureCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }

  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      'The controller did not answer. Check that it is running and reachable, then try again.',
    );
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function failWith(response: Response, options: RequestOptions): Promise<never> {
  const error = apiErrorFromResponse(response.status, await readJson(response));
  const sealed = error.code === 'VAULT_SEALED' && options.sealedEndsSession !== false;
  const sessionLost = response.status === 401 || sealed;
  if (sessionLost && options.redirectOnUnauthorized !== false) onUnauthorized(error);
  throw error;
}

/** Sends a request to the BFF and parses the answer with the contract's schema. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send(path, options);
  if (!response.ok) return failWith(response, options);

  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'BAD_RESPONSE',
      `The answer from ${path} did not have the expected shape. The web app and the controller may be different versions; reload the page.`,
    );
  }
  return parsed.data;
}

/** Sends a request whose answer body does not matter (logout). */
export async function apiSend(path: string, options: RequestOptions = {}): Promise<void> {
  const response = await send(path, options);
  if (!response.ok) await failWith(response, options);
}
