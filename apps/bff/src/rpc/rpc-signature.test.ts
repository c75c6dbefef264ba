import { describe, expect, it } from 'vitest';
import { createNonceCache } from './nonce-cache';
import {
  RPC_HEADERS,
  RPC_VALIDITY_MS,
  RpcAuthError,
  signRpcRequest,
  verifyRpcRequest,
  type RpcRequest,
} from './rpc-signature';

const SECRET = 'c2hhcmVkIHNlY3JldCBmb3IgdGVzdHM=';
const SENDER = '6f1c2d2e-8a8b-4c1e-9f00-0123456789ab';
const NOW = 1_800_000_000_000;
const request: RpcRequest = {
  method: 'POST',
  path: '/internal/v1/vault/configure',
  body: '{"controllerId":"x"}',
};

function lookup(headers: Record<string, string>) {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return (name: string) => lower.get(name.toLowerCase());
}

function verify(
  headers: Record<string, string>,
  changed: Partial<RpcRequest> = {},
  options: {
    now?: number;
    secret?: string;
    nonces?: ReturnType<typeof createNonceCache>;
  } = {},
) {
  return verifyRpcRequest(
    options.secret ?? SECRET,
    lookup(headers),
    { ...request, ...changed },
    options.nonces ?? createNonceCache(),
    options.now ?? NOW,
  );
}

describe('controller call signatures', () => {
  it('accepts a call signed with the shared secret and names its sender', () => {
    expect(verify(signRpcRequest(SECRET, SENDER, request, NOW))).toBe(SENDER);
  });

  it.each<[string, Partial<RpcRequest>]>([
    ['method', { method: 'PUT' }],
    ['path', { path: '/internal/v1/vault/other' }],
    ['body', { body: '{"controllerId":"y"}' }],
  ])('refuses a call whose %s was changed after signing', (_what, changed) => {
    const headers = signRpcRequest(SECRET, SENDER, request, NOW);
    expect(() => verify(headers, changed)).toThrow(/signature does not match/);
  });

  it('refuses a call signed with another secret', () => {
    const headers = signRpcRequest('another secret', SENDER, request, NOW);
    expect(() => verify(headers)).toThrow(RpcAuthError);
  });

  it('refuses a call claiming another sender than the one signed', () => {
    const headers = signRpcRequest(SECRET, SENDER, request, NOW);
    headers[RPC_HEADERS.sender] = '00000000-0000-4000-8000-000000000000';
    expect(() => verify(headers)).toThrow(/signature does not match/);
  });

  it.each([
    ['too old', NOW - RPC_VALIDITY_MS - 1],
    ['from the future', NOW + RPC_VALIDITY_MS + 1],
  ])('refuses a call whose timestamp is %s', (_what, signedAt) => {
    const headers = signRpcRequest(SECRET, SENDER, request, signedAt);
    expect(() => verify(headers)).toThrow(/clocks/);
  });

  it('accepts a call at the edge of the window', () => {
    const headers = signRpcRequest(SECRET, SENDER, request, NOW - RPC_VALIDITY_MS);
    expect(verify(headers)).toBe(SENDER);
  });

  it('refuses the same call a second time', () => {
    const nonces = createNonceCache();
    const headers = signRpcRequest(SECRET, SENDER, request, NOW);
    expect(verify(headers, {}, { nonces })).toBe(SENDER);
    expect(() => verify(headers, {}, { nonces, now: NOW + 1000 })).toThrow(
      /already received/,
    );
  });

  it('names the missing headers of an unsigned call', () => {
    expect(() => verify({})).toThrow(
      /X-RPC-Timestamp, X-RPC-Nonce, X-RPC-Controller, X-RPC-Signature/,
    );
  });

  it('refuses malformed headers before computing anything', () => {
    const headers = signRpcRequest(SECRET, SENDER, request, NOW);
    expect(() => verify({ ...headers, [RPC_HEADERS.timestamp]: 'yesterday' })).toThrow(
      /milliseconds/,
    );
    expect(() => verify({ ...headers, [RPC_HEADERS.signature]: 'abc' })).toThrow(
      /malformed/,
    );
  });

  it('does not remember the nonce of a call with a bad signature', () => {
    const nonces = createNonceCache();
    const headers = signRpcRequest('another secret', SENDER, request, NOW);
    expect(() => verify(headers, {}, { nonces })).toThrow(RpcAuthError);
    expect(nonces.size).toBe(0);
  });
});

describe('nonce cache', () => {
  it('forgets nonces once their calls are past the window', () => {
    const nonces = createNonceCache();
    expect(nonces.remember('a', NOW)).toBe('fresh');
    expect(nonces.remember('a', NOW + RPC_VALIDITY_MS)).toBe('replayed');
    expect(nonces.remember('b', NOW + 2 * RPC_VALIDITY_MS + 1)).toBe('fresh');
    expect(nonces.size).toBe(1);
  });

  it('stays bounded: refuses new nonces when full rather than forgetting live ones', () => {
    const nonces = createNonceCache(2);
    expect(nonces.remember('a', NOW)).toBe('fresh');
    expect(nonces.remember('b', NOW)).toBe('fresh');
    expect(nonces.remember('c', NOW)).toBe('full');
    expect(nonces.remember('a', NOW)).toBe('replayed');
    expect(nonces.size).toBe(2);
  });
});
