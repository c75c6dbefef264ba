import { rfc3339 } from '../core/ids';
import {
  logicalReply,
  type HandlerRequest,
  type Route,
  type VaultReply,
} from '../core/routing';
import type { TokenEntry, TokenStore } from '../core/tokens';
import { badRequest, invalidToken, missingToken } from '../core/vault-error';

export const INVALID_WRAPPING_TOKEN = 'wrapping token is not valid or does not exist';

const verificationFailed = (reason: string) =>
  badRequest(`error validating wrapping token: ${reason}`);

/**
 * The wrapping token of an unwrap or lookup: `token` from the body, else the client
 * token. Vault checks it before anything else, the caller's own token included.
 */
function wrappingToken(tokens: TokenStore, request: HandlerRequest): TokenEntry {
  const fromBody = request.body.token;
  if (fromBody !== undefined && fromBody !== null) {
    if (typeof fromBody !== 'string') {
      throw verificationFailed('could not decode token in request body');
    }
    if (fromBody === '') throw verificationFailed('empty token in request body');
  }
  const id = typeof fromBody === 'string' ? fromBody : request.clientToken;
  if (!id) throw verificationFailed('token is empty');
  const entry = tokens.lookup(id);
  if (!entry?.wrapped) throw badRequest(INVALID_WRAPPING_TOKEN);
  return entry;
}

/**
 * Either the wrapping token comes as the client token and the body is empty, or
 * a valid client token calls with the wrapping token in the body.
 */
function unwrap(tokens: TokenStore, request: HandlerRequest): VaultReply {
  const entry = wrappingToken(tokens, request);
  const thirdParty = typeof request.body.token === 'string';
  if (thirdParty && !request.token) {
    throw request.clientToken ? invalidToken() : missingToken();
  }
  tokens.revoke(entry.id);
  if (thirdParty && entry.id === request.clientToken) {
    // Vault's documented double use: the header use spends the token, then the
    // body's copy no longer exists.
    throw badRequest(INVALID_WRAPPING_TOKEN);
  }
  return { status: 200, body: entry.wrapped?.response, wrappable: true };
}

function lookup(tokens: TokenStore, request: HandlerRequest): VaultReply {
  const entry = wrappingToken(tokens, request);
  return logicalReply({
    creation_path: entry.wrapped?.creationPath ?? '',
    creation_time: rfc3339(entry.createdAt),
    creation_ttl: entry.creationTtl,
  });
}

export function wrappingRoutes(tokens: TokenStore): Route[] {
  return [
    {
      pattern: /^wrapping\/unwrap$/,
      metric: 'sys/wrapping/unwrap',
      tokenOptional: true,
      verify: (r) => void wrappingToken(tokens, r),
      operations: { update: (r) => unwrap(tokens, r), create: (r) => unwrap(tokens, r) },
    },
    {
      pattern: /^wrapping\/lookup$/,
      metric: 'sys/wrapping/lookup',
      unauthenticated: true,
      operations: { update: (r) => lookup(tokens, r), create: (r) => lookup(tokens, r) },
    },
  ];
}

/** Replaces a logical answer with a single-use wrapping token that holds it. */
export function wrapReply(
  tokens: TokenStore,
  reply: VaultReply,
  creationPath: string,
  ttl: number,
): VaultReply {
  const auth = (reply.body as { auth?: { accessor?: string } | null }).auth;
  const token = tokens.create({
    policies: ['response-wrapping'],
    path: creationPath,
    displayName: '',
    ttl,
    explicitMaxTtl: ttl,
    renewable: false,
    orphan: true,
    wrapped: {
      response: reply.body,
      creationPath,
      wrappedAccessor: auth?.accessor ?? '',
    },
  });
  const envelope = logicalReply(null);
  const body = envelope.body as Record<string, unknown>;
  // Vault gives the wrapped answer no request id of its own.
  body.request_id = '';
  body.wrap_info = {
    token: token.id,
    accessor: token.accessor,
    ttl,
    creation_time: rfc3339(token.createdAt),
    creation_path: creationPath,
    wrapped_accessor: auth?.accessor ?? '',
  };
  return { status: 200, body };
}
