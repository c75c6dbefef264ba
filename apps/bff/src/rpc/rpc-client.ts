import { signRpcRequest } from './rpc-signature';

export interface RpcCall {
  /** The target controller's internal URL, e.g. http://10.0.0.2:5240. */
  baseUrl: string;
  path: string;
  body: unknown;
  secret: string;
  /** This controller's id, signed into the call. */
  sender: string;
  timeoutMs: number;
}

export interface RpcAnswer {
  status: number;
  /** Parsed JSON, or undefined when the answer was not JSON. */
  body: unknown;
}

export type RpcFailureReason = 'refused' | 'unreachable' | 'timeout';

/** The call never got an answer. `code` is a network error code, never a secret. */
export class RpcNetworkError extends Error {
  override readonly name = 'RpcNetworkError';

  constructor(
    readonly reason: RpcFailureReason,
    readonly code: string,
  ) {
    super(`controller call failed: ${reason} (${code})`);
  }
}

function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : 'unknown';
}

function classify(error: unknown): RpcNetworkError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new RpcNetworkError('timeout', 'timeout');
  }
  const code = networkCode(error);
  return new RpcNetworkError(code === 'ECONNREFUSED' ? 'refused' : 'unreachable', code);
}

/** POSTs a signed JSON body to another controller; bounded by `timeoutMs` in all. */
export async function sendRpc(call: RpcCall): Promise<RpcAnswer> {
  // Limitation: the path replaces any path in the controller's URL, and the
  // signature covers the path as sent; a proxy that rewrites paths in between
  // makes every call fail its signature check.
  const url = new URL(call.path, call.baseUrl);
  const body = JSON.stringify(call.body);
  const headers = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    ...signRpcRequest(call.secret, call.sender, {
      method: 'POST',
      path: url.pathname,
      body,
    }),
  };
  const signal = AbortSignal.timeout(call.timeoutMs);
  try {
    // A signed call goes to the registered address only, never where a redirect points.
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal,
      redirect: 'manual',
    });
    const text = await response.text();
    return { status: response.status, body: parseJson(text) };
  } catch (error) {
    throw classify(error);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
