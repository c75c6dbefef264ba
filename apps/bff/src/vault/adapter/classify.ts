import { VaultError, type VaultErrorDetails, type VaultOperation } from './errors';
import {
  displayUrl,
  fixedMessages,
  permissionDeniedMessage,
  tlsMessage,
  unreachableMessage,
  type PolicyScope,
} from './messages';
import { unsealRejection } from './unseal-messages';

/** What the adapter knows about a call when it fails. */
export interface CallContext {
  url: string;
  operation: VaultOperation;
  timeoutMs: number;
  path?: string;
  capability?: string;
  scope?: PolicyScope;
  /** Values sent in this call that must never appear in a message. */
  secrets?: readonly string[];
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ERR_INVALID_URL',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'EPROTO',
]);

/** node-vault rejects with `response: {statusCode, body}` when Vault answered. */
function vaultAnswer(raw: unknown): { status: number; text: string } | null {
  if (typeof raw !== 'object' || raw === null || !('response' in raw)) return null;
  const response: unknown = raw.response;
  if (typeof response !== 'object' || response === null) return null;
  if (!('statusCode' in response) || typeof response.statusCode !== 'number') return null;
  const text = raw instanceof Error ? raw.message : '';
  return { status: response.statusCode, text };
}

function errorCode(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('code' in raw)) return null;
  return typeof raw.code === 'string' ? raw.code : null;
}

const TOKEN_LIKE = /\b(?:hv[sbr]|s|b|r)\.[A-Za-z0-9_-]{16,}/g;

/** Vault's own text, with anything this call sent as a secret cut out. */
export function scrubVaultText(text: string, secrets: readonly string[] = []): string {
  let safe = text.replace(TOKEN_LIKE, '[redacted]');
  for (const secret of secrets) {
    if (secret.length > 0) safe = safe.split(secret).join('[redacted]');
  }
  safe = safe
    .replace(/\s+/g, ' ')
    .replace(/^1 error occurred: \* /, '')
    .trim();
  return safe.length > 200 ? `${safe.slice(0, 200)}…` : safe;
}

function fromVaultAnswer(
  answer: { status: number; text: string },
  base: VaultErrorDetails,
  ctx: CallContext,
): VaultError {
  const details = { ...base, status: answer.status };
  const text = answer.text.toLowerCase();
  if (answer.status === 503 || text.includes('vault is sealed')) {
    return new VaultError('sealed', fixedMessages.sealed(details.url), details);
  }
  if (ctx.operation === 'unwrap' && (answer.status === 400 || answer.status === 403)) {
    const message = fixedMessages.wrappingTokenInvalid(details.url);
    return new VaultError('wrapping-token-invalid', message, details);
  }
  if (ctx.operation === 'login' && answer.status === 400) {
    const message = fixedMessages.invalidCredentials(details.url);
    return new VaultError('invalid-credentials', message, details);
  }
  if (ctx.operation === 'unseal' && answer.status === 400) {
    return new VaultError('unseal-rejected', unsealRejection(answer.text), details);
  }
  if (answer.status === 403) {
    const message = permissionDeniedMessage(details, ctx.scope);
    return new VaultError('permission-denied', message, details);
  }
  if (answer.status === 404) {
    return new VaultError('not-found', fixedMessages.notFound(details), details);
  }
  const vaultText = scrubVaultText(answer.text, ctx.secrets);
  return new VaultError(
    'unexpected',
    fixedMessages.unexpected(details, vaultText),
    details,
  );
}

/**
 * Turns whatever node-vault or the network rejected with into a VaultError whose
 * message a person can act on. The raw error is dropped on purpose: axios errors
 * carry the request's headers, and with them the token.
 */
export function classifyVaultFailure(raw: unknown, ctx: CallContext): VaultError {
  const base: VaultErrorDetails = { url: displayUrl(ctx.url), operation: ctx.operation };
  if (ctx.path) base.path = ctx.path;
  if (ctx.capability) base.capability = ctx.capability;

  const answer = vaultAnswer(raw);
  if (answer) return fromVaultAnswer(answer, base, ctx);

  const code = errorCode(raw);
  if (code && TIMEOUT_CODES.has(code)) {
    const details = { ...base, cause: 'timeout' };
    return new VaultError(
      'unreachable',
      unreachableMessage(details, ctx.timeoutMs),
      details,
    );
  }
  if (code && UNREACHABLE_CODES.has(code)) {
    const details = { ...base, cause: code };
    return new VaultError(
      'unreachable',
      unreachableMessage(details, ctx.timeoutMs),
      details,
    );
  }
  if (code && (TLS_CODES.has(code) || /^ERR_(TLS|SSL)_/.test(code))) {
    const details = { ...base, cause: code };
    return new VaultError('tls', tlsMessage(details), details);
  }
  if (code === 'ERR_BAD_RESPONSE') {
    return new VaultError(
      'bad-response',
      fixedMessages.badResponse(base, 'not JSON'),
      base,
    );
  }
  const details = code ? { ...base, cause: code } : base;
  return new VaultError('unexpected', fixedMessages.unexpected(details, ''), details);
}
