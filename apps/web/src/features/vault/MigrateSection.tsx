import type { IntegrationStatus } from '@vault-secrets/shared';
import type { ReactNode } from 'react';

function Precondition({ met, children }: { met: boolean; children: ReactNode }) {
  return (
    <li className={`precondition ${met ? 'is-met' : 'is-unmet'}`}>
      <span className="precondition__mark" aria-hidden="true">
        {met ? '✓' : '✗'}
      </span>
      <span className="u-off-screen">{met ? 'Met: ' : 'Not met: '}</span>
      {children}
    </li>
  );
}

/** Vault as the serving controller sees it; unreachable also before it is configured. */
function describeVaultPrecondition(vault: IntegrationStatus['vault']): string {
  if (!vault.reachable) {
    return 'Vault is reachable and unsealed. Not yet: this controller cannot reach Vault (it may not be configured yet).';
  }
  if (vault.sealed) {
    return 'Vault is reachable and unsealed. Not yet: Vault is sealed; key holders must unseal it.';
  }
  return 'Vault is reachable and unsealed.';
}

/**
 * Step 2 of the integration: what must hold before the secrets can move.
 *
 * Limitation: this release has no migration yet (the BFF answers no
 * /api/v1/vault/migrate), so the section shows the preconditions and says so
 * instead of offering an action that could only fail. The secrets stay in the
 * database meanwhile, and every controller keeps working from there.
 */
export function MigrateSection({ status }: { status: IntegrationStatus }) {
  const missing = status.controllers.filter((c) => !c.vaultConfigured).map((c) => c.name);
  const vaultUnsealed = status.vault.reachable && status.vault.sealed === false;

  return (
    <section aria-labelledby="migrate-title" className="settings-section">
      <h2 className="p-heading--4" id="migrate-title">
        Migrate secrets
      </h2>
      <p>
        Moving the secrets from the database into Vault is the second step, once for the
        whole cluster, when both conditions below hold.
      </p>
      <ul className="p-list preconditions" aria-label="Preconditions">
        <Precondition met={missing.length === 0}>
          {missing.length === 0
            ? `All ${status.controllerCount} controllers are configured.`
            : `Every controller is configured. Still missing: ${missing.join(', ')}.`}
        </Precondition>
        <Precondition met={vaultUnsealed}>
          {describeVaultPrecondition(status.vault)}
        </Precondition>
      </ul>
      <p className="u-text--muted">
        This version does not migrate secrets yet: they stay in the database, where every
        controller keeps reading them, until a version with the migration is installed.
      </p>
    </section>
  );
}
