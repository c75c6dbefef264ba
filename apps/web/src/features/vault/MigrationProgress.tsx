import type { Migration } from '@vault-secrets/shared';
import { Notification } from '../../components/Notification';
import { ProgressBar } from '../../components/ProgressBar';

/** The current or last migration: live progress while it runs, its outcome after. */
export function MigrationProgress({ migration }: { migration: Migration }) {
  const counts = `${migration.migrated} of ${migration.total} secrets moved`;
  switch (migration.state) {
    case 'running':
      return (
        // Only the start is announced: counts that change every second would talk
        // over everything else. The bar carries the figures for whoever asks.
        <div className="migration-progress">
          <p>
            <span role="status">Migrating secrets to Vault</span>: {counts}.
          </p>
          <ProgressBar
            label="Migration progress"
            value={migration.migrated}
            max={migration.total}
          />
        </div>
      );
    case 'succeeded':
      return (
        <Notification severity="positive" title="Secrets migrated to Vault" role="status">
          {counts}. Every controller now reads its secrets from Vault.
        </Notification>
      );
    case 'paused':
      return (
        <Notification severity="caution" title="Migration paused" role="status">
          {counts}. {migration.error ?? ''} Each secret is readable from exactly one
          place; start the migration again to resume where it stopped.
        </Notification>
      );
    case 'failed':
      return (
        <Notification severity="negative" title="Migration stopped" role="status">
          {counts}. {migration.error ?? 'The controller gave no reason.'} Each secret is
          readable from exactly one place; fix the cause and start the migration again to
          resume.
        </Notification>
      );
  }
}
