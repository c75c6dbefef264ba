import { errorBodySchema } from '@vault-secrets/shared';
import type { z } from 'zod';
import { AppError } from '../http/app-error';
import { RpcNetworkError, sendRpc, type RpcAnswer } from './rpc-client';

/** A relayed configure runs several Vault calls of up to 5 s each; allow for them. */
export const RELAY_TIMEOUT_MS = 30_000;

export interface RelayTarget {
  id: string;
  name: string;
  url: string;
}

export interface RelayOptions {
  secret: string;
  sender: string;
  timeoutMs?: number;
}

function networkFailure(target: RelayTarget, error: RpcNetworkError, timeoutMs: number) {
  const details = { controller: target.name, url: target.url, cause: error.code };
  if (error.reason === 'timeout') {
    return new AppError(
      'RELAY_FAILED',
      502,
      `Controller ${target.name} (${target.url}) did not answer within ` +
        `${timeoutMs / 1000} s. Check its logs, then try again.`,
      details,
    );
  }
  return new AppError(
    'CONTROLLER_OFFLINE',
    503,
    `Controller ${target.name} cannot be reached at ${target.url} (${error.code}); ` +
      'it may have stopped. Start it, or wait until it shows online, then try again.',
    details,
  );
}

/**
 * Sends a signed call to another controller and returns its answer as this
 * controller should give it: a success of the expected shape, or the target's own
 * error envelope unchanged. Anything else becomes RELAY_FAILED naming the target.
 */
export async function relayToController<S extends z.ZodType>(
  target: RelayTarget,
  path: string,
  body: unknown,
  successSchema: S,
  options: RelayOptions,
): Promise<{ status: number; body: z.output<S> | z.output<typeof errorBodySchema> }> {
  const timeoutMs = options.timeoutMs ?? RELAY_TIMEOUT_MS;
  let answer: RpcAnswer;
  try {
    answer = await sendRpc({
      baseUrl: target.url,
      path,
      body,
      secret: options.secret,
      sender: options.sender,
      timeoutMs,
    });
  } catch (error) {
    if (error instanceof RpcNetworkError) throw networkFailure(target, error, timeoutMs);
    throw error;
  }

  if (answer.status >= 200 && answer.status < 300) {
    const success = successSchema.safeParse(answer.body);
    if (success.success) return { status: answer.status, body: success.data };
  } else {
    const failure = errorBodySchema.safeParse(answer.body);
    // A 401 to a browser means "log in again"; the user's session is fine, the
    // controllers' trust is not, so that one is answered as a relay failure.
    const status = answer.status === 401 ? 502 : answer.status;
    if (failure.success) return { status, body: failure.data };
  }
  throw new AppError(
    'RELAY_FAILED',
    502,
    `Controller ${target.name} (${target.url}) answered with status ${answer.status} ` +
      'and a body this controller does not understand. Check that both run the same version.',
    { controller: target.name, url: target.url, status: answer.status },
  );
}
