import type {
  ConfigureVaultResponse,
  ControllersResponse,
  ErrorCode,
  IntegrationStatus,
  SealStatus,
  SessionResponse,
} from '@vault-secrets/shared';
import { vi } from 'vitest';

/** Every route the web app calls, with the body the contract says it answers. */
export interface RouteBodies {
  'GET /api/v1/auth/session': SessionResponse;
  'POST /api/v1/auth/login': SessionResponse;
  'POST /api/v1/auth/logout': null;
  'GET /api/v1/vault/status': IntegrationStatus;
  'GET /api/v1/vault/seal-status': SealStatus;
  'POST /api/v1/vault/unseal': SealStatus;
  'GET /api/v1/controllers': ControllersResponse;
  'POST /api/v1/controllers/:id/vault': ConfigureVaultResponse;
}
export type Route = keyof RouteBodies;

export interface FakeRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  body: unknown;
  headers: Headers;
}

interface Reply {
  status: number;
  body: unknown;
}

type Handler<R extends Route> = (
  request: FakeRequest,
) => Reply & { body: RouteBodies[R] | ErrorEnvelope };

interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export function ok<B>(body: B, status = 200): { status: number; body: B } {
  return { status, body };
}

export function fail(
  status: number,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): { status: number; body: ErrorEnvelope } {
  return { status, body: { error: { code, message, ...(details ? { details } : {}) } } };
}

export const CSRF_TOKEN = 'test-csrf-token';

function routePattern(route: string): { method: string; regex: RegExp; names: string[] } {
  const [method = '', path = ''] = route.split(' ');
  const names: string[] = [];
  const source = path.replace(/:([a-z]+)/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, regex: new RegExp(`^${source}$`), names };
}

/**
 * A stand-in for the BFF behind `fetch`: answers each route from a handler the test
 * sets, records every request, and answers 404 for routes the test did not expect.
 */
export class FakeServer {
  readonly requests: FakeRequest[] = [];
  private readonly handlers = new Map<string, (request: FakeRequest) => Reply>();

  on<R extends Route>(route: R, handler: Handler<R>): this {
    this.handlers.set(route, handler);
    return this;
  }

  requestsTo(route: Route): FakeRequest[] {
    const { method, regex } = routePattern(route);
    return this.requests.filter((r) => r.method === method && regex.test(r.path));
  }

  install(): void {
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      this.handle(String(input), init ?? {}),
    );
  }

  private async handle(url: string, init: RequestInit): Promise<Response> {
    const path = new URL(url, 'http://localhost').pathname;
    const method = (init.method ?? 'GET').toUpperCase();
    const body =
      typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const request = {
      method,
      path,
      params: {},
      body,
      headers: new Headers(init.headers),
    };
    this.requests.push(request);

    if (method === 'GET' && path === '/api/v1/auth/session') {
      document.cookie = `csrftoken=${CSRF_TOKEN}; path=/`;
    }
    for (const [route, handler] of this.handlers) {
      const pattern = routePattern(route);
      const match = pattern.regex.exec(path);
      if (pattern.method !== method || !match) continue;
      pattern.names.forEach((name, index) => {
        (request.params as Record<string, string>)[name] = decodeURIComponent(
          match[index + 1] ?? '',
        );
      });
      const reply = handler(request);
      return new Response(reply.body === null ? null : JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    const missing = fail(404, 'NOT_FOUND', `No fake route for ${method} ${path}.`);
    return new Response(JSON.stringify(missing.body), { status: 404 });
  }
}
