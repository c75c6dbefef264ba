import type { BarrierStorage } from '../core/storage';
import {
  logicalReply,
  noContent,
  type HandlerRequest,
  type JsonObject,
  type Route,
  type VaultReply,
} from '../core/routing';
import { badRequest, notFound } from '../core/vault-error';
import { FolderIndex } from './folder-index';
import {
  addVersion,
  checkCas,
  newSecret,
  secretMetadata,
  versionMetadata,
  type KvConfig,
  type KvSecret,
} from './kv-record';
import { configData, invalidPathRoute, subkeysRoute } from './kv-extra';
import { applyCustomMetadata, applySettings } from './kv-metadata';
import { patchData } from './kv-patch';
import { kvVersionsRoutes } from './kv-versions';

/** A KV version 2 secrets engine mounted at one path. */
export class KvV2Engine {
  readonly routes: Route[];
  readonly folders = new FolderIndex();
  private readonly prefix: string;

  constructor(
    readonly mountPath: string,
    uuid: string,
    private readonly storage: BarrierStorage,
  ) {
    this.prefix = `kv/${uuid}/`;
    for (const [key] of storage.entriesWithPrefix(this.prefix)) {
      if (key !== `${this.prefix}config`)
        this.folders.add(key.slice(this.prefix.length + 2));
    }
    this.routes = this.buildRoutes();
  }

  secret(path: string): KvSecret | undefined {
    return this.storage.get<KvSecret>(`${this.prefix}s/${path}`);
  }

  save(path: string, secret: KvSecret): void {
    if (!this.secret(path)) this.folders.add(path);
    this.storage.put(`${this.prefix}s/${path}`, secret);
  }

  /** Removes every storage record of this mount (used when it is disabled). */
  purge(): void {
    const keys = [...this.storage.entriesWithPrefix(this.prefix)].map(([key]) => key);
    keys.forEach((key) => this.storage.delete(key));
  }

  config(): KvConfig {
    return (
      this.storage.get<KvConfig>(`${this.prefix}config`) ?? {
        maxVersions: 0,
        casRequired: false,
        deleteVersionAfter: 0,
      }
    );
  }

  private buildRoutes(): Route[] {
    const mount = this.mountPath.replace(/\/$/, '');
    const exists = (request: HandlerRequest) =>
      this.secret(request.params.path ?? '') !== undefined;
    return [
      {
        pattern: /^config$/,
        metric: `${mount}/config`,
        operations: {
          read: () => this.readConfig(),
          create: (r) => this.writeConfig(r.body),
          update: (r) => this.writeConfig(r.body),
        },
      },
      {
        pattern: /^data\/(?<path>.+)$/,
        metric: `${mount}/data`,
        exists,
        operations: {
          read: (r) => this.readData(r),
          create: (r) => this.writeData(r),
          update: (r) => this.writeData(r),
          patch: (r) => patchData(this, r),
          delete: (r) => this.softDeleteLatest(r.params.path ?? ''),
        },
      },
      {
        pattern: /^metadata\/?(?<path>.*)$/,
        metric: `${mount}/metadata`,
        exists,
        operations: {
          read: (r) => this.readMetadata(r.params.path ?? ''),
          list: (r) => this.list(r.params.path ?? ''),
          create: (r) => this.writeMetadata(r),
          update: (r) => this.writeMetadata(r),
          delete: (r) => this.deleteMetadata(r.params.path ?? ''),
        },
      },
      ...kvVersionsRoutes(this, mount),
      subkeysRoute(this, mount),
      invalidPathRoute(mount),
    ];
  }

  private readConfig(): VaultReply {
    return logicalReply(configData(this.config()));
  }

  private writeConfig(body: JsonObject): VaultReply {
    this.storage.put(`${this.prefix}config`, applySettings({ ...this.config() }, body));
    return noContent();
  }

  private readData(request: HandlerRequest): VaultReply {
    const secret = this.secret(request.params.path ?? '');
    if (!secret || secret.currentVersion === 0) throw notFound();
    const asked = Number(request.query.get('version') ?? '0');
    if (!Number.isInteger(asked) || asked < 0) throw badRequest('invalid version');
    const version = asked || secret.currentVersion;
    const entry = secret.versions[version];
    if (!entry) throw notFound();
    const metadata = versionMetadata(secret, version);
    if (entry.deletedAt > 0 || entry.destroyed) {
      return logicalReply({ data: null, metadata }, { status: 404 });
    }
    return logicalReply({ data: entry.data, metadata });
  }

  private writeData(request: HandlerRequest): VaultReply {
    const path = request.params.path ?? '';
    const data = request.body.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw badRequest('no data provided');
    }
    const secret = this.secret(path) ?? newSecret(Date.now());
    checkCas(secret, request.body, this.config());
    const version = addVersion(secret, data as JsonObject, this.config());
    this.save(path, secret);
    return logicalReply(versionMetadata(secret, version));
  }

  private softDeleteLatest(path: string): VaultReply {
    const secret = this.secret(path);
    const latest = secret?.versions[secret.currentVersion];
    if (secret && latest && latest.deletedAt === 0 && !latest.destroyed) {
      latest.deletedAt = Date.now();
      this.save(path, secret);
    }
    return noContent();
  }

  private readMetadata(path: string): VaultReply {
    const secret = path ? this.secret(path) : undefined;
    if (!secret) throw notFound();
    return logicalReply(secretMetadata(secret));
  }

  private list(path: string): VaultReply {
    const folder = path === '' || path.endsWith('/') ? path : `${path}/`;
    const keys = this.folders.list(folder);
    if (keys.length === 0) throw notFound();
    return logicalReply({ keys });
  }

  private writeMetadata(request: HandlerRequest): VaultReply {
    const path = request.params.path ?? '';
    if (!path) throw badRequest('missing path');
    const secret = applySettings(
      { ...(this.secret(path) ?? newSecret(Date.now())) },
      request.body,
    );
    applyCustomMetadata(secret, request.body);
    secret.updatedAt = Date.now();
    this.save(path, secret);
    return noContent();
  }

  private deleteMetadata(path: string): VaultReply {
    if (this.secret(path)) {
      this.storage.delete(`${this.prefix}s/${path}`);
      this.folders.remove(path);
    }
    return noContent();
  }
}
