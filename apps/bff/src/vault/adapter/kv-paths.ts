import { relativePathProblem, secretsMountSchema } from '@vault-secrets/shared';

/** A secret path, mount or secrets path that is not safe to put in a Vault URL. */
export class SecretPathError extends Error {
  override readonly name = 'SecretPathError';
}

export interface KvLocation {
  /** The KV v2 mount, e.g. `secret`. */
  mount: string;
  /** The folder under the mount that holds this cluster's secrets, e.g. `maas`. */
  secretsPath: string;
}

export function checkKvLocation(location: KvLocation): KvLocation {
  if (!secretsMountSchema.safeParse(location.mount).success) {
    throw new SecretPathError(
      'The secrets mount must be a single segment of letters, digits, _ and -.',
    );
  }
  const problem = relativePathProblem(location.secretsPath);
  if (problem) throw new SecretPathError(`The secrets path ${problem}.`);
  return location;
}

function checkSecretPath(path: string): void {
  const problem = relativePathProblem(path);
  if (problem) throw new SecretPathError(`The secret path ${problem}.`);
}

/** `{mount}/data/{secretsPath}/{path}`: where KV v2 reads and writes a secret. */
export function kvDataPath(location: KvLocation, path: string): string {
  checkSecretPath(path);
  return `${location.mount}/data/${location.secretsPath}/${path}`;
}

/** `{mount}/metadata/{secretsPath}/{path}`: every version of a secret, and listing. */
export function kvMetadataPath(location: KvLocation, path: string): string {
  if (path === '') return `${location.mount}/metadata/${location.secretsPath}`;
  checkSecretPath(path);
  return `${location.mount}/metadata/${location.secretsPath}/${path}`;
}
