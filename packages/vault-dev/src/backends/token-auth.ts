import { parseDurationSeconds } from '../core/duration';
import {
  logicalReply,
  noContent,
  parseGoBool,
  stringField,
  stringListField,
  type HandlerRequest,
  type Route,
  type VaultReply,
} from '../core/routing';
import {
  SYSTEM_MAX_TTL,
  tokenAuthBlock,
  tokenLookupData,
  type TokenEntry,
  type TokenStore,
} from '../core/tokens';
import { badRequest, VaultError } from '../core/vault-error';

const durationField = (request: HandlerRequest, field: string): number | undefined => {
  const raw = request.body[field];
  if (raw === undefined || raw === '') return undefined;
  try {
    return parseDurationSeconds(raw);
  } catch (error) {
    throw badRequest(`error parsing ${field}: ${(error as Error).message}`);
  }
};

const caller = (request: HandlerRequest): TokenEntry => {
  if (!request.token) throw new VaultError(403, ['permission denied']);
  return request.token;
};

/** The token auth method at auth/token/. */
export function tokenRoutes(tokens: TokenStore): Route[] {
  const create = (request: HandlerRequest, orphan: boolean) =>
    createToken(tokens, request, orphan);
  return [
    {
      pattern: /^create$/,
      metric: 'auth/token/create',
      operations: { create: (r) => create(r, false), update: (r) => create(r, false) },
    },
    {
      pattern: /^create-orphan$/,
      metric: 'auth/token/create-orphan',
      operations: { create: (r) => create(r, true), update: (r) => create(r, true) },
    },
    {
      pattern: /^lookup-self$/,
      metric: 'auth/token/lookup-self',
      operations: { read: (r) => logicalReply(tokenLookupData(caller(r))) },
    },
    {
      pattern: /^lookup$/,
      metric: 'auth/token/lookup',
      operations: {
        update: (r) => lookupOther(tokens, r),
        create: (r) => lookupOther(tokens, r),
      },
    },
    {
      pattern: /^renew-self$/,
      metric: 'auth/token/renew-self',
      operations: {
        update: (r) => renewSelf(tokens, r),
        create: (r) => renewSelf(tokens, r),
      },
    },
    {
      pattern: /^revoke-self$/,
      metric: 'auth/token/revoke-self',
      operations: {
        update: (r) => revoke(tokens, caller(r).id),
        create: (r) => revoke(tokens, caller(r).id),
      },
    },
    {
      pattern: /^revoke$/,
      metric: 'auth/token/revoke',
      operations: {
        update: (r) => revokeOther(tokens, r),
        create: (r) => revokeOther(tokens, r),
      },
    },
  ];
}

function createToken(tokens: TokenStore, request: HandlerRequest, orphan: boolean) {
  const parent = caller(request);
  const isRoot = parent.policies.includes('root');
  const asked = stringListField(request.body, 'policies') ?? parent.policies;
  const noDefault = parseGoBool(request.body.no_default_policy) ?? false;
  const policies = [
    ...new Set([...asked, ...(noDefault || asked.includes('root') ? [] : ['default'])]),
  ]
    .map((policy) => policy.toLowerCase())
    .sort();
  if (!isRoot && policies.some((p) => p !== 'default' && !parent.policies.includes(p))) {
    throw badRequest('child policies must be subset of parent');
  }
  const ttl = durationField(request, 'ttl');
  const explicitMaxTtl = durationField(request, 'explicit_max_ttl') ?? 0;
  const period = durationField(request, 'period') ?? 0;
  const numUses = Number(request.body.num_uses ?? 0);
  if (!Number.isInteger(numUses) || numUses < 0) {
    throw badRequest('number of uses cannot be negative');
  }
  const defaultTtl = policies.includes('root') && isRoot ? 0 : SYSTEM_MAX_TTL;
  const meta = request.body.meta as Record<string, string> | undefined;
  const displayName = stringField(request.body, 'display_name');
  const entry = tokens.create({
    policies,
    path: orphan ? 'auth/token/create-orphan' : 'auth/token/create',
    displayName: displayName ? `token-${displayName}` : 'token',
    ttl: period || (ttl ?? defaultTtl),
    explicitMaxTtl,
    numUses,
    period,
    meta: meta ?? null,
    renewable: parseGoBool(request.body.renewable) ?? true,
    orphan: orphan || (parseGoBool(request.body.no_parent) ?? false),
  });
  if (entry.expiresAt === 0) entry.renewable = false;
  return logicalReply(null, { auth: tokenAuthBlock(entry, entry.meta) });
}

/** Without a `token`, Vault looks up the caller; an unknown token is a 403. */
function lookupOther(tokens: TokenStore, request: HandlerRequest): VaultReply {
  const id = stringField(request.body, 'token') || request.clientToken;
  if (!id) throw badRequest('missing token ID');
  const entry = tokens.lookup(id);
  if (!entry) throw new VaultError(403, ['bad token']);
  return logicalReply(tokenLookupData(entry));
}

function renewSelf(tokens: TokenStore, request: HandlerRequest): VaultReply {
  const entry = caller(request);
  if (!entry.renewable || entry.expiresAt === 0) {
    throw badRequest('lease is not renewable');
  }
  tokens.renew(entry, durationField(request, 'increment'));
  return logicalReply(null, { auth: tokenAuthBlock(entry, entry.meta) });
}

function revoke(tokens: TokenStore, id: string): VaultReply {
  tokens.revoke(id);
  return noContent();
}

function revokeOther(tokens: TokenStore, request: HandlerRequest): VaultReply {
  const id = stringField(request.body, 'token');
  if (!id) throw badRequest('missing token to revoke');
  return revoke(tokens, id);
}
