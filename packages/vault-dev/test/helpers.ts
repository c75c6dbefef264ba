import { Writable } from 'node:stream';
import { pino } from 'pino';
import {
  startVaultDevServer,
  type VaultDevServer,
  type VaultDevServerOptions,
} from '../src';

export interface ApiResult {
  status: number;
  headers: Headers;
  // Test code reads arbitrary JSON answers.
  body: Record<string, unknown> & { errors?: string[]; data?: Record<string, unknown> };
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One HTTP call to the server with fetch (LIST included: undici sends any method). */
export async function call(
  server: { url: string },
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['X-Vault-Token'] = options.token;
  const response = await fetch(`${server.url}/v1/${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as ApiResult['body']) : {},
  };
}

/** A logger whose lines the test can read. */
export function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

export async function startDev(
  options: VaultDevServerOptions = {},
): Promise<VaultDevServer & { rootToken: string }> {
  const server = await startVaultDevServer({ dev: true, port: 0, ...options });
  if (!server.rootToken) throw new Error('dev server without a root token');
  return server as VaultDevServer & { rootToken: string };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes a policy and makes a token that has it (plus default). */
export async function tokenWithPolicy(
  server: { url: string; rootToken: string },
  name: string,
  policy: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const write = await call(server, 'PUT', `sys/policies/acl/${name}`, {
    token: server.rootToken,
    body: { policy },
  });
  if (write.status !== 204) throw new Error(`policy write failed: ${write.status}`);
  const created = await call(server, 'POST', 'auth/token/create', {
    token: server.rootToken,
    body: { policies: [name], ...extra },
  });
  return (created.body.auth as { client_token: string }).client_token;
}
