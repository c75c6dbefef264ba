import { randomBytes } from 'node:crypto';
import type { Logger } from '../logging/logger';
import { SECRET_PATHS, type SecretStore, type SecretValue } from './secret-store';
import { createSelfSignedCertificate } from './self-signed-certificate';

const GLOBAL_SECRETS: Array<{ path: string; generate: () => SecretValue }> = [
  {
    path: SECRET_PATHS.sessionKey,
    generate: () => ({ key: randomBytes(32).toString('base64') }),
  },
  {
    path: SECRET_PATHS.rpcShared,
    generate: () => ({ secret: randomBytes(32).toString('base64') }),
  },
  {
    path: SECRET_PATHS.tls,
    generate: () => {
      const { certificate, privateKey } = createSelfSignedCertificate();
      return { certificate, privateKey };
    },
  },
];

/** Equal contents; jsonb does not keep key order, so compare key by key. */
export function sameSecret(a: SecretValue, b: SecretValue): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Creates the cluster-wide secrets the first time any controller starts.
 * Controllers starting together each propose a value; `putIfAbsent` keeps the
 * first and hands it to everyone, so every controller uses the same secrets.
 */
export async function bootstrapGlobalSecrets(store: SecretStore, log: Logger) {
  for (const { path, generate } of GLOBAL_SECRETS) {
    if (await store.get(path)) continue;

    const proposed = generate();
    const stored = await store.putIfAbsent(path, proposed);
    const created = sameSecret(stored, proposed);
    if (created) log.info({ path }, 'cluster secret generated');
  }
}
