import type { DevClusterInfo } from '@vault-secrets/bff/dev-cluster';

/**
 * What a Vault operator does with the root token from dev-cluster.json: mint one
 * more response-wrapped secret_id for the controllers' AppRole.
 */
export async function mintWrappedSecretId(cluster: DevClusterInfo): Promise<string> {
  const response = await fetch(
    `${cluster.vault.addr}/v1/auth/approle/role/maas-controller/secret-id`,
    {
      method: 'POST',
      headers: { 'X-Vault-Token': cluster.vault.rootToken, 'X-Vault-Wrap-TTL': '10m' },
    },
  );
  if (!response.ok) throw new Error(`minting a secret_id answered ${response.status}`);
  const body = (await response.json()) as { wrap_info?: { token?: string } };
  const token = body.wrap_info?.token;
  if (!token) throw new Error('Vault answered without a wrapping token');
  return token;
}
