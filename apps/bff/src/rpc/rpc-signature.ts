import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NonceCache } from './nonce-cache';

/** Headers that carry a controller-to-controller call's proof of origin. */
export const RPC_HEADERS = {
  timestamp: 'X-RPC-Timestamp',
  nonce: 'X-RPC-Nonce',
  sender: 'X-RPC-Controller',
  signature: 'X-RPC-Signature',
} as const;

/** How far a call's timestamp may be from the receiver's clock, either way. */
export const RPC_VALIDITY_MS = 30_000;

const SIGNATURE_VERSION = 'vault-secrets-rpc-v1';
const NONCE_PATTERN = /^[0-9a-f]{32}$/;
const SIGNATURE_PATTERN = /^[0-9a-f]{64}$/;
const UUID_PATTERN = /^[0-9a-f-]{36}$/;

export interface RpcRequest {
  method: string;
  /** The request's path as sent, without a query string. */
  path: string;
  /** The exact bytes of the body ('' when there is none). */
  body: Buffer | string;
}

interface SignedParts extends RpcRequest {
  timestampMs: number;
  nonce: string;
  sender: string;
}

function canonicalText(parts: SignedParts): string {
  const bodyHash = createHash('sha256').update(parts.body).digest('hex');
  return [
    SIGNATURE_VERSION,
    parts.method.toUpperCase(),
    parts.path,
    String(parts.timestampMs),
    parts.nonce,
    parts.sender,
    bodyHash,
  ].join('\n');
}

function sign(secret: string, parts: SignedParts): string {
  return createHmac('sha256', secret).update(canonicalText(parts)).digest('hex');
}

/** The headers that let the receiver check this call came from a cluster member. */
export function signRpcRequest(
  secret: string,
  sender: string,
  request: RpcRequest,
  now = Date.now(),
): Record<string, string> {
  const parts = {
    ...request,
    sender,
    timestampMs: now,
    nonce: randomBytes(16).toString('hex'),
  };
  return {
    [RPC_HEADERS.timestamp]: String(parts.timestampMs),
    [RPC_HEADERS.nonce]: parts.nonce,
    [RPC_HEADERS.sender]: sender,
    [RPC_HEADERS.signature]: sign(secret, parts),
  };
}

/** Why a call was refused; the reason is safe to show (it names no secret). */
export class RpcAuthError extends Error {
  override readonly name = 'RpcAuthError';
}

type HeaderLookup = (name: string) => string | undefined;

function readHeaders(header: HeaderLookup) {
  const timestamp = header(RPC_HEADERS.timestamp);
  const nonce = header(RPC_HEADERS.nonce);
  const sender = header(RPC_HEADERS.sender);
  const signature = header(RPC_HEADERS.signature);
  if (!timestamp || !nonce || !sender || !signature) {
    const names = Object.values(RPC_HEADERS).join(', ');
    throw new RpcAuthError(`The call is not signed: send ${names}.`);
  }
  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new RpcAuthError(`${RPC_HEADERS.timestamp} must be milliseconds since 1970.`);
  }
  if (!NONCE_PATTERN.test(nonce) || !SIGNATURE_PATTERN.test(signature)) {
    throw new RpcAuthError('The call carries a malformed nonce or signature.');
  }
  if (!UUID_PATTERN.test(sender)) {
    throw new RpcAuthError(`${RPC_HEADERS.sender} must be the sending controller's id.`);
  }
  return { timestampMs: Number(timestamp), nonce, sender, signature };
}

/**
 * Checks a call's signature, its age and that its nonce is new; answers the
 * sender's controller id. The nonce is only remembered once the signature holds,
 * so nobody without the secret can fill the cache.
 */
export function verifyRpcRequest(
  secret: string,
  header: HeaderLookup,
  request: RpcRequest,
  nonces: NonceCache,
  now = Date.now(),
): string {
  const parts = readHeaders(header);
  if (Math.abs(now - parts.timestampMs) > RPC_VALIDITY_MS) {
    throw new RpcAuthError(
      `The call's timestamp is more than ${RPC_VALIDITY_MS / 1000} s from this ` +
        "controller's clock; check that the controllers' clocks are synchronised.",
    );
  }
  const expected = Buffer.from(sign(secret, { ...request, ...parts }), 'hex');
  const given = Buffer.from(parts.signature, 'hex');
  if (!timingSafeEqual(expected, given)) {
    throw new RpcAuthError(
      "The call's signature does not match; the controllers disagree on global/rpc-shared.",
    );
  }
  const seen = nonces.remember(parts.nonce, now);
  if (seen === 'replayed') throw new RpcAuthError('The call was already received once.');
  if (seen === 'full') {
    throw new RpcAuthError('Too many calls in the last minute; try again shortly.');
  }
  return parts.sender;
}
