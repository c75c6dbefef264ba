import type { SealStatus } from '@vault-secrets/shared';
import { readSealStatus } from './adapter';

/** What seal-status answers when this controller cannot see a Vault. */
export const UNREACHABLE_SEAL_STATUS: SealStatus = {
  reachable: false,
  initialized: false,
  sealed: false,
  t: 0,
  n: 0,
  progress: 0,
};

export interface SealStatusCache {
  /** The seal status at most `maxAgeMs` old; one Vault call however many ask. */
  get(): Promise<SealStatus>;
  /** Records a fresher answer (an unseal call returns the seal status). */
  set(status: SealStatus): void;
}

export function createSealStatusCache(
  url: string,
  options: { maxAgeMs?: number; timeoutMs?: number } = {},
): SealStatusCache {
  const maxAgeMs = options.maxAgeMs ?? 1_000;
  let cached: { status: SealStatus; at: number } | null = null;
  let inFlight: Promise<SealStatus> | null = null;

  async function fetchStatus(): Promise<SealStatus> {
    try {
      const status = await readSealStatus(url, { timeoutMs: options.timeoutMs });
      return { reachable: true, ...status };
    } catch {
      // The health monitor logs why Vault cannot be reached; no second log here.
      return UNREACHABLE_SEAL_STATUS;
    }
  }

  return {
    get() {
      if (cached && Date.now() - cached.at < maxAgeMs) {
        return Promise.resolve(cached.status);
      }
      inFlight ??= fetchStatus()
        .then((status) => {
          cached = { status, at: Date.now() };
          return status;
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
    set(status) {
      cached = { status, at: Date.now() };
    },
  };
}
