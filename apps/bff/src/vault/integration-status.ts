import type {
  Controller,
  IntegrationState,
  IntegrationStatus,
  LocalVaultView,
} from '@vault-secrets/shared';
import { listControllers } from '../controllers/controllers-repository';
import type { Queryable } from '../db/pool';

export async function readVaultEnabled(db: Queryable): Promise<boolean> {
  const result = await db.query<{ vault_enabled: boolean }>(
    'SELECT vault_enabled FROM cluster_settings',
  );
  return result.rows[0]?.vault_enabled ?? false;
}

/** Where the cluster stands, from the configured count and the cluster-wide flag. */
export function integrationState(
  vaultEnabled: boolean,
  configuredCount: number,
  controllerCount: number,
): IntegrationState {
  // Limitation: "migrating" comes with the migration; until then a cluster whose
  // controllers are all configured stays "ready-to-migrate".
  if (vaultEnabled) return 'enabled';
  if (configuredCount === 0) return 'not-configured';
  if (configuredCount < controllerCount) return 'partially-configured';
  return 'ready-to-migrate';
}

export async function readIntegrationStatus(
  db: Queryable,
  vault: LocalVaultView,
): Promise<IntegrationStatus> {
  const [controllers, vaultEnabled] = await Promise.all([
    listControllers(db),
    readVaultEnabled(db),
  ]);
  const configuredCount = controllers.filter((c) => c.vaultConfigured).length;
  const controllerCount = controllers.length;
  return {
    state: integrationState(vaultEnabled, configuredCount, controllerCount),
    vaultEnabled,
    controllers,
    configuredCount,
    controllerCount,
    migration: null,
    vault,
  };
}

/** Names of registered controllers not yet configured, for "what to do next". */
export function unconfiguredNames(controllers: Controller[]): string[] {
  return controllers.filter((c) => !c.vaultConfigured).map((c) => c.name);
}
