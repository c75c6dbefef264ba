import { newUuid } from '../core/ids';
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
import { SecretIdStore } from './approle-secret-id';

const INVALID_CREDENTIALS = 'invalid role or secret ID';

/** The AppRole auth method mounted at one path (e.g. "auth/approle/"). */
export class AppRoleAuth {
  readonly routes: Route[];
  private readonly prefix: string;
  private readonly secretIds: SecretIdStore;

  constructor(
    readonly mountPath: string,
    uuid: string,
    private readonly storage: BarrierStorage,
    private readonly tokens: TokenStore,
  ) {
    this.prefix = `approle/${uuid}/`;
    this.secretIds = new SecretIdStore(storage, `${this.prefix}secret/`);
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
        operations: {
          read: (r) => this.readRoleId(name(r)),
          create: (r) => this.writeRoleId(name(r), r),
          update: (r) => this.writeRoleId(name(r), r),
        },
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

  /** Operators may set their own role_id (it must stay unique). */
  private writeRoleId(name: string, request: HandlerRequest): VaultReply {
    const role = this.role(name);
    if (!role) throw notFound();
    // Vault trims both credentials before it looks them up.
    const roleId = stringField(request.body, 'role_id')?.trim();
    if (!roleId) throw badRequest('missing role_id');
    const owner = this.storage.get<string>(`${this.prefix}role-id/${roleId}`);
    if (owner && owner !== name) throw badRequest('role_id already in use');
    this.storage.delete(`${this.prefix}role-id/${role.roleId}`);
    this.storage.put(`${this.prefix}role/${name}`, { ...role, roleId });
    this.storage.put(`${this.prefix}role-id/${roleId}`, name);
    return noContent();
  }

  private generateSecretId(name: string, request: HandlerRequest): VaultReply {
    const role = this.role(name);
    if (!role) throw badRequest(`role "${name}" does not exist`);
    return logicalReply(this.secretIds.generate(name, role, request.body));
  }

  private login(request: HandlerRequest): VaultReply {
    // Vault trims both credentials before it looks them up.
    const roleId = stringField(request.body, 'role_id')?.trim();
    if (!roleId) throw badRequest('missing role_id');
    const name = this.storage.get<string>(`${this.prefix}role-id/${roleId}`);
    const role = name ? this.role(name) : undefined;
    if (!name || !role) throw badRequest(INVALID_CREDENTIALS);
    const secretId = stringField(request.body, 'secret_id')?.trim();
    if (role.bindSecretId) {
      if (!secretId) throw badRequest('missing secret_id');
      if (!this.secretIds.use(name, secretId)) throw badRequest(INVALID_CREDENTIALS);
    }
    const policies = [
      ...new Set([
        ...(role.tokenNoDefaultPolicy ? [] : ['default']),
        ...role.tokenPolicies,
      ]),
    ].sort();
    // Limitation: there is no identity store, so entity_id stays empty, and a
    // secret_id's `metadata` is not carried into the token's metadata.
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
}
