import { SECRET_PATHS, type SecretStore } from '../secrets/secret-store';

/** The key controllers sign their calls to each other with, or null when absent. */
export async function readRpcSharedSecret(store: SecretStore): Promise<string | null> {
  const value = await store.get(SECRET_PATHS.rpcShared);
  const secret = value?.secret;
  return secret && secret.length > 0 ? secret : null;
}
