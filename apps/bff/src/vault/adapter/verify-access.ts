import { randomBytes } from 'node:crypto';
import { VaultError } from './errors';
import { displayUrl } from './messages';
import type { VaultSession } from './session';

/** Where the configuration check writes its throwaway secret, under the secrets path. */
export const ACCESS_CHECK_FOLDER = '.config-check';

/**
 * Proves this AppRole can do what the product needs under the secrets path:
 * create a secret, read it back, and delete it. Throws the first failure as a
 * VaultError naming the capability and the path; leaves nothing behind that it
 * was allowed to remove.
 */
export async function verifyAccess(session: VaultSession): Promise<void> {
  const path = `${ACCESS_CHECK_FOLDER}/${randomBytes(8).toString('hex')}`;
  const marker = randomBytes(16).toString('hex');

  await session.kvCreate(path, { check: marker });

  let readFailure: unknown = null;
  try {
    const readBack = await session.kvRead(path);
    if (readBack?.check !== marker) readFailure = readBackMismatch(session, path);
  } catch (error) {
    readFailure = error;
  }

  // Limitation: when both the read and the delete fail, the test secret stays and
  // only the read's error is reported; it holds a random marker, nothing secret.
  try {
    await session.kvDelete(path);
  } catch (deleteFailure) {
    throw readFailure ?? deleteFailure;
  }
  if (readFailure) throw readFailure;
}

function readBackMismatch(session: VaultSession, path: string): VaultError {
  const { mount, secretsPath } = session.location;
  const apiPath = `${mount}/data/${secretsPath}/${path}`;
  const url = displayUrl(session.url);
  return new VaultError(
    'bad-response',
    `Vault at ${url} did not return the test secret just written to ${apiPath}. ` +
      'Check that the mount is a KV version 2 secrets engine.',
    { url, operation: 'kv-read', path: apiPath },
  );
}
