import nodeVault from 'node-vault';
import type { z } from 'zod';
import { classifyVaultFailure, type CallContext } from './classify';
import { VaultError } from './errors';
import { displayUrl, fixedMessages } from './messages';

/** Every call to Vault ends within this unless the caller asks otherwise. */
export const DEFAULT_VAULT_TIMEOUT_MS = 5_000;

export interface VaultClientOptions {
  /** Bound on every call, in milliseconds. */
  timeoutMs?: number;
}

export interface VaultClient {
  url: string;
  timeoutMs: number;
  raw: nodeVault.client;
}

// node-vault's debug output includes request bodies, which may hold secrets.
const silent = () => undefined;

/**
 * A node-vault client for one Vault address. `token` is sent as X-Vault-Token on
 * every call; without one, no token is sent at all.
 */
export function createVaultClient(
  url: string,
  token: string | null,
  options: VaultClientOptions = {},
): VaultClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_VAULT_TIMEOUT_MS;
  const raw = nodeVault({
    endpoint: url,
    apiVersion: 'v1',
    debug: silent,
    // LIST is not a standard method: proxies and Node-based servers may refuse it.
    noCustomHTTPVerbs: true,
    requestOptions: { timeout: timeoutMs },
  });
  // node-vault falls back to VAULT_TOKEN from the environment; never send that
  // to an address a user typed.
  // Limitation: node-vault also reads VAULT_PREFIX and VAULT_NAMESPACE from the
  // environment with no way to turn that off; a BFF started with them set sends
  // them to Vault.
  raw.token = token ?? '';
  return { url, timeoutMs, raw };
}

class DeadlineExceeded extends Error {
  readonly code = 'ETIMEDOUT';
}

/**
 * axios's timeout covers the socket; this covers everything else (a server that
 * trickles bytes, DNS that hangs), so no call outlives its bound by much.
 */
function withDeadline<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded('deadline')), timeoutMs + 250);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export type CallInfo = Omit<CallContext, 'url' | 'timeoutMs'>;

/** Checks an answer from Vault; a wrong shape is an error, never a crash. */
export function parseVaultAnswer<S extends z.ZodType>(
  schema: S,
  body: unknown,
  client: VaultClient,
  info: CallInfo,
): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;

  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `at ${issue.path.join('.')}` : 'at the top level';
  const details = { url: displayUrl(client.url), operation: info.operation };
  const withPath = info.path ? { ...details, path: info.path } : details;
  throw new VaultError(
    'bad-response',
    fixedMessages.badResponse(withPath, where),
    withPath,
  );
}

/** Sends one request through node-vault, bounded in time, and checks the answer. */
export async function callVault<S extends z.ZodType>(
  client: VaultClient,
  info: CallInfo,
  schema: S,
  send: (raw: nodeVault.client) => Promise<unknown>,
): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await withDeadline(send(client.raw), client.timeoutMs);
  } catch (raw) {
    throw classifyVaultFailure(raw, {
      ...info,
      url: client.url,
      timeoutMs: client.timeoutMs,
    });
  }
  return parseVaultAnswer(schema, body, client, info);
}

/** Headers that make one call carry `token`, whatever the client's default. */
export function tokenHeader(token: string): { headers: Record<string, string> } {
  return { headers: { 'X-Vault-Token': token } };
}
