import { RPC_VALIDITY_MS } from './rpc-signature';

export type NonceVerdict = 'fresh' | 'replayed' | 'full';

export interface NonceCache {
  /** Records a nonce; says whether it was new, seen before, or the cache is full. */
  remember(nonce: string, now?: number): NonceVerdict;
  readonly size: number;
}

/**
 * Nonces seen within the validity window, in arrival order. A call older than
 * the window is refused by its timestamp, so its nonce can be forgotten. Memory
 * is bounded by `maxEntries`; when that many calls arrived within the window,
 * new ones are refused rather than letting an old nonce be replayed.
 */
export function createNonceCache(maxEntries = 10_000): NonceCache {
  // Kept twice the window: a timestamp may be up to one window in the future.
  const keepMs = 2 * RPC_VALIDITY_MS;
  const seen = new Map<string, number>();

  function forgetExpired(now: number) {
    for (const [nonce, expiresAt] of seen) {
      if (expiresAt > now) break;
      seen.delete(nonce);
    }
  }

  return {
    remember(nonce, now = Date.now()) {
      forgetExpired(now);
      if (seen.has(nonce)) return 'replayed';
      if (seen.size >= maxEntries) return 'full';
      seen.set(nonce, now + keepMs);
      return 'fresh';
    },
    get size() {
      return seen.size;
    },
  };
}
