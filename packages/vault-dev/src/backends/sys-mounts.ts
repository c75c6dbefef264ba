import { cleanMountPath, type MountEntry } from '../core/mounts';
import { logicalReply, noContent, stringField, type Route } from '../core/routing';
import type { VaultCore } from '../core/vault-core';
import { badRequest } from '../core/vault-error';

const MOUNT_CONFIG = { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false };

function describe(entry: MountEntry) {
  return {
    type: entry.type,
    description: entry.description,
    accessor: entry.accessor,
    uuid: entry.uuid,
    config: MOUNT_CONFIG,
    local: false,
    seal_wrap: false,
    external_entropy_access: false,
    options: entry.options,
    plugin_version: '',
    running_plugin_version: '',
    running_sha256: '',
  };
}

/** The built-in mounts every Vault has, listed beside the user's. */
const SYSTEM_MOUNTS: MountEntry[] = [
  {
    path: 'sys/',
    type: 'system',
    description: 'system endpoints',
    uuid: '',
    accessor: 'system',
    options: null,
  },
  {
    path: 'cubbyhole/',
    type: 'cubbyhole',
    description: 'per-token private secret storage',
    uuid: '',
    accessor: 'cubbyhole',
    options: null,
  },
  {
    path: 'identity/',
    type: 'identity',
    description: 'identity store',
    uuid: '',
    accessor: 'identity',
    options: null,
  },
];
const TOKEN_AUTH: MountEntry = {
  path: 'auth/token/',
  type: 'token',
  description: 'token based credentials',
  uuid: '',
  accessor: 'auth_token',
  options: null,
};

/** Vault lists mounts both at the top level and under `data`. */
function listing(entries: MountEntry[], strip: string) {
  const table = Object.fromEntries(
    entries.map((entry) => [entry.path.slice(strip.length), describe(entry)]),
  );
  const reply = logicalReply(table);
  reply.body = { ...table, ...(reply.body as object) };
  return reply;
}

// Limitation: reading or tuning a single mount (GET sys/mounts/:path, .../tune) is
// not implemented; those requests get Vault's 405 "unsupported operation".
export function mountRoutes(core: VaultCore): Route[] {
  return [
    { pattern: /^(mounts|auth)\/.+\/tune$/, metric: 'sys/mounts/tune', operations: {} },
    {
      pattern: /^mounts\/?$/,
      metric: 'sys/mounts',
      operations: {
        read: () => listing([...core.mounts.secretMounts, ...SYSTEM_MOUNTS], ''),
      },
    },
    {
      pattern: /^mounts\/(?<path>.+)$/,
      metric: 'sys/mounts',
      operations: {
        update: (r) => {
          const type = stringField(r.body, 'type');
          if (!type) throw badRequest('backend type must be specified as a string');
          const path = cleanMountPath(r.params.path ?? '');
          core.mounts.enableSecrets(
            path,
            type,
            stringField(r.body, 'description') ?? '',
            r.body.options ?? null,
          );
          return noContent();
        },
        delete: (r) => {
          core.mounts.disable(cleanMountPath(r.params.path ?? ''));
          return noContent();
        },
      },
    },
    {
      pattern: /^auth\/?$/,
      metric: 'sys/auth',
      operations: {
        read: () => listing([...core.mounts.authMounts, TOKEN_AUTH], 'auth/'),
      },
    },
    {
      pattern: /^auth\/(?<path>.+)$/,
      metric: 'sys/auth',
      sudo: true,
      operations: {
        update: (r) => {
          const type = stringField(r.body, 'type');
          if (!type) throw badRequest('backend type must be specified as a string');
          const path = cleanMountPath(r.params.path ?? '');
          core.mounts.enableAuth(path, type, stringField(r.body, 'description') ?? '');
          return noContent();
        },
        delete: (r) => {
          core.mounts.disable(`auth/${cleanMountPath(r.params.path ?? '')}`);
          return noContent();
        },
      },
    },
  ];
}
