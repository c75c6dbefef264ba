import { callVault, createVaultClient, type VaultClientOptions } from './client';
import { isVaultError, VaultError } from './errors';
import {
  authAnswerSchema,
  lookupSelfAnswerSchema,
  noContentSchema,
  unwrapAnswerSchema,
} from './schemas';

/**
 * Exchanges a single-use wrapping token for the secret_id it wraps. The wrapping
 * token goes in X-Vault-Token, so Vault consumes it; it is never kept.
 */
export async function unwrapSecretId(
  url: string,
  wrappingToken: string,
  options: VaultClientOptions = {},
): Promise<string> {
  const client = createVaultClient(url, wrappingToken, options);
  const info = {
    operation: 'unwrap',
    path: 'sys/wrapping/unwrap',
    secrets: [wrappingToken],
  } as const;
  try {
    const answer = await callVault(client, info, unwrapAnswerSchema, (raw) =>
      raw.unwrap(),
    );
    return answer.data.secret_id;
  } catch (error) {
    if (isVaultError(error) && error.kind === 'bad-response') throw notASecretId(error);
    throw error;
  }
}

/** Either not Vault at that URL, or a wrapped token around something else. */
function notASecretId(error: VaultError): VaultError {
  const advice =
    ' If the URL is right, the token wrapped something other than an AppRole ' +
    'secret ID: ask for a new one made with ' +
    '`vault write -wrap-ttl=1h -f auth/approle/role/ROLE/secret-id`.';
  return new VaultError('bad-response', error.message + advice, error.details);
}

/** A Vault token and what is known about its lifetime. */
export interface VaultLogin {
  token: string;
  /** Seconds the token had left when it was looked up; 0 means it never expires. */
  ttlSeconds: number;
  renewable: boolean;
  /** Vault's `expire_time` (RFC 3339), or null for a token that never expires. */
  expireTime: string | null;
}

/** Logs in with AppRole, then asks Vault when the new token expires. */
export async function approleLogin(
  url: string,
  roleId: string,
  secretId: string,
  options: VaultClientOptions = {},
): Promise<VaultLogin> {
  const client = createVaultClient(url, null, options);
  const info = {
    operation: 'login',
    path: 'auth/approle/login',
    secrets: [roleId, secretId],
  } as const;
  const answer = await callVault(client, info, authAnswerSchema, (raw) =>
    raw.approleLogin({ role_id: roleId, secret_id: secretId }),
  );
  const token = answer.auth.client_token;
  const looked = await lookupSelf(url, token, options);
  return { ...looked, token, renewable: answer.auth.renewable };
}

export async function lookupSelf(
  url: string,
  token: string,
  options: VaultClientOptions = {},
): Promise<VaultLogin> {
  const client = createVaultClient(url, token, options);
  const info = {
    operation: 'lookup-self',
    path: 'auth/token/lookup-self',
    capability: 'read',
    secrets: [token],
  } as const;
  const answer = await callVault(client, info, lookupSelfAnswerSchema, (raw) =>
    raw.tokenLookupSelf(),
  );
  const { ttl, expire_time: expireTime, renewable } = answer.data;
  return { token, ttlSeconds: ttl, expireTime, renewable: renewable ?? false };
}

/** Extends the token's lease; answers with the new TTL in seconds. */
export async function renewSelf(
  url: string,
  token: string,
  options: VaultClientOptions = {},
): Promise<{ ttlSeconds: number; renewable: boolean }> {
  const client = createVaultClient(url, token, options);
  const info = {
    operation: 'renew-self',
    path: 'auth/token/renew-self',
    capability: 'update',
    secrets: [token],
  } as const;
  const answer = await callVault(client, info, authAnswerSchema, (raw) =>
    raw.tokenRenewSelf(),
  );
  return { ttlSeconds: answer.auth.lease_duration, renewable: answer.auth.renewable };
}

export async function revokeSelf(
  url: string,
  token: string,
  options: VaultClientOptions = {},
): Promise<void> {
  const client = createVaultClient(url, token, options);
  const info = {
    operation: 'revoke-self',
    path: 'auth/token/revoke-self',
    capability: 'update',
    secrets: [token],
  } as const;
  await callVault(client, info, noContentSchema, (raw) => raw.tokenRevokeSelf());
}
