import { createHash } from 'node:crypto';
import { parseDurationSeconds } from '../core/duration';
import { newAccessor, newUuid } from '../core/ids';
import {
  logicalReply,
  noContent,
  stringField,
  type HandlerRequest,
  type Route,
  type VaultReply,
} from '../core/routing';
import type { BarrierStorage } from '../core/storage';
import { SYSTEM_MAX_TTL, tokenAuthBlock, type TokenStore } from '../core/tokens';
import { badRequest, notFound } from '../core/vault-error';
import { applyRoleFields, newRole, roleReadData, type AppRole } from './approle-role';

interface SecretIdEntry {
  accessor: string;
  createdAt: number;
  /** ms since epoch; 0 = no expiry. */
  expiresAt: number;
  /** Uses left; 0 = unlimited. */
  usesLeft: number;
}

const INVALID_CREDENTIALS = 'invalid role or secret ID';

// secret_ids are kept only as SHA-256 hashes, so not even memory holds them.
const hashSecretId = (secretId: string): string =>
  createHash('sha256').update(secretId).digest('hex');

/** The AppRole auth method mounted at one path (e.g. "auth/approle/"). */
export class AppRoleAuth {
  readonly routes: Route[];
  private readonly prefix: string;

  constructor(
    readonly mountPath: string,
    uuid: string,
    private readonly storage: BarrierStorage,
    private readonly tokens: TokenStore,
  ) {
    this.prefix = `approle/${uuid}/`;
    this.routes = this.buildRoutes();
  }

  purge(): void {
    const keys = [...this.storage.entriesWithPrefix(this.prefix)].map(([key]) => key);
    keys.forEach((key) => this.storage.delete(key));
  }

  private role(name: string): AppRole | undefined {
    return this.storage.get<AppRole>(`${this.prefix}role/${name}`);
  }

  private buildRoutes(): Route[] {
    const mount = this.mountPath.replace(/\/$/, '');
    const name = (r: HandlerRequest) => (r.params.name ?? '').toLowerCase();
    return [
      {
        pattern: /^login$/,
        metric: `${mount}/login`,
        unauthenticated: true,
        operations: { create: (r) => this.login(r), update: (r) => this.login(r) },
      },
      {
        pattern: /^role\/?$/,
        metric: `${mount}/role`,
        operations: { list: () => this.listRoles() },
      },
      {
        pattern: /^role\/(?<name>[\w.@-]+)$/,
        metric: `${mount}/role`,
        exists: (r) => this.role(name(r)) !== undefined,
        operations: {
          read: (r) => this.readRole(name(r)),
          create: (r) => this.writeRole(name(r), r),
          update: (r) => this.writeRole(name(r), r),
          delete: (r) => this.deleteRole(name(r)),
        },
      },
      {
        pattern: /^role\/(?<name>[\w.@-]+)\/role-id$/,
        metric: `${mount}/role/role-id`,
        operations: { read: (r) => this.readRoleId(name(r)) },
      },
      {
        pattern: /^role\/(?<name>[\w.@-]+)\/secret-id$/,
        metric: `${mount}/role/secret-id`,
        operations: {
          create: (r) => this.generateSecretId(name(r), r),
          update: (r) => this.generateSecretId(name(r), r),
        },
      },
    ];
  }

  private listRoles(): VaultReply {
    const keys = [...this.storage.entriesWithPrefix(`${this.prefix}role/`)]
      .map(([key]) => key.slice(this.prefix.length + 5))
      .sort();
    if (keys.length === 0) throw notFound();
    return logicalReply({ keys });
  }

  private readRole(name: string): VaultReply {
    const role = this.role(name);
    if (!role) throw notFound();
    return logicalReply(roleReadData(role));
  }

  private writeRole(name: string, request: HandlerRequest): VaultReply {
    const existing = this.role(name);
    const role = existing ? { ...existing } : newRole(newUuid());
    applyRoleFields(role, request.body);
    if (!role.bindSecretId) {
      // Limitation: CIDR bindings are not implemented, so a role must bind secret_id.
      throw badRequest('at least one constraint should be enabled on the role');
    }
    this.storage.put(`${this.prefix}role/${name}`, role);
    this.storage.put(`${this.prefix}role-id/${role.roleId}`, name);
    return noContent();
  }

