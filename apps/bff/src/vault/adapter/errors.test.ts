import { errorCodes } from '@vault-secrets/shared';
import { describe, expect, it } from 'vitest';
import {
  VaultError,
  vaultErrorKinds,
  vaultErrorToHttp,
  type VaultErrorKind,
} from './errors';

const details = { url: 'http://127.0.0.1:8200', operation: 'kv-read' } as const;

describe('vaultErrorToHttp', () => {
  it.each<[VaultErrorKind, string, number]>([
    ['wrapping-token-invalid', 'VAULT_WRAPPING_TOKEN_INVALID', 400],
    ['invalid-credentials', 'VAULT_INVALID_CREDENTIALS', 400],
    ['permission-denied', 'VAULT_PERMISSION_DENIED', 403],
    ['sealed', 'VAULT_SEALED', 503],
    ['unreachable', 'VAULT_UNREACHABLE', 503],
    ['tls', 'VAULT_TLS_FAILED', 502],
    ['bad-response', 'VAULT_BAD_RESPONSE', 502],
    ['not-found', 'VAULT_ERROR', 502],
    ['unexpected', 'VAULT_ERROR', 502],
  ])('answers %s with %s and status %i', (kind, code, status) => {
    const answer = vaultErrorToHttp(new VaultError(kind, 'what to do', details));
    expect(answer).toMatchObject({ code, status, message: 'what to do' });
    expect(answer.details).toMatchObject({
      kind,
      url: details.url,
      operation: 'kv-read',
    });
  });

  it('answers a refused key share as a validation error on the key field', () => {
    const error = new VaultError('unseal-rejected', 'That key share is not valid.', {
      ...details,
      operation: 'unseal',
    });
    expect(vaultErrorToHttp(error)).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'That key share is not valid.',
      details: { fields: { key: 'That key share is not valid.' } },
    });
  });

  it('uses only codes of the shared contract', () => {
    for (const kind of vaultErrorKinds) {
      const { code } = vaultErrorToHttp(new VaultError(kind, 'm', details));
      expect(errorCodes).toContain(code);
    }
  });
});
