import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type { Logger } from '../logging/logger';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));
export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * Brings the schema up to date. node-pg-migrate holds its advisory lock while
 * it runs and, in `wait` mode, later starters queue behind it and then find
 * nothing left to do, so controllers starting together do not race.
 */
export async function migrateDatabase(
  databaseUrl: string,
  log: Logger,
): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    migrationsTable: MIGRATIONS_TABLE,
    direction: 'up',
    advisoryLockMode: 'wait',
    singleTransaction: true,
    checkOrder: true,
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) =>
        log.warn({ detail: message }, 'migration runner warning'),
      error: (message: string) =>
        log.error({ detail: message }, 'migration runner error'),
    },
  });
  const names = applied.map((migration) => migration.name);
  if (names.length > 0) log.info({ migrations: names }, 'database migrations applied');
  return names;
}
