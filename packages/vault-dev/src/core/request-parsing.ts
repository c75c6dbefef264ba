import type { Operation } from './acl';
import { parseDurationSeconds } from './duration';
import { parseGoBool, type JsonObject } from './routing';
import { badRequest, methodNotAllowed, notFound } from './vault-error';

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
  const searchParams = new URLSearchParams(question < 0 ? '' : raw.slice(question + 1));
  return { path, searchParams };
}

export function toOperation(method: string, query: URLSearchParams): Operation {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return parseGoBool(query.get('list') ?? 'false') ? 'list' : 'read';
    case 'LIST':
      return 'list';
    case 'POST':
    case 'PUT':
      return 'update';
    case 'DELETE':
      return 'delete';
    default:
      throw methodNotAllowed();
  }
}

export function parseWrapTtl(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  let seconds: number;
  try {
    seconds = parseDurationSeconds(header);
  } catch (error) {
    throw badRequest((error as Error).message);
  }
  if (seconds < 0) throw badRequest('requested wrap ttl cannot be negative');
  return seconds || undefined;
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
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  return bearer?.[1]?.trim() || undefined;
}
