import { startVaultDevServer } from '@vault-secrets/vault-dev';

// vault-dev in dev mode, and the raw HTTP calls an operator would make with the
// Vault CLI. Nothing here goes through the adapter: it is what the adapter meets.

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

async function expectOk(
  answer: Promise<VaultAnswer>,
  what: string,
): Promise<VaultAnswer> {
  const { status, body } = await answer;
  if (status !== 200 && status !== 204) {
    throw new Error(`${what} failed with ${status}: ${JSON.stringify(body)}`);
  }
  return { status, body };
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
      await expectOk(vaultApi(url, rootToken, 'PUT', 'sys/seal'), 'seal');
    },
    unseal: async () => {
      await expectOk(
        vaultApi(url, null, 'PUT', 'sys/unseal', { key: unsealKey }),
        'unseal',
      );
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

export interface AppRoleSpec {
  roleName: string;
  mount?: string;
  secretsPath?: string;
  dataCapabilities?: string[];
  metadataCapabilities?: string[];
  /** Token TTL and max TTL, as Vault durations ('2s', '1h'). */
  tokenTtl?: string;
  tokenMaxTtl?: string;
  /** Requests a token serves before Vault revokes it (0 = unlimited). */
  tokenNumUses?: number;
}

function policyFor(spec: Required<AppRoleSpec>): string {
  const quoted = (list: string[]) => list.map((c) => `"${c}"`).join(', ');
  const base = `${spec.mount}/%s/${spec.secretsPath}/*`;
  return [
    `path "${base.replace('%s', 'data')}" {`,
    `  capabilities = [${quoted(spec.dataCapabilities)}]`,
    '}',
    `path "${base.replace('%s', 'metadata')}" {`,
    `  capabilities = [${quoted(spec.metadataCapabilities)}]`,
    '}',
  ].join('\n');
}

/** Enables AppRole, writes a policy for the secrets path and a role bound to it. */
export async function provisionAppRole(
  vault: DevVault,
  partial: AppRoleSpec,
): Promise<AppRoleSetup> {
  const spec: Required<AppRoleSpec> = {
    mount: 'secret',
    secretsPath: 'maas',
    dataCapabilities: ['create', 'read', 'update', 'delete'],
    metadataCapabilities: ['list', 'delete'],
    tokenTtl: '1h',
    tokenMaxTtl: '4h',
    tokenNumUses: 0,
    ...partial,
  };
  const { url, rootToken } = vault;
  const enabled = await vaultApi(url, rootToken, 'POST', 'sys/auth/approle', {
    type: 'approle',
  });
  if (
    enabled.status !== 204 &&
    !JSON.stringify(enabled.body).includes('already in use')
  ) {
    throw new Error(`enabling AppRole failed with ${enabled.status}`);
  }
  const role = `auth/approle/role/${spec.roleName}`;
  await expectOk(
    vaultApi(url, rootToken, 'PUT', `sys/policies/acl/${spec.roleName}`, {
      policy: policyFor(spec),
    }),
    'policy write',
  );
  await expectOk(
    vaultApi(url, rootToken, 'POST', role, {
      token_policies: spec.roleName,
      token_ttl: spec.tokenTtl,
      token_max_ttl: spec.tokenMaxTtl,
      token_num_uses: spec.tokenNumUses,
      secret_id_num_uses: 0,
    }),
    'role write',
  );
  const roleIdAnswer = await expectOk(
    vaultApi(url, rootToken, 'GET', `${role}/role-id`),
    'role-id',
  );
  const roleId = (roleIdAnswer.body as { data: { role_id: string } }).data.role_id;

  const newSecretId = (headers: Record<string, string>) =>
    expectOk(
      vaultApi(url, rootToken, 'POST', `${role}/secret-id`, {}, headers),
      'secret-id',
    );
  return {
    roleName: spec.roleName,
    roleId,
    wrappedSecretId: async () => {
      const answer = await newSecretId({ 'X-Vault-Wrap-TTL': '1h' });
      return (answer.body as { wrap_info: { token: string } }).wrap_info.token;
    },
    secretId: async () => {
      const answer = await newSecretId({});
      return (answer.body as { data: { secret_id: string } }).data.secret_id;
    },
  };
}
