import type { ErrorCode } from '@vault-secrets/shared';

/** What went wrong when talking to Vault, in terms an operator can act on. */
export const vaultErrorKinds = [
  'wrapping-token-invalid',
  'invalid-credentials',
  'permission-denied',
  'sealed',
  'unreachable',
  'tls',
  'bad-response',
  'not-found',
  'unseal-rejected',
  'unexpected',
] as const;
export type VaultErrorKind = (typeof vaultErrorKinds)[number];

/** The Vault calls the adapter makes; named in errors and logs. */
export type VaultOperation =
  | 'unwrap'
  | 'login'
  | 'lookup-self'
  | 'renew-self'
  | 'revoke-self'
  | 'kv-read'
  | 'kv-write'
  | 'kv-delete'
  | 'kv-list'
  | 'health'
  | 'seal-status'
  | 'unseal';

/**
 * Facts about a failure that are safe to show and log. By construction none of
 * them is a token, a secret_id, an unseal key or a secret value.
 */
export interface VaultErrorDetails {
  /** Vault's address without credentials, query or fragment. */
  url: string;
  operation: VaultOperation;
  /** The Vault API path, e.g. `secret/data/maas/global/tls`. */
  path?: string;
  /** The policy capability the call needed, e.g. `create`. */
  capability?: string;
  /** A network or TLS cause: `ECONNREFUSED`, `ENOTFOUND`, `timeout`, `CERT_HAS_EXPIRED`. */
  cause?: string;
  /** The HTTP status Vault answered with. */
  status?: number;
}

export class VaultError extends Error {
  override readonly name = 'VaultError';

  constructor(
    readonly kind: VaultErrorKind,
    message: string,
    readonly details: VaultErrorDetails,
  ) {
    super(message);
  }
}

export function isVaultError(value: unknown): value is VaultError {
  return value instanceof VaultError;
}

const httpByKind: Record<VaultErrorKind, { code: ErrorCode; status: number }> = {
  'wrapping-token-invalid': { code: 'VAULT_WRAPPING_TOKEN_INVALID', status: 400 },
  'invalid-credentials': { code: 'VAULT_INVALID_CREDENTIALS', status: 400 },
  'permission-denied': { code: 'VAULT_PERMISSION_DENIED', status: 403 },
  sealed: { code: 'VAULT_SEALED', status: 503 },
  unreachable: { code: 'VAULT_UNREACHABLE', status: 503 },
  tls: { code: 'VAULT_TLS_FAILED', status: 502 },
  'bad-response': { code: 'VAULT_BAD_RESPONSE', status: 502 },
  'not-found': { code: 'VAULT_ERROR', status: 502 },
  // The person typed the key share: it is their input that was refused.
  'unseal-rejected': { code: 'VALIDATION_FAILED', status: 400 },
  unexpected: { code: 'VAULT_ERROR', status: 502 },
};

export interface VaultErrorHttpAnswer {
  status: number;
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/**
 * How the BFF's error handler should answer a VaultError: the shared error code,
 * a fitting HTTP status and details that are safe to send to a browser.
 */
export function vaultErrorToHttp(error: VaultError): VaultErrorHttpAnswer {
  const { code, status } = httpByKind[error.kind];
  if (error.kind === 'unseal-rejected') {
    // VALIDATION_FAILED details name the field, so the form can show it in place.
    return {
      status,
      code,
      message: error.message,
      details: { fields: { key: error.message } },
    };
  }
  const details: Record<string, unknown> = { kind: error.kind, ...error.details };
  return { status, code, message: error.message, details };
}
