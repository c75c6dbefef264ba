import {
  logicalReply,
  type HandlerRequest,
  type JsonObject,
  type VaultReply,
} from '../core/routing';
import { badRequest, notFound } from '../core/vault-error';
import {
  addVersion,
  checkCas,
  versionMetadata,
  type KvConfig,
  type KvSecret,
} from './kv-record';

interface PatchableStore {
  secret(path: string): KvSecret | undefined;
  save(path: string, secret: KvSecret): void;
  config(): KvConfig;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 7396 JSON merge patch: null removes a key, objects merge, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const merged: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = mergePatch(merged[key], value);
  }
  return merged;
}

/**
 * PATCH data/:path: a new version made of the current one with `data` merged in.
 * Only an existing, live current version can be patched, as in Vault.
 */
export function patchData(store: PatchableStore, request: HandlerRequest): VaultReply {
  const path = request.params.path ?? '';
  const patch = request.body.data;
  if (patch === undefined) throw badRequest('no data provided');
  const secret = store.secret(path);
  if (!secret) throw notFound();
  checkCas(secret, request.body, store.config());
  const current = secret.versions[secret.currentVersion];
  if (!current) throw notFound();
  if (current.deletedAt > 0 || current.destroyed) {
    return logicalReply(versionMetadata(secret, secret.currentVersion), { status: 404 });
  }
  const merged = mergePatch(current.data, patch);
  if (!isObject(merged)) throw badRequest('no data provided');
  const version = addVersion(secret, merged, store.config());
  store.save(path, secret);
  return logicalReply(versionMetadata(secret, version));
}
