import { callVault, createVaultClient, type VaultClientOptions } from './client';
import { isVaultError, type VaultErrorKind } from './errors';
import { healthAnswerSchema, sealStatusAnswerSchema } from './schemas';

/** Vault as one `sys/health` call saw it. Unknown fields are null. */
export interface VaultHealth {
  reachable: boolean;
  initialized: boolean | null;
  sealed: boolean | null;
  standby: boolean | null;
  /** Why Vault could not be read, in words a person can act on; never a secret. */
  error: string | null;
  errorKind: VaultErrorKind | null;
  /** When the check finished (RFC 3339). */
  checkedAt: string;
}

// Ask for 200 whatever the state, so Vault's status code carries no meaning we
// would have to decode; the body says sealed, standby or uninitialized.
const healthQuery = {
  standbyok: true,
  sealedcode: 200,
  uninitcode: 200,
  standbycode: 200,
};

/** Reads `sys/health`. Never throws: failures come back as `reachable: false`. */
export async function readHealth(
  url: string,
  options: VaultClientOptions = {},
): Promise<VaultHealth> {
  const client = createVaultClient(url, null, options);
  const info = { operation: 'health', path: 'sys/health' } as const;
  try {
    const answer = await callVault(client, info, healthAnswerSchema, (raw) =>
      raw.health(healthQuery),
    );
    return { reachable: true, ...answer, error: null, errorKind: null, checkedAt: now() };
  } catch (error) {
    const known = isVaultError(error);
    return {
      reachable: false,
      initialized: null,
      sealed: null,
      standby: null,
      error: known ? error.message : 'The health check failed unexpectedly.',
      errorKind: known ? error.kind : 'unexpected',
      checkedAt: now(),
    };
  }
}

export interface VaultSealStatus {
  initialized: boolean;
  sealed: boolean;
  /** Key shares needed to unseal. */
  t: number;
  /** Key shares in total. */
  n: number;
  /** Key shares entered so far toward `t`. */
  progress: number;
}

/** Reads `sys/seal-status` (no token needed). Throws VaultError. */
export async function readSealStatus(
  url: string,
  options: VaultClientOptions = {},
): Promise<VaultSealStatus> {
  const client = createVaultClient(url, null, options);
  const info = { operation: 'seal-status', path: 'sys/seal-status' } as const;
  const answer = await callVault(client, info, sealStatusAnswerSchema, (raw) =>
    raw.status(),
  );
  return pickSealStatus(answer);
}

export type UnsealInput = { key: string } | { reset: true };

/**
 * Passes one key share (or a reset of the progress) to `sys/unseal`. A refused
 * share becomes a VaultError of kind `unseal-rejected` that never repeats it.
 */
export async function submitUnsealKey(
  url: string,
  input: UnsealInput,
  options: VaultClientOptions = {},
): Promise<VaultSealStatus> {
  const client = createVaultClient(url, null, options);
  const secrets = 'key' in input ? [input.key] : [];
  const info = { operation: 'unseal', path: 'sys/unseal', secrets } as const;
  const body = 'key' in input ? { key: input.key } : { reset: true };
  const answer = await callVault(client, info, sealStatusAnswerSchema, (raw) =>
    raw.unseal(body),
  );
  return pickSealStatus(answer);
}

function pickSealStatus(answer: VaultSealStatus): VaultSealStatus {
  const { initialized, sealed, t, n, progress } = answer;
  return { initialized, sealed, t, n, progress };
}

function now(): string {
  return new Date().toISOString();
}
