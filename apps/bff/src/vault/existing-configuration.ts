import { findController } from '../controllers/controllers-repository';
import type { Queryable } from '../db/pool';
import { AppError } from '../http/app-error';
import { LocalVaultConfigError, readLocalVaultConfig } from './local-config';

export interface ExistingConfiguration {
  configured: boolean;
  /** When it was configured, as far as the database or the file knows. */
  since: string | null;
}

/**
 * Whether this controller already has a Vault configuration: a `vault.json` (even
 * an unreadable one) or the database's mark. Either one is worth a confirmation.
 * Throws CONTROLLER_NOT_FOUND when the database does not know this controller.
 */
export async function existingConfiguration(
  db: Queryable,
  controller: { id: string; name: string; dir: string },
): Promise<ExistingConfiguration> {
  const row = await findController(db, controller.id);
  if (!row) {
    throw new AppError(
      'CONTROLLER_NOT_FOUND',
      404,
      `Controller ${controller.name} (${controller.id}) is not registered in the ` +
        'database; start it once so that it registers, then configure it.',
      { id: controller.id },
    );
  }
  let fileSince: string | null = null;
  let fileExists = false;
  try {
    const config = await readLocalVaultConfig(controller.dir);
    fileExists = config !== null;
    fileSince = config?.configuredAt ?? null;
  } catch (error) {
    if (!(error instanceof LocalVaultConfigError)) throw error;
    fileExists = true;
  }
  return {
    configured: fileExists || row.vaultConfigured,
    since: row.vaultConfiguredAt ?? fileSince,
  };
}
