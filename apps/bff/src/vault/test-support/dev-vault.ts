import { startVaultDevServer } from '@vault-secrets/vault-dev';
import { mintSecretId, writeAppRole, type AppRoleSpec } from '../../dev-cluster/approle';
import { callVault } from '../../dev-cluster/vault-http';

// vault-dev in dev mode, provisioned as an operator would (through the same code
// as `npm start`), and raw HTTP calls for tests that look at Vault's own answers.
// Nothing here goes through the adapter: it is what the adapter meets.

export interface DevVault {
  url: string;
  rootToken: string;
  close(): Promise<void>;
  seal(): Promise<void>;
  unseal(): Promise<void>;
  unsealKey: string;
}

export interface VaultAnswer {
  status: number;
  body: unknown;
}

export async function vaultApi(
  url: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<VaultAnswer> {
  const response = await fetch(`${url}/v1/${path}`, {
    method,
    headers: {
      ...(token ? { 'X-Vault-Token': token } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/**
 * How many requests vault-dev has answered whose metric labels mention `what`
 * (an operation such as `health` or `seal-status`), from its own metrics.
 */
export async function requestsServed(vault: DevVault, what: string): Promise<number> {
  const response = await fetch(`${vault.url}/v1/sys/metrics?format=prometheus`, {
    headers: { 'X-Vault-Token': vault.rootToken },
  });
  return (await response.text())
    .split('\n')
    .filter((line) => line.startsWith('vault_dev_requests_total') && line.includes(what))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}

export async function startDevVault(): Promise<DevVault> {
  const server = await startVaultDevServer({ dev: true, port: 0, host: '127.0.0.1' });
  const rootToken = server.rootToken;
  const unsealKey = server.unsealKeys?.[0];
  if (!rootToken || !unsealKey)
    throw new Error('vault-dev in dev mode gave no root token');
  const { url } = server;
  return {
    url,
    rootToken,
    unsealKey,
    close: () => server.close(),
    seal: async () => {
      await callVault(url, { method: 'PUT', path: 'sys/seal', token: rootToken });
    },
    unseal: async () => {
      await callVault(url, {
        method: 'PUT',
        path: 'sys/unseal',
        body: { key: unsealKey },
      });
    },
  };
}

export interface AppRoleSetup {
  roleName: string;
  roleId: string;
  /** A fresh single-use wrapping token around a new secret_id. */
  wrappedSecretId(): Promise<string>;
  /** A new secret_id, unwrapped (as an operator's script might hand out). */
  secretId(): Promise<string>;
}

export type AppRoleOptions = Pick<AppRoleSpec, 'roleName'> & Partial<AppRoleSpec>;

const TEST_ROLE_DEFAULTS: Omit<AppRoleSpec, 'roleName'> = {
  mount: 'secret',
  secretsPath: 'maas',
  dataCapabilities: ['create', 'read', 'update', 'delete'],
  metadataCapabilities: ['list', 'delete'],
  tokenTtl: '1h',
  tokenMaxTtl: '4h',
};

/** Enables AppRole, writes a policy for the secrets path and a role bound to it. */
export async function provisionAppRole(
  vault: DevVault,
  options: AppRoleOptions,
): Promise<AppRoleSetup> {
  const { url, rootToken } = vault;
  const { roleName } = options;
  const roleId = await writeAppRole(url, rootToken, {
    ...TEST_ROLE_DEFAULTS,
    ...options,
  });
  return {
    roleName,
    roleId,
    wrappedSecretId: () => mintSecretId(url, rootToken, roleName, { wrapTtl: '1h' }),
    secretId: () => mintSecretId(url, rootToken, roleName),
  };
}
