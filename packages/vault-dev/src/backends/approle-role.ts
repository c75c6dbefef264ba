import { parseDurationSeconds } from '../core/duration';
import { parseGoBool, stringListField, type JsonObject } from '../core/routing';
import { badRequest } from '../core/vault-error';

export interface AppRole {
  roleId: string;
  tokenPolicies: string[];
  tokenTtl: number;
  tokenMaxTtl: number;
  tokenExplicitMaxTtl: number;
  tokenNumUses: number;
  tokenPeriod: number;
  tokenNoDefaultPolicy: boolean;
  secretIdTtl: number;
  secretIdNumUses: number;
  bindSecretId: boolean;
}

export function newRole(roleId: string): AppRole {
  return {
    roleId,
    tokenPolicies: [],
    tokenTtl: 0,
    tokenMaxTtl: 0,
    tokenExplicitMaxTtl: 0,
    tokenNumUses: 0,
    tokenPeriod: 0,
    tokenNoDefaultPolicy: false,
    secretIdTtl: 0,
    secretIdNumUses: 0,
    bindSecretId: true,
  };
}

const DURATIONS = {
  token_ttl: 'tokenTtl',
  token_max_ttl: 'tokenMaxTtl',
  token_explicit_max_ttl: 'tokenExplicitMaxTtl',
  token_period: 'tokenPeriod',
  period: 'tokenPeriod',
  secret_id_ttl: 'secretIdTtl',
} as const;

const COUNTS = {
  token_num_uses: 'tokenNumUses',
  secret_id_num_uses: 'secretIdNumUses',
} as const;

/** Applies a role write to a role; throws 400 naming the field that is wrong. */
export function applyRoleFields(role: AppRole, body: JsonObject): void {
  const policies =
    stringListField(body, 'token_policies') ?? stringListField(body, 'policies');
  if (policies) role.tokenPolicies = policies.map((policy) => policy.toLowerCase());
  for (const [field, key] of Object.entries(DURATIONS)) {
    if (body[field] === undefined) continue;
    try {
      role[key] = parseDurationSeconds(body[field]);
    } catch (error) {
      throw badRequest(`error parsing ${field}: ${(error as Error).message}`);
    }
  }
  for (const [field, key] of Object.entries(COUNTS)) {
    if (body[field] === undefined) continue;
    const count = Number(body[field]);
    if (!Number.isInteger(count) || count < 0) {
      throw badRequest(`${field} cannot be negative`);
    }
    role[key] = count;
  }
  if (body.bind_secret_id !== undefined) {
    const bind = parseGoBool(body.bind_secret_id);
    if (bind === undefined) throw badRequest('bind_secret_id must be a boolean');
    role.bindSecretId = bind;
  }
  if (body.token_no_default_policy !== undefined) {
    role.tokenNoDefaultPolicy = parseGoBool(body.token_no_default_policy) ?? false;
  }
  if (role.tokenMaxTtl > 0 && role.tokenTtl > role.tokenMaxTtl) {
    throw badRequest('token_ttl should not be greater than token_max_ttl');
  }
}

/** The `data` of a role read, with Vault's field names (and its deprecated aliases). */
export function roleReadData(role: AppRole) {
  return {
    bind_secret_id: role.bindSecretId,
    local_secret_ids: false,
    period: role.tokenPeriod,
    policies: role.tokenPolicies,
    secret_id_bound_cidrs: null,
    secret_id_num_uses: role.secretIdNumUses,
    secret_id_ttl: role.secretIdTtl,
    token_bound_cidrs: [],
    token_explicit_max_ttl: role.tokenExplicitMaxTtl,
    token_max_ttl: role.tokenMaxTtl,
    token_no_default_policy: role.tokenNoDefaultPolicy,
    token_num_uses: role.tokenNumUses,
    token_period: role.tokenPeriod,
    token_policies: role.tokenPolicies,
    token_ttl: role.tokenTtl,
    token_type: 'default',
  };
}
