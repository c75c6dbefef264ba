import type { Route, HandlerRequest, VaultReply } from '../core/routing';
import { noContent } from '../core/routing';
import { badRequest } from '../core/vault-error';
import type { KvVersion, KvSecret } from './kv-record';

interface VersionedStore {
  secret(path: string): KvSecret | undefined;
  save(path: string, secret: KvSecret): void;
}

type VersionChange = (version: KvVersion) => void;

const CHANGES: Record<'delete' | 'undelete' | 'destroy', VersionChange> = {
  delete: (version) => {
    if (version.deletedAt === 0 && !version.destroyed) version.deletedAt = Date.now();
  },
  undelete: (version) => {
    if (!version.destroyed) version.deletedAt = 0;
  },
  destroy: (version) => {
    version.destroyed = true;
    version.data = null;
  },
};

/** `delete/`, `undelete/` and `destroy/`: change listed versions of one secret. */
export function kvVersionsRoutes(store: VersionedStore, mount: string): Route[] {
  return (Object.keys(CHANGES) as Array<keyof typeof CHANGES>).map((action) => {
    const handler = (request: HandlerRequest) =>
      changeVersions(store, request, CHANGES[action]);
    return {
      pattern: new RegExp(`^${action}/(?<path>.+)$`),
      metric: `${mount}/${action}`,
      operations: { create: handler, update: handler },
    };
  });
}

function changeVersions(
  store: VersionedStore,
  request: HandlerRequest,
  change: VersionChange,
): VaultReply {
  const raw = request.body.versions;
  const versions = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(
    Number,
  );
  if (versions.length === 0 || versions.some((v) => !Number.isInteger(v))) {
    throw badRequest('no version number provided');
  }
  const path = request.params.path ?? '';
  const secret = store.secret(path);
  if (!secret) return noContent();
  for (const number of versions) {
    const version = secret.versions[number];
    if (version) change(version);
  }
  store.save(path, secret);
  return noContent();
}
