import type { VaultErrorDetails, VaultOperation } from './errors';

/** Where the secrets live; lets a permission error say which policy to grant. */
export interface PolicyScope {
  mount: string;
  secretsPath: string;
}

const operationNames: Record<VaultOperation, string> = {
  unwrap: 'unwrapping the secret ID',
  login: 'the AppRole login',
  'lookup-self': 'looking up its token',
  'renew-self': 'renewing its token',
  'revoke-self': 'revoking its token',
  'kv-read': 'reading a secret',
  'kv-write': 'writing a secret',
  'kv-delete': 'deleting a secret',
  'kv-list': 'listing secrets',
  health: 'the health check',
  'seal-status': 'reading the seal status',
  unseal: 'the unseal request',
};

export function describeOperation(operation: VaultOperation): string {
  return operationNames[operation];
}

/** Vault's address as it is safe to show: no credentials, query or fragment. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname;
    return `${parsed.protocol}//${parsed.host}${path}`;
  } catch {
    return '(an invalid URL)';
  }
}

const causeTexts: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  timeout: 'no answer in time',
};

export function unreachableMessage(
  details: VaultErrorDetails,
  timeoutMs: number,
): string {
  const cause = details.cause ?? 'unknown';
  const why =
    cause === 'timeout' ? `no answer within ${timeoutMs} ms` : causeTexts[cause];
  return (
    `Cannot reach Vault at ${details.url} (${cause}${why ? `: ${why}` : ''}). ` +
    'Check the URL, and that Vault is running and reachable from this controller.'
  );
}

export function tlsMessage(details: VaultErrorDetails): string {
  return (
    `The TLS connection to Vault at ${details.url} failed (${details.cause}). ` +
    "This controller must trust the CA that signed Vault's certificate " +
    '(for example through NODE_EXTRA_CA_CERTS), and the host in the URL must match ' +
    'the certificate.'
  );
}

/** The least privilege the adapter needs, in the words of a Vault policy. */
export function requiredGrants(scope: PolicyScope): string {
  const base = `${scope.mount}/%s/${scope.secretsPath}/*`;
  return (
    `grant create, read, update, delete on ${base.replace('%s', 'data')} ` +
    `and list, delete on ${base.replace('%s', 'metadata')}`
  );
}

export function permissionDeniedMessage(
  details: VaultErrorDetails,
  scope: PolicyScope | undefined,
): string {
  const what = details.capability ?? 'access';
  const where = details.path ?? 'this path';
  const advice = scope ? `; ${requiredGrants(scope)}` : '';
  return `Vault at ${details.url} denied ${what} on ${where} for this AppRole${advice}.`;
}

export const fixedMessages = {
  wrappingTokenInvalid: (url: string) =>
    `The wrapped token was already used, has expired, or was not issued by the Vault at ${url}. ` +
    'Ask the Vault operator for a new wrapped secret ID (a single-use wrapping token) and try again.',
  invalidCredentials: (url: string) =>
    `Vault at ${url} refused the AppRole login: the role ID or the secret ID is wrong, ` +
    'or the secret ID has expired or used up its uses. Check the role ID and ask for a new ' +
    'wrapped secret ID.',
  sealed: (url: string) =>
    `Vault at ${url} is sealed. Unseal it with its key shares, then try again.`,
  badResponse: (details: VaultErrorDetails, where: string) =>
    `Vault at ${details.url} answered ${describeOperation(details.operation)} with data ` +
    `of an unexpected shape (${where}). Check that the URL points at Vault's API and ` +
    'not at a proxy or another service.',
  notFound: (details: VaultErrorDetails) =>
    `Vault at ${details.url} has nothing at ${details.path ?? 'the requested path'} ` +
    `(during ${describeOperation(details.operation)}). Check the mount and that the ` +
    'auth method or secrets engine is enabled there.',
  unexpected: (details: VaultErrorDetails, vaultText: string) =>
    `Vault at ${details.url} failed ${describeOperation(details.operation)}` +
    `${details.status ? ` with status ${details.status}` : ''}${vaultText ? `: ${vaultText}` : ''}.`,
};
