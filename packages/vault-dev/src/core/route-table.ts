import { healthRoute } from '../backends/sys-health';
import { metricsRoute } from '../backends/sys-metrics';
import { mountRoutes } from '../backends/sys-mounts';
import { policiesRoutes } from '../backends/sys-policies';
import { sealRoutes } from '../backends/sys-seal';
import { wrappingRoutes } from '../backends/sys-wrapping';
import { tokenRoutes } from '../backends/token-auth';
import type { RequestMetrics } from '../server/metrics';
import { matchRoute, type Route, type RouteMatch } from './routing';
import type { VaultCore } from './vault-core';
import { VaultError, unsupportedPath } from './vault-error';

export interface Resolved extends RouteMatch {
  /** The path inside the mount (or inside sys/, auth/token/). */
  subPath: string;
}

/** Which route serves a logical path: sys/, auth/token/, or an enabled mount. */
export class RouteTable {
  private readonly sysRoutes: Route[];
  private readonly tokenRoutes: Route[];

  constructor(
    private readonly core: VaultCore,
    metrics: RequestMetrics,
  ) {
    this.sysRoutes = [
      ...sealRoutes(core),
      healthRoute(core),
      ...mountRoutes(core),
      ...policiesRoutes(core),
      ...wrappingRoutes(core.tokens),
      metricsRoute(metrics),
    ];
    this.tokenRoutes = tokenRoutes(core.tokens);
  }

  /** Vault's own HTTP handlers under sys/ (they answer while sealed). */
  raw(path: string): Resolved | undefined {
    if (!path.startsWith('sys/')) return undefined;
    const subPath = path.slice(4);
    const match = matchRoute(this.sysRoutes, subPath);
    return match?.route.raw ? { ...match, subPath } : undefined;
  }

  /** Only while unsealed; 404 "no handler" outside any mount, "unsupported path" inside. */
  resolve(path: string): Resolved {
    const [routes, subPath] = path.startsWith('sys/')
      ? [this.sysRoutes, path.slice(4)]
      : path.startsWith('auth/token/')
        ? [this.tokenRoutes, path.slice(11)]
        : this.mountRoutes(path);
    const match = matchRoute(routes, subPath);
    if (!match) throw unsupportedPath();
    return { ...match, subPath };
  }

  private mountRoutes(path: string): [Route[], string] {
    const mount = this.core.mounts.find(path);
    if (!mount) {
      throw new VaultError(404, [
        `no handler for route "${path}". route entry not found.`,
      ]);
    }
    return [mount.engine.routes, mount.subPath];
  }
}
