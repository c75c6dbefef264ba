import { z } from 'zod';
import { mintSecretId, writeAppRole, type AppRoleSpec } from './approle';
import { callVault, parseVaultAnswer } from './vault-http';

/** Where the controllers keep their secrets: `secret/data/maas/…`. */
export const SECRETS_MOUNT = 'secret';
export const SECRETS_PATH = 'maas';
export const CONTROLLER_ROLE_NAME = 'maas-controller';

// Three shares, any two unseal: the smallest split that still shows what a threshold is.
const KEY_SHARES = 3;
const KEY_THRESHOLD = 2;

// Long enough to configure the cluster at leisure after `npm start` (at least an hour).
export const WRAPPED_SECRET_ID_TTL = '8h';

const CONTROLLER_ROLE: AppRoleSpec = {
  roleName: CONTROLLER_ROLE_NAME,
  mount: SECRETS_MOUNT,
  secretsPath: SECRETS_PATH,
  dataCapabilities: ['create', 'read', 'update', 'delete'],
  metadataCapabilities: ['list', 'read', 'delete'],
  // Short-lived controller tokens: a leaked token is useless within the quarter
  // hour, and the controllers log in again with their secret_id.
  tokenTtl: '15m',
  tokenMaxTtl: '1h',
};

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

/** `vault secrets enable -version=2 -path=secret kv`, unless it already is. */
async function ensureKvMount(addr: string, token: string): Promise<void> {
  const mounts = parseVaultAnswer(
    mountsSchema,
    await callVault(addr, { method: 'GET', path: 'sys/mounts', token }),
    'sys/mounts',
  );
  if (`${SECRETS_MOUNT}/` in mounts) return;
  await callVault(addr, {
    method: 'POST',
    path: `sys/mounts/${SECRETS_MOUNT}`,
    token,
    body: { type: 'kv', options: { version: '2' } },
  });
}

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
  await ensureKvMount(addr, token);
  return writeAppRole(addr, token, CONTROLLER_ROLE);
}

/** One fresh response-wrapped secret_id per controller. */
export async function mintWrappedSecretIds(
  addr: string,
  token: string,
  count: number,
): Promise<string[]> {
  const tokens: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const wrapTtl = WRAPPED_SECRET_ID_TTL;
    tokens.push(await mintSecretId(addr, token, CONTROLLER_ROLE_NAME, { wrapTtl }));
  }
  return tokens;
}
