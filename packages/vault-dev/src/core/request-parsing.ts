import type { Operation } from './acl';
import { parseDurationSeconds } from './duration';
import { parseGoBool, type JsonObject } from './routing';
import { VaultError, badRequest, methodNotAllowed, notFound } from './vault-error';

/** "/v1/a/b?x=1" into the logical path "a/b" and the query. */
export function splitUrl(raw: string): { path: string; searchParams: URLSearchParams } {
  const question = raw.indexOf('?');
  const pathname = question < 0 ? raw : raw.slice(0, question);
  if (!pathname.startsWith('/v1/')) throw notFound();
  let path: string;
  try {
    path = decodeURIComponent(pathname.slice(4));
  } catch {
    throw badRequest('invalid URL escape in the request path');
  }
  if (path === '') throw notFound();
  const searchParams = new URLSearchParams(question < 0 ? '' : raw.slice(question + 1));
  return { path, searchParams };
}

export function toOperation(method: string, query: URLSearchParams): Operation {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return listRequested(query) ? 'list' : 'read';
    case 'LIST':
      return 'list';
    case 'POST':
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return 'delete';
    default:
      throw methodNotAllowed();
  }
}

/** `?list=` takes Go's boolean spellings; anything else is a 400 without a message. */
function listRequested(query: URLSearchParams): boolean {
  const raw = query.get('list');
  if (raw === null || raw === '') return false;
  const list = parseGoBool(raw);
  if (list === undefined) throw new VaultError(400, []);
  return list;
}

export function parseWrapTtl(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  let seconds: number;
  try {
    seconds = parseDurationSeconds(header);
  } catch (error) {
    throw badRequest(
      `error parsing X-Vault-Wrap-TTL header: ${(error as Error).message}`,
    );
  }
  if (seconds < 0) {
    throw badRequest(
      'error parsing X-Vault-Wrap-TTL header: requested wrap ttl cannot be negative',
    );
  }
  return seconds || undefined;
}

const MERGE_PATCH = 'application/merge-patch+json';

/** Vault takes a PATCH only as a JSON merge patch, and says so. */
function checkPatchContentType(headers: Record<string, string | undefined>): void {
  const header = headers['content-type'] ?? '';
  const mediaType = (header.split(';')[0] ?? '').trim().toLowerCase();
  if (mediaType === '') throw badRequest('mime: no media type');
  if (mediaType !== MERGE_PATCH) {
    throw new VaultError(415, [
      `PATCH requires Content-Type of ${MERGE_PATCH}, provided ${mediaType}`,
    ]);
  }
}

/** What a handler needs from the raw request, read once and checked as Vault does. */
export interface RequestInput {
  body: JsonObject;
  /** Seconds; undefined when the answer is not to be wrapped. */
  wrapTtl: number | undefined;
  clientToken: string | undefined;
  headers: Record<string, string | undefined>;
}

/**
 * Like Vault, only writes carry a JSON body (a body on GET, LIST or DELETE is not
 * read), and X-Vault-Wrap-TTL is read on logical paths only.
 */
export function readInput(
  request: { headers: Record<string, string | undefined>; body: Buffer },
  operation: Operation,
  logical: boolean,
): RequestInput {
  if (operation === 'patch' && logical) checkPatchContentType(request.headers);
  return {
    body: operation === 'update' || operation === 'patch' ? parseBody(request.body) : {},
    wrapTtl: logical ? parseWrapTtl(request.headers['x-vault-wrap-ttl']) : undefined,
    clientToken: tokenFrom(request.headers),
    headers: request.headers,
  };
}

export function parseBody(raw: Buffer): JsonObject {
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequest('error parsing JSON');
  }
  if (parsed === null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed))
    throw badRequest('error parsing JSON');
  return parsed as JsonObject;
}

export function tokenFrom(
  headers: Record<string, string | undefined>,
): string | undefined {
  const header = headers['x-vault-token'];
  if (header) return header;
  // Vault takes the Authorization header only with this exact "Bearer " prefix.
  const authorization = headers.authorization ?? '';
  return authorization.startsWith('Bearer ')
    ? authorization.slice(7).trim() || undefined
    : undefined;
}
