import { z } from 'zod';

export interface VaultCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  token?: string;
  body?: unknown;
  /** Asks Vault to answer with a single-use wrapping token instead of the data. */
  wrapTtl?: string;
}

const REQUEST_TIMEOUT_MS = 10_000;

const errorBodySchema = z.object({ errors: z.array(z.string()) });

/**
 * One call to Vault's HTTP API, as an operator's `vault` CLI would make it. Answers
 * the parsed JSON body (null for 204); any other status is an error naming the call
 * and Vault's own message, which never carries a token.
 */
export async function callVault(addr: string, call: VaultCall): Promise<unknown> {
  const headers: Record<string, string> = {};
  if (call.token) headers['X-Vault-Token'] = call.token;
  if (call.wrapTtl) headers['X-Vault-Wrap-TTL'] = call.wrapTtl;
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';

  const where = `${call.method} ${addr}/v1/${call.path}`;
  let response: Response;
  try {
    response = await fetch(`${addr}/v1/${call.path}`, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(`Vault did not answer ${where}: ${(error as Error).message}`);
  }

  const text = await response.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    if (response.ok)
      throw new Error(`Vault answered ${where} with a body that is not JSON`);
  }
  if (response.ok) return body;

  const errors = errorBodySchema.safeParse(body);
  // Vault wraps some messages as "1 error occurred:\n\t* …"; keep them on one line.
  const message = (errors.success ? errors.data.errors.join('; ') : text.slice(0, 200))
    .replace(/\s+/g, ' ')
    .trim();
  throw new Error(
    `Vault answered ${response.status} to ${where}: ${message || 'no message'}`,
  );
}

/** Parses a Vault answer, naming the call when it has the wrong shape. */
export function parseVaultAnswer<T>(
  schema: z.ZodType<T>,
  answer: unknown,
  what: string,
): T {
  const result = schema.safeParse(answer);
  if (!result.success) {
    throw new Error(`Vault's answer to ${what} does not have the expected shape`);
  }
  return result.data;
}
