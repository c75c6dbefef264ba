import { AppRoleAuth } from '../backends/approle';
import { KvV2Engine } from '../backends/kv-v2';
import { newUuid, randomBase62 } from './ids';
import type { Route } from './routing';
import type { BarrierStorage } from './storage';
import type { TokenStore } from './tokens';
import { badRequest } from './vault-error';

export interface MountEntry {
  path: string;
  type: string;
  description: string;
  uuid: string;
  accessor: string;
  options: Record<string, string> | null;
}

interface Engine {
  routes: Route[];
  purge(): void;
}

interface Mounted {
  entry: MountEntry;
  engine: Engine;
}

const SECRET_TABLE = 'core/mounts';
const AUTH_TABLE = 'core/auth';

/** Normalises a mount path to "name/" and rejects reserved or malformed ones. */
export function cleanMountPath(raw: string): string {
  const path = `${raw.replace(/^\/+|\/+$/g, '')}/`;
  if (path === '/' || path.includes('//') || path.split('/').includes('..')) {
    throw badRequest(`invalid mount path "${raw}"`);
  }
  return path;
}

/** The secrets engines and auth methods that are enabled, persisted in the barrier. */
export class MountTable {
  private secrets = new Map<string, Mounted>();
  private auths = new Map<string, Mounted>();

  constructor(
    private readonly storage: BarrierStorage,
    private readonly tokens: TokenStore,
  ) {
    for (const entry of storage.get<MountEntry[]>(SECRET_TABLE) ?? []) this.attach(entry);
    for (const entry of storage.get<MountEntry[]>(AUTH_TABLE) ?? []) this.attach(entry);
  }

  get secretMounts(): MountEntry[] {
    return [...this.secrets.values()].map((mounted) => mounted.entry);
  }

  get authMounts(): MountEntry[] {
    return [...this.auths.values()].map((mounted) => mounted.entry);
  }

  enableSecrets(path: string, type: string, description: string, options: unknown): void {
    const version = (options as Record<string, unknown> | null)?.version;
    const isKv2 = type === 'kv-v2' || (type === 'kv' && String(version) === '2');
    if (!isKv2) {
      // Limitation: vault-dev implements KV version 2 only.
      throw badRequest(
        `vault-dev supports only KV version 2 (type "kv", options.version "2")`,
      );
    }
    if (
      path === 'sys/' ||
      path === 'auth/' ||
      path === 'cubbyhole/' ||
      this.secrets.has(path)
    ) {
      throw badRequest(`path is already in use at ${path}`);
    }
    const entry = newEntry(path, 'kv', description, { version: '2' });
    this.attach(entry);
    this.storage.put(SECRET_TABLE, this.secretMounts);
  }

  enableAuth(path: string, type: string, description: string): void {
    if (type !== 'approle') {
      // Limitation: vault-dev implements the AppRole auth method only (plus tokens).
      throw badRequest(`vault-dev supports only the approle auth method, not "${type}"`);
    }
    const full = `auth/${path}`;
    if (path === 'token/' || this.auths.has(full)) {
      throw badRequest(`path is already in use at ${full}`);
    }
    this.attach(newEntry(full, 'approle', description, null));
    this.storage.put(AUTH_TABLE, this.authMounts);
  }

  disable(fullPath: string): void {
    const table = fullPath.startsWith('auth/') ? this.auths : this.secrets;
    const mounted = table.get(fullPath);
    if (!mounted) return;
    mounted.engine.purge();
    table.delete(fullPath);
    this.storage.put(SECRET_TABLE, this.secretMounts);
    this.storage.put(AUTH_TABLE, this.authMounts);
  }

  /** The mount owning a logical path (longest prefix), with the path inside it. */
  find(path: string): { entry: MountEntry; engine: Engine; subPath: string } | undefined {
    const table = path.startsWith('auth/') ? this.auths : this.secrets;
    let best: Mounted | undefined;
    for (const [mountPath, mounted] of table) {
      const inside = path.startsWith(mountPath) || `${path}/` === mountPath;
      if (inside && (!best || mountPath.length > best.entry.path.length)) best = mounted;
    }
    if (!best) return undefined;
    return { ...best, subPath: path.slice(best.entry.path.length) };
  }

  private attach(entry: MountEntry): void {
    if (entry.type === 'approle') {
      const engine = new AppRoleAuth(entry.path, entry.uuid, this.storage, this.tokens);
      this.auths.set(entry.path, { entry, engine });
    } else {
      this.secrets.set(entry.path, {
        entry,
        engine: new KvV2Engine(entry.path, entry.uuid, this.storage),
      });
    }
  }
}

function newEntry(
  path: string,
  type: string,
  description: string,
  options: Record<string, string> | null,
): MountEntry {
  const accessor = `${type}_${randomBase62(8).toLowerCase()}`;
  return { path, type, description, uuid: newUuid(), accessor, options };
}
