import { SECRET_PATHS, type SecretStore } from '../secrets/secret-store';

/**
 * Short enough that a key change (or Vault turning unreadable) is seen within
 * seconds, long enough that a burst of requests costs one secret read.
 */
export const SESSION_KEY_CACHE_MS = 5_000;

export interface SessionKeyProvider {
  /** The key that signs session cookies; throws when the secret store cannot give it. */
  current(): Promise<Buffer>;
  /** Forgets the cached key, so the next call reads the store again. */
  invalidate(): void;
}

export function createSessionKeyProvider(
  store: SecretStore,
  cacheMs = SESSION_KEY_CACHE_MS,
  now: () => number = Date.now,
): SessionKeyProvider {
  let cached: { key: Buffer; until: number } | null = null;

  return {
    async current() {
      if (cached && cached.until > now()) return cached.key;
      const secret = await store.get(SECRET_PATHS.sessionKey);
      const encoded = secret?.key;
      if (!encoded) {
        throw new Error(
          `The secret ${SECRET_PATHS.sessionKey} is missing or has no key.`,
        );
      }
      const key = Buffer.from(encoded, 'base64');
      cached = { key, until: now() + cacheMs };
      return key;
    },
    invalidate() {
      cached = null;
    },
  };
}
