import { z } from 'zod';
import { callVault, parseVaultAnswer } from './vault-http';

// What a Vault operator does with a root token to let controllers in: AppRole,
// a policy for the secrets path, a role bound to it, and secret_ids to hand out.
// `npm start`, the integration tests and the e2e tests all provision through this.

export interface AppRoleSpec {
  /** The role's name; its policy has the same name. */
  roleName: string;
  mount: string;
  secretsPath: string;
  /** Granted on `{mount}/data/{secretsPath}/*`. */
  dataCapabilities: readonly string[];
  /** Granted on `{mount}/metadata/{secretsPath}/*`. */
  metadataCapabilities: readonly string[];
  /** Token TTL and max TTL, as Vault durations ('15m', '1h'). */
  tokenTtl: string;
  tokenMaxTtl: string;
  /** Requests a token serves before Vault revokes it (0, the default: unlimited). */
  tokenNumUses?: number;
}

/**
 * The policy text. Vault matches `*` as a trailing prefix, so `maas/*` covers every
 * secret below the secrets path, and listing the path itself (checked as `maas/`).
 */
export function secretsPolicy(spec: AppRoleSpec): string {
  const grant = (kind: string, capabilities: readonly string[]) =>
    `path "${spec.mount}/${kind}/${spec.secretsPath}/*" {\n` +
    `  capabilities = [${capabilities.map((c) => `"${c}"`).join(', ')}]\n}\n`;
  return [
    grant('data', spec.dataCapabilities),
    grant('metadata', spec.metadataCapabilities),
  ].join('\n');
}

const mountsSchema = z.record(z.string(), z.unknown());

/** `vault auth enable approle`, unless it already is. */
export async function enableAppRole(addr: string, token: string): Promise<void> {
  const auths = parseVaultAnswer(
    mountsSchema,
    await callVault(addr, { method: 'GET', path: 'sys/auth', token }),
    'sys/auth',
  );
  if ('approle/' in auths) return;
  await callVault(addr, {
    method: 'POST',
    path: 'sys/auth/approle',
    token,
    body: { type: 'approle' },
  });
}

const roleIdSchema = z.object({ data: z.object({ role_id: z.string().min(1) }) });

/**
 * Enables AppRole, writes the policy and the role (idempotent: a second run keeps
 * the role_id), and answers the role_id.
 */
export async function writeAppRole(
  addr: string,
  token: string,
  spec: AppRoleSpec,
): Promise<string> {
  await enableAppRole(addr, token);
  await callVault(addr, {
    method: 'PUT',
    path: `sys/policies/acl/${spec.roleName}`,
    token,
    body: { policy: secretsPolicy(spec) },
  });
  const role = `auth/approle/role/${spec.roleName}`;
  await callVault(addr, {
    method: 'POST',
    path: role,
    token,
    body: {
      token_policies: spec.roleName,
      token_ttl: spec.tokenTtl,
      token_max_ttl: spec.tokenMaxTtl,
      token_num_uses: spec.tokenNumUses ?? 0,
      // A controller keeps its secret_id to log in again; it must not run out.
      secret_id_ttl: 0,
      secret_id_num_uses: 0,
    },
  });
  const answer = await callVault(addr, { method: 'GET', path: `${role}/role-id`, token });
  return parseVaultAnswer(roleIdSchema, answer, 'the role-id read').data.role_id;
}

const wrappedSchema = z.object({ wrap_info: z.object({ token: z.string().min(1) }) });
const secretIdSchema = z.object({ data: z.object({ secret_id: z.string().min(1) }) });

/**
 * A new secret_id for the role: response-wrapped in a single-use token living
 * `wrapTtl` when given (what an operator hands over), else the secret_id itself.
 */
export async function mintSecretId(
  addr: string,
  token: string,
  roleName: string,
  options: { wrapTtl?: string } = {},
): Promise<string> {
  const answer = await callVault(addr, {
    method: 'POST',
    path: `auth/approle/role/${roleName}/secret-id`,
    token,
    wrapTtl: options.wrapTtl,
    body: {},
  });
  return options.wrapTtl
    ? parseVaultAnswer(wrappedSchema, answer, 'the secret-id request').wrap_info.token
    : parseVaultAnswer(secretIdSchema, answer, 'the secret-id request').data.secret_id;
}
