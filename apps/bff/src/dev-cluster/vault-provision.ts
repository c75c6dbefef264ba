import { z } from 'zod';
import { callVault, parseVaultAnswer } from './vault-http';

/** Where the controllers keep their secrets: `secret/data/maas/…`. */
export const SECRETS_MOUNT = 'secret';
export const SECRETS_PATH = 'maas';
const POLICY_NAME = 'maas-controller';
const ROLE_NAME = 'maas-controller';

// Three shares, any two unseal: the smallest split that still shows what a threshold is.
const KEY_SHARES = 3;
const KEY_THRESHOLD = 2;

// Short-lived controller tokens: a leaked token is useless within the quarter hour,
// and the controllers log in again with their secret_id.
const TOKEN_TTL = '15m';
const TOKEN_MAX_TTL = '1h';

// Long enough to configure the cluster at leisure after `npm start` (at least an hour).
export const WRAPPED_SECRET_ID_TTL = '8h';

// Vault matches `*` as a trailing prefix, so `maas/*` covers every secret below the
// secrets path, and listing the path itself (checked as `maas/`) as well.
const POLICY = `
path "${SECRETS_MOUNT}/data/${SECRETS_PATH}/*" {
  capabilities = ["create", "read", "update", "delete"]
}

path "${SECRETS_MOUNT}/metadata/${SECRETS_PATH}/*" {
  capabilities = ["list", "read", "delete"]
}
`;

export interface VaultKeys {
  rootToken: string;
  unsealKeys: string[];
}

const sealStatusSchema = z.object({ initialized: z.boolean(), sealed: z.boolean() });
const initAnswerSchema = z.object({
  keys: z.array(z.string()).min(1),
  root_token: z.string().min(1),
});

async function unseal(addr: string, unsealKeys: string[]): Promise<void> {
  for (const key of unsealKeys) {
    const answer = await callVault(addr, {
      method: 'PUT',
      path: 'sys/unseal',
      body: { key },
    });
    const status = parseVaultAnswer(sealStatusSchema, answer, 'sys/unseal');
    if (!status.sealed) return;
  }
  throw new Error('Vault is still sealed after every stored unseal key was entered');
}

/**
 * Initializes Vault on the first start (handing the new keys to `saveKeys` before
 * anything else can fail) and unseals it with the stored keys on later starts.
 */
export async function initializeAndUnseal(
  addr: string,
  stored: Partial<VaultKeys>,
  saveKeys: (keys: VaultKeys) => Promise<void>,
): Promise<VaultKeys> {
  const status = parseVaultAnswer(
    sealStatusSchema,
    await callVault(addr, { method: 'GET', path: 'sys/seal-status' }),
    'sys/seal-status',
  );

  let keys: VaultKeys;
  if (!status.initialized) {
    const answer = await callVault(addr, {
      method: 'PUT',
      path: 'sys/init',
      body: { secret_shares: KEY_SHARES, secret_threshold: KEY_THRESHOLD },
    });
    const init = parseVaultAnswer(initAnswerSchema, answer, 'sys/init');
    keys = { rootToken: init.root_token, unsealKeys: init.keys };
    await saveKeys(keys);
  } else if (stored.rootToken && stored.unsealKeys?.length) {
    keys = { rootToken: stored.rootToken, unsealKeys: stored.unsealKeys };
  } else {
    throw new Error(
      'Vault is already initialized but dev-cluster.json holds no root token and ' +
        'unseal keys for it; restore that file or remove the data directory to start over',
    );
  }

  if (status.sealed || !status.initialized) await unseal(addr, keys.unsealKeys);
  return keys;
}

const mountsSchema = z.record(z.string(), z.unknown());

async function ensureMounted(addr: string, token: string): Promise<void> {
  const mounts = parseVaultAnswer(
    mountsSchema,
    await callVault(addr, { method: 'GET', path: 'sys/mounts', token }),
    'sys/mounts',
  );
  if (!(`${SECRETS_MOUNT}/` in mounts)) {
    await callVault(addr, {
      method: 'POST',
      path: `sys/mounts/${SECRETS_MOUNT}`,
      token,
      body: { type: 'kv', options: { version: '2' } },
    });
  }

  const auths = parseVaultAnswer(
    mountsSchema,
    await callVault(addr, { method: 'GET', path: 'sys/auth', token }),
    'sys/auth',
  );
  if (!('approle/' in auths)) {
    await callVault(addr, {
      method: 'POST',
      path: 'sys/auth/approle',
      token,
      body: { type: 'approle' },
    });
  }
}

const roleIdSchema = z.object({ data: z.object({ role_id: z.string().min(1) }) });

/**
 * Provisions Vault for the controllers the way an operator would: KV v2 at `secret/`,
 * AppRole, a policy for the secrets path only, and a role with short-lived tokens.
 * Every step is idempotent, so each start repairs what an interrupted one left.
 * Answers the role_id.
 */
export async function provisionControllerAccess(
  addr: string,
  token: string,
): Promise<string> {
  await ensureMounted(addr, token);
  await callVault(addr, {
    method: 'PUT',
    path: `sys/policies/acl/${POLICY_NAME}`,
    token,
    body: { policy: POLICY },
  });
  await callVault(addr, {
    method: 'POST',
    path: `auth/approle/role/${ROLE_NAME}`,
    token,
    body: {
      token_policies: POLICY_NAME,
      token_ttl: TOKEN_TTL,
      token_max_ttl: TOKEN_MAX_TTL,
      // A controller keeps its secret_id to log in again; it must not run out.
      secret_id_ttl: 0,
      secret_id_num_uses: 0,
    },
  });
  const answer = await callVault(addr, {
    method: 'GET',
    path: `auth/approle/role/${ROLE_NAME}/role-id`,
    token,
  });
  return parseVaultAnswer(roleIdSchema, answer, 'the role-id read').data.role_id;
}

const wrappedSchema = z.object({ wrap_info: z.object({ token: z.string().min(1) }) });

/** One fresh response-wrapped secret_id per controller. */
export async function mintWrappedSecretIds(
  addr: string,
  token: string,
  count: number,
): Promise<string[]> {
  const tokens: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const answer = await callVault(addr, {
      method: 'POST',
      path: `auth/approle/role/${ROLE_NAME}/secret-id`,
      token,
      wrapTtl: WRAPPED_SECRET_ID_TTL,
      body: {},
    });
    tokens.push(
      parseVaultAnswer(wrappedSchema, answer, 'the secret-id request').wrap_info.token,
    );
  }
  return tokens;
}
