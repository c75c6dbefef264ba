import pg from 'pg';
import type { Logger } from '../logging/logger';
import { describeDatabaseTarget } from './database-url';

/** Anything that runs a query: the pool, or one client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;
export type Pool = pg.Pool;

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  '57P03', // the database system is starting up or shutting down
  '3D000', // database does not exist
  '28P01', // password authentication failed
  '28000', // no pg_hba.conf entry / role does not exist
]);

export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08'))
  );
}

// PostgreSQL refuses NUL in text (22021) and characters its encoding lacks (22P05).
const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);

/** A value from the request that PostgreSQL cannot store or compare as text. */
export function isUnstorableTextError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNSTORABLE_TEXT_CODES.has(code);
}

export function createPool(databaseUrl: string, log: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', (error) =>
    log.warn({ err: error }, 'idle database connection failed'),
  );
  return pool;
}

/** Fails fast, with what to check, when the database cannot be reached. */
export async function checkDatabaseReachable(pool: pg.Pool, databaseUrl: string) {
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    const target = describeDatabaseTarget(databaseUrl);
    const reason = (error as Error).message;
    throw new DatabaseUnavailableError(
      `Cannot reach PostgreSQL at ${target} (${reason}). ` +
        'Check that it runs and that DATABASE_URL (or the controller directory) ' +
        'names the right host, port, database and credentials.',
      { cause: error },
    );
  }
}

/** Runs work inside one transaction on one client, rolling back on failure. */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
