import { formatDuration } from '../core/duration';
import {
  logicalReply,
  type HandlerRequest,
  type Route,
  type VaultReply,
} from '../core/routing';
import { notFound } from '../core/vault-error';
import { subkeysOf, versionMetadata, type KvConfig, type KvSecret } from './kv-record';

const V1_PATH_WARNING =
  "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv get' for this operation.";

export const configData = (config: KvConfig) => ({
  cas_required: config.casRequired,
  delete_version_after: formatDuration(config.deleteVersionAfter),
  max_versions: config.maxVersions,
});

/** `subkeys/`: the shape of a version's data, values replaced by null. */
export function subkeysRoute(
  store: { secret(path: string): KvSecret | undefined },
  mount: string,
): Route {
  const read = (request: HandlerRequest): VaultReply => {
    const secret = store.secret(request.params.path ?? '');
    const version = Number(request.query.get('version') ?? '0') || secret?.currentVersion;
    const entry = version ? secret?.versions[version] : undefined;
    if (!secret || !version || !entry) throw notFound();
    const metadata = versionMetadata(secret, version);
    if (entry.deletedAt > 0 || entry.destroyed) {
      return logicalReply({ subkeys: null, metadata }, { status: 404 });
    }
    const depth = Number(request.query.get('depth') ?? '0') || 0;
    return logicalReply({ subkeys: subkeysOf(entry.data, depth), metadata });
  };
  return {
    pattern: /^subkeys\/(?<path>.+)$/,
    metric: `${mount}/subkeys`,
    operations: { read },
  };
}

/** A KV v1-style path on a v2 mount: 404 with Vault's warning, no errors. */
export function invalidPathRoute(mount: string): Route {
  const answer = () => logicalReply(null, { warnings: [V1_PATH_WARNING], status: 404 });
  return {
    pattern: /^.*$/,
    metric: `${mount}/invalid`,
    operations: {
      read: answer,
      create: answer,
      update: answer,
      delete: answer,
      list: answer,
    },
  };
}
