import { relativePathProblem } from '@vault-secrets/shared';
import { z } from 'zod';

/** A secret is a small map of named strings, as a KV v2 secret's data is. */
export type SecretValue = Record<string, string>;

export const secretValueSchema = z.record(z.string(), z.string());

/**
 * Where the cluster's secrets live. Two backends implement it: the database
 * table (now) and Vault KV v2 (after migration).
 */
export interface SecretStore {
  get(path: string): Promise<SecretValue | null>;
  put(path: string, value: SecretValue): Promise<void>;
  /**
   * Stores the value only when the path holds nothing yet and returns what the
   * path holds afterwards, so racing writers all end up with the first value.
   */
  putIfAbsent(path: string, value: SecretValue): Promise<SecretValue>;
  delete(path: string): Promise<void>;
  /** Every path starting with the prefix, sorted. */
  list(prefix: string): Promise<string[]>;
}

export const SECRET_PATHS = {
  sessionKey: 'global/session-key',
  rpcShared: 'global/rpc-shared',
  tls: 'global/tls',
  powerParameters: (machineId: string) => `machine/${machineId}/power-parameters`,
} as const;

export class InvalidSecretPathError extends Error {
  constructor(path: string, problem: string) {
    super(`The secret path ${JSON.stringify(path)} ${problem}.`);
    this.name = 'InvalidSecretPathError';
  }
}

const MAX_PATH_LENGTH = 512;

/** Throws unless the path is relative, like `global/session-key`. */
export function assertSecretPath(path: string): void {
  if (path.length > MAX_PATH_LENGTH) {
    throw new InvalidSecretPathError(path.slice(0, 40), 'is too long');
  }
  const problem = relativePathProblem(path);
  if (problem) throw new InvalidSecretPathError(path, problem);
}

/** Throws unless the value is a map of strings; names no value in the message. */
export function parseSecretValue(path: string, value: unknown): SecretValue {
  const parsed = secretValueSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`The secret at ${path} is not a map of strings.`);
  }
  return parsed.data;
}
