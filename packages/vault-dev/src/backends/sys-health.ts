import {
  parseGoBool,
  plainReply,
  type HandlerRequest,
  type Route,
  type VaultReply,
} from '../core/routing';
import type { VaultCore } from '../core/vault-core';
import { VaultError } from '../core/vault-error';
import { CLUSTER_NAME, VAULT_VERSION } from './sys-seal';

const HEALTH_CODES = [
  'activecode',
  'standbycode',
  'drsecondarycode',
  'performancestandbycode',
  'haunhealthycode',
  'removedcode',
  'sealedcode',
  'uninitcode',
] as const;

// vault-dev is a single active node, so the standby flags only need to be valid.
const HEALTH_FLAGS = ['standbyok', 'perfstandbyok'] as const;

function health(core: VaultCore, request: HandlerRequest): VaultReply {
  const codes: Record<string, number> = {
    activecode: 200,
    standbycode: 429,
    sealedcode: 503,
    uninitcode: 501,
  };
  for (const name of HEALTH_CODES) {
    const raw = request.query.get(name);
    if (raw === null) continue;
    if (!/^\d+$/.test(raw)) throw new VaultError(400, []);
    codes[name] = Number(raw);
  }
  for (const flag of HEALTH_FLAGS) {
    const raw = request.query.get(flag);
    if (raw !== null && raw !== '' && parseGoBool(raw) === undefined) {
      throw new VaultError(400, []);
    }
  }
  const status = !core.seal.initialized
    ? codes.uninitcode
    : core.sealed
      ? codes.sealedcode
      : codes.activecode;
  const body = {
    initialized: core.seal.initialized,
    sealed: core.sealed,
    standby: false,
    performance_standby: false,
    replication_performance_mode: 'disabled',
    replication_dr_mode: 'disabled',
    server_time_utc: Math.floor(Date.now() / 1000),
    version: VAULT_VERSION,
    enterprise: false,
    echo_duration_ms: 0,
    clock_skew_ms: 0,
    ...(core.sealed
      ? {}
      : { cluster_name: CLUSTER_NAME, cluster_id: core.seal.clusterId }),
  };
  return plainReply(body, status ?? 200);
}

/** GET and HEAD sys/health: unauthenticated, answered while sealed. */
export function healthRoute(core: VaultCore): Route {
  return {
    pattern: /^health$/,
    metric: 'sys/health',
    unauthenticated: true,
    raw: true,
    operations: { read: (r) => health(core, r) },
  };
}
