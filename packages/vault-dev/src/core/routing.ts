import type { Operation } from './acl';
import { newUuid } from './ids';
import type { TokenEntry } from './tokens';

export type JsonObject = Record<string, unknown>;

/** What the HTTP layer writes: a status and a JSON body (none for 204 and HEAD). */
export interface VaultReply {
  status: number;
  body?: unknown;
  /** A logical answer that X-Vault-Wrap-TTL may wrap. */
  wrappable?: boolean;
  /** A non-JSON answer (Prometheus text), written as is. */
  text?: { contentType: string; content: string };
}

export interface HandlerRequest {
  /** Full logical path, e.g. "secret/data/app/db". */
  path: string;
  params: Record<string, string>;
  operation: Operation;
  body: JsonObject;
  query: URLSearchParams;
  token: TokenEntry | undefined;
  /** The token as sent, even when it is not valid (unwrap needs it). */
  clientToken: string | undefined;
  headers: Record<string, string | undefined>;
}

export type Handler = (request: HandlerRequest) => VaultReply | Promise<VaultReply>;

export interface Route {
  pattern: RegExp;
  /** Path label for metrics: mount plus operation, no secret names. */
  metric: string;
  operations: Partial<Record<Operation, Handler>>;
  unauthenticated?: boolean;
  /** A token is used when valid, but a missing or bad one is the handler's call. */
  tokenOptional?: boolean;
  /**
   * One of Vault's own HTTP handlers rather than a logical path (seal-status, unseal,
   * init, health, seal, metrics): it answers while sealed, a wrong method is a 405
   * without a message, and X-Vault-Wrap-TTL does not apply.
   */
  raw?: boolean;
  /** The answer while sealed, with no token check (sys/seal: already sealed). */
  sealedAnswer?: () => VaultReply;
  sudo?: boolean;
  /** Checks made before the caller's token is (Vault's wrapping token validation). */
  verify?: (request: HandlerRequest) => void;
  /** For create-versus-update: does the target exist already? */
  exists?: (request: HandlerRequest) => boolean;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(routes: Route[], subPath: string): RouteMatch | undefined {
  for (const route of routes) {
    const match = route.pattern.exec(subPath);
    if (match) return { route, params: { ...match.groups } };
  }
  return undefined;
}

/** Vault's standard JSON envelope around `data`, `auth` or warnings. */
export function logicalReply(
  data: unknown,
  extra: { auth?: unknown; warnings?: string[]; status?: number } = {},
): VaultReply {
  return {
    status: extra.status ?? 200,
    wrappable: true,
    body: {
      request_id: newUuid(),
      lease_id: '',
      renewable: false,
      lease_duration: 0,
      data,
      wrap_info: null,
      warnings: extra.warnings ?? null,
      auth: extra.auth ?? null,
      mount_type: '',
    },
  };
}

export const noContent = (): VaultReply => ({ status: 204 });

/** An answer outside the envelope (sys/seal-status, sys/init, sys/health…). */
export const plainReply = (body: unknown, status = 200): VaultReply => ({ status, body });

/** A string or number field, or undefined; anything else is a 400 from the caller. */
export function stringField(body: JsonObject, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Lists may arrive as JSON arrays or comma-separated strings. */
export function stringListField(body: JsonObject, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value.map(String) : String(value).split(',');
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

/** Go's strconv.ParseBool spellings, as Vault accepts them. */
export function parseGoBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}