  private deleteRole(name: string): VaultReply {
    const role = this.role(name);
    if (!role) return noContent();
    const secretKeys = [
      ...this.storage.entriesWithPrefix(`${this.prefix}secret/${name}/`),
    ];
    secretKeys.forEach(([key]) => this.storage.delete(key));
    this.storage.delete(`${this.prefix}role-id/${role.roleId}`);
    this.storage.delete(`${this.prefix}role/${name}`);
    return noContent();
  }

  private readRoleId(name: string): VaultReply {
    const role = this.role(name);
    if (!role) throw notFound();
    return logicalReply({ role_id: role.roleId });
  }

  private generateSecretId(name: string, request: HandlerRequest): VaultReply {
    const role = this.role(name);
    if (!role) throw badRequest(`role "${name}" does not exist`);
    const ttl = this.requestedLimit(request, 'ttl', role.secretIdTtl);
    const numUses = this.requestedLimit(request, 'num_uses', role.secretIdNumUses);
    const secretId = newUuid();
    const now = Date.now();
    const entry: SecretIdEntry = {
      accessor: newAccessor(),
      createdAt: now,
      expiresAt: ttl > 0 ? now + ttl * 1000 : 0,
      usesLeft: numUses,
    };
    this.storage.put(`${this.prefix}secret/${name}/${hashSecretId(secretId)}`, entry);
    return logicalReply({
      secret_id: secretId,
      secret_id_accessor: entry.accessor,
      secret_id_ttl: ttl,
      secret_id_num_uses: numUses,
    });
  }

  /** A per-secret_id ttl or num_uses may narrow, never widen, the role's limit. */
  private requestedLimit(request: HandlerRequest, field: string, roleLimit: number) {
    const raw = request.body[field];
    if (raw === undefined) return roleLimit;
    let value: number;
    try {
      value = field === 'ttl' ? parseDurationSeconds(raw) : Number(raw);
    } catch (error) {
      throw badRequest(`error parsing ${field}: ${(error as Error).message}`);
    }
    if (!Number.isInteger(value) || value < 0)
      throw badRequest(`${field} cannot be negative`);
    if (roleLimit > 0 && (value === 0 || value > roleLimit)) {
      throw badRequest(`${field} cannot be higher than the role's secret_id_${field}`);
    }
    return value;
  }

  private login(request: HandlerRequest): VaultReply {
    const roleId = stringField(request.body, 'role_id');
    if (!roleId) throw badRequest('missing role_id');
    const name = this.storage.get<string>(`${this.prefix}role-id/${roleId}`);
    const role = name ? this.role(name) : undefined;
    if (!name || !role) throw badRequest(INVALID_CREDENTIALS);
    const secretId = stringField(request.body, 'secret_id');
    if (role.bindSecretId) {
      if (!secretId) throw badRequest('missing secret_id');
      this.useSecretId(name, secretId);
    }
    const policies = [
      ...new Set([
        ...(role.tokenNoDefaultPolicy ? [] : ['default']),
        ...role.tokenPolicies,
      ]),
    ].sort();
    const token = this.tokens.create({
      policies,
      path: `${this.mountPath}login`,
      displayName: this.mountPath.replace(/^auth\//, '').replace(/\/$/, ''),
      ttl: role.tokenPeriod || role.tokenTtl || SYSTEM_MAX_TTL,
      maxTtl: role.tokenMaxTtl,
      explicitMaxTtl: role.tokenExplicitMaxTtl,
      numUses: role.tokenNumUses,
      period: role.tokenPeriod,
      meta: { role_name: name },
      renewable: true,
      orphan: true,
    });
    return logicalReply(null, { auth: tokenAuthBlock(token, { role_name: name }) });
  }

  private useSecretId(roleName: string, secretId: string): void {
    const key = `${this.prefix}secret/${roleName}/${hashSecretId(secretId)}`;
    const entry = this.storage.get<SecretIdEntry>(key);
    if (!entry) throw badRequest(INVALID_CREDENTIALS);
    if (entry.expiresAt > 0 && entry.expiresAt <= Date.now()) {
      this.storage.delete(key);
      throw badRequest(INVALID_CREDENTIALS);
    }
    if (entry.usesLeft > 0) {
      entry.usesLeft -= 1;
      if (entry.usesLeft === 0) this.storage.delete(key);
      else this.storage.put(key, entry);
    }
  }
}
