import { formatDuration } from '../core/duration';
import { rfc3339 } from '../core/ids';
import type { JsonObject } from '../core/routing';
import { badRequest } from '../core/vault-error';

export interface KvVersion {
  data: JsonObject | null;
  createdAt: number;
  deletedAt: number;
  destroyed: boolean;
}

/** One secret: its metadata and its retained versions, stored as one record. */
export interface KvSecret {
  currentVersion: number;
  oldestVersion: number;
  createdAt: number;
  updatedAt: number;
  maxVersions: number;
  casRequired: boolean;
  deleteVersionAfter: number;
  customMetadata: Record<string, string> | null;
  versions: Record<string, KvVersion>;
}

// Limitation: delete_version_after is stored and shown but versions are not deleted
// when it passes.
export interface KvConfig {
  maxVersions: number;
  casRequired: boolean;
  deleteVersionAfter: number;
}

export const DEFAULT_MAX_VERSIONS = 10;

export function newSecret(now: number): KvSecret {
  return {
    currentVersion: 0,
    oldestVersion: 0,
    createdAt: now,
    updatedAt: now,
    maxVersions: 0,
    casRequired: false,
    deleteVersionAfter: 0,
    customMetadata: null,
    versions: {},
  };
}

/**
 * Adds a version and forgets the oldest beyond the limit: the larger of the secret's
 * and the engine's max_versions (10 when neither is set), with Vault's arithmetic.
 */
export function addVersion(secret: KvSecret, data: JsonObject, config: KvConfig): number {
  const now = Date.now();
  const version = secret.currentVersion + 1;
  secret.versions[version] = { data, createdAt: now, deletedAt: 0, destroyed: false };
  secret.currentVersion = version;
  secret.updatedAt = now;
  const limit = Math.max(secret.maxVersions, config.maxVersions) || DEFAULT_MAX_VERSIONS;
  if (version - secret.oldestVersion >= limit) {
    const newestDropped = version - limit;
    for (let old = secret.oldestVersion; old <= newestDropped; old++) {
      delete secret.versions[old];
    }
    secret.oldestVersion = newestDropped + 1;
  }
  return version;
}

/** The check-and-set rules of a data write or patch, with Vault's errors. */
export function checkCas(secret: KvSecret, body: JsonObject, config: KvConfig): void {
  const options = body.options as JsonObject | undefined;
  const cas = options?.cas;
  if (cas === undefined && (secret.casRequired || config.casRequired)) {
    throw badRequest('check-and-set parameter required for this call');
  }
  if (cas !== undefined && Number(cas) !== secret.currentVersion) {
    throw badRequest('check-and-set parameter did not match the current version');
  }
}

export function versionMetadata(secret: KvSecret, version: number) {
  const entry = secret.versions[version];
  return {
    created_time: entry ? rfc3339(entry.createdAt) : '',
    custom_metadata: secret.customMetadata,
    deletion_time: entry && entry.deletedAt > 0 ? rfc3339(entry.deletedAt) : '',
    destroyed: entry?.destroyed ?? false,
    version,
  };
}

export function secretMetadata(secret: KvSecret) {
  const versions: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(secret.versions)) {
    versions[key] = {
      created_time: rfc3339(entry.createdAt),
      deletion_time: entry.deletedAt > 0 ? rfc3339(entry.deletedAt) : '',
      destroyed: entry.destroyed,
    };
  }
  return {
    cas_required: secret.casRequired,
    created_time: rfc3339(secret.createdAt),
    current_version: secret.currentVersion,
    custom_metadata: secret.customMetadata,
    delete_version_after: formatDuration(secret.deleteVersionAfter),
    max_versions: secret.maxVersions,
    oldest_version: secret.oldestVersion,
    updated_time: rfc3339(secret.updatedAt),
    versions,
  };
}

/** The shape of a secret's data with every leaf replaced by null (the subkeys API). */
export function subkeysOf(value: unknown, depth: number, level = 1): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  if (depth > 0 && level > depth) return null;
  const shape: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    shape[key] = subkeysOf(child, depth, level + 1);
  }
  return shape;
}
