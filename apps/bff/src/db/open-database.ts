import path from 'node:path';
import type { Logger } from '../logging/logger';
import { startEmbeddedPostgres } from './embedded';
import { migrateDatabase } from './migrate';
import { checkDatabaseReachable, createPool, type Pool } from './pool';

export interface OpenDatabase {
  db: Pool;
  databaseUrl: string;
  /** Closes the pool, and stops PostgreSQL when this call started it. */
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL under
 * `$DATA_DIR/postgres` when there is none, then brings the schema up to date.
 */
export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  log: Logger;
}): Promise<OpenDatabase> {
  const { log } = options;
  const embedded = options.databaseUrl
    ? null
    : await startEmbeddedPostgres({
        dataDir: path.join(options.dataDir, 'postgres'),
        log,
      });
  const databaseUrl = options.databaseUrl ?? embedded?.databaseUrl ?? '';
  const db = createPool(databaseUrl, log);
  const close = async () => {
    await db.end();
    await embedded?.stop();
  };

  try {
    await checkDatabaseReachable(db, databaseUrl);
    await migrateDatabase(databaseUrl, log);
  } catch (error) {
    await close();
    throw error;
  }
  return { db, databaseUrl, close };
}
