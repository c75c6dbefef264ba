import { useQuery } from '@tanstack/react-query';
import type { IntegrationStatus } from '@vault-secrets/shared';
import type { ReactNode } from 'react';
import { z } from 'zod';
import type { ApiError } from '../../lib/api-error';
import { migrationQueryOptions, useStartMigration } from './api';
import { MigrationProgress } from './MigrationProgress';

const controllerNamesSchema = z.object({ controllers: z.array(z.string()) });

/** The server's reason, naming the controllers when it listed them. */
function describeMigrateError(error: ApiError): string {
  const named = controllerNamesSchema.safeParse(error.details);
  if (named.success && named.data.controllers.length > 0) {
    return `${error.message} Controllers: ${named.data.controllers.join(', ')}.`;
  }
  return error.message;
}

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

interface MigrateSectionProps {
  status: IntegrationStatus;
  isAdmin: boolean;
}

export function MigrateSection({ status, isAdmin }: MigrateSectionProps) {
  const migrationQuery = useQuery(
    migrationQueryOptions({ runningElsewhere: status.migration?.state === 'running' }),
  );
  const start = useStartMigration();
  const migration = migrationQuery.data ?? status.migration;
  const missing = status.controllers.filter((c) => !c.vaultConfigured).map((c) => c.name);
  const vaultUnsealed = status.vault.reachable && status.vault.sealed === false;
  const running = migration?.state === 'running';
  const ready = missing.length === 0 && vaultUnsealed;

  return (
    <section aria-labelledby="migrate-title" className="settings-section">
      <h2 className="p-heading--4" id="migrate-title">
        Migrate secrets
      </h2>
      <p>
        Moves every secret from the database into Vault, once, for the whole cluster. Each
        secret is written, read back and compared before it leaves the database.
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
      {migration && <MigrationProgress migration={migration} />}
      {isAdmin && !status.vaultEnabled && (
        <div className="migrate-action">
          <button
            type="button"
            className="p-button--positive"
            onClick={() => start.mutate()}
            disabled={start.isPending || running || !ready}
            aria-describedby={
              start.isError ? 'migrate-error' : ready ? undefined : 'migrate-hint'
            }
          >
            {start.isPending ? 'Starting…' : 'Migrate secrets to Vault'}
          </button>
          {!ready && !start.isError && (
            <p className="u-text--muted" id="migrate-hint">
              Possible once both conditions above are met.
            </p>
          )}
          {start.isError && (
            <p className="migrate-error" id="migrate-error" role="alert">
              {describeMigrateError(start.error)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
