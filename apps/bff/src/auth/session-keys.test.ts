import { describe, expect, it } from 'vitest';
import type { SecretStore, SecretValue } from '../secrets/secret-store';
import { createSessionKeyProvider } from './session-keys';

/** An in-memory store counting reads; the logic under test is the cache. */
function memoryStore(initial: SecretValue | null) {
  let value = initial;
  let reads = 0;
  const store: SecretStore = {
    get: async () => {
      reads += 1;
      return value;
    },
    put: async (_path, next) => {
      value = next;
    },
    putIfAbsent: async (_path, next) => (value ??= next),
    delete: async () => {
      value = null;
    },
    list: async () => [],
  };
  return { store, reads: () => reads };
}

describe('session key provider', () => {
  it('reads the store once per cache period, and again after invalidate', async () => {
    let now = 0;
    const { store, reads } = memoryStore({ key: Buffer.alloc(32, 1).toString('base64') });
    const keys = createSessionKeyProvider(store, 5_000, () => now);

    await keys.current();
    await keys.current();
    expect(reads()).toBe(1);
    now = 5_001;
    await keys.current();
    expect(reads()).toBe(2);

    await store.put('global/session-key', {
      key: Buffer.alloc(32, 2).toString('base64'),
    });
    keys.invalidate();
    expect((await keys.current())[0]).toBe(2);
  });

  it('fails clearly when the key is missing', async () => {
    const keys = createSessionKeyProvider(memoryStore(null).store);
    await expect(keys.current()).rejects.toThrow(/global\/session-key is missing/);
  });
});
