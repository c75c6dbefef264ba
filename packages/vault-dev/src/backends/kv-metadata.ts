import { parseDurationSeconds } from '../core/duration';
import { parseGoBool, type JsonObject } from '../core/routing';
import { badRequest } from '../core/vault-error';
import type { KvConfig, KvSecret } from './kv-record';

type Settings = Pick<KvConfig, 'maxVersions' | 'casRequired' | 'deleteVersionAfter'>;

/**
 * The settings a metadata or config write may change, checked field by field: a
 * wrong type is a 400 that names the field, as Vault's field parsing does.
 */
export function applySettings<T extends Settings>(target: T, body: JsonObject): T {
  if (body.max_versions !== undefined) {
    const maxVersions = Number(body.max_versions);
    if (!Number.isInteger(maxVersions) || maxVersions < 0) {
      throw badRequest(
        `max_versions must be a whole number, got ${String(body.max_versions)}`,
      );
    }
    target.maxVersions = maxVersions;
  }
  if (body.cas_required !== undefined) {
    const casRequired = parseGoBool(body.cas_required);
    if (casRequired === undefined) throw badRequest('cas_required must be a boolean');
    target.casRequired = casRequired;
  }
  if (body.delete_version_after !== undefined) {
    try {
      target.deleteVersionAfter = parseDurationSeconds(body.delete_version_after);
    } catch (error) {
      throw badRequest(`error parsing delete_version_after: ${(error as Error).message}`);
    }
  }
  return target;
}

/** custom_metadata: a map of strings, or null to clear it. */
export function applyCustomMetadata(secret: KvSecret, body: JsonObject): void {
  const raw = body.custom_metadata;
  if (raw === undefined) return;
  if (raw === null) {
    secret.customMetadata = null;
    return;
  }
  const valid =
    typeof raw === 'object' &&
    !Array.isArray(raw) &&
    Object.values(raw).every((value) => typeof value === 'string');
  if (!valid) throw badRequest('custom_metadata must be a map of strings');
  secret.customMetadata = raw as Record<string, string>;
}
