import type { Queryable } from '../db/pool';
import {
  assertSecretPath,
  parseSecretValue,
  type SecretStore,
  type SecretValue,
} from './secret-store';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The secret store backed by the `secrets` table. */
export function createDatabaseSecretStore(db: Queryable): SecretStore {
  async function get(path: string): Promise<SecretValue | null> {
    assertSecretPath(path);
    const result = await db.query<{ value: unknown }>(
      'SELECT value FROM secrets WHERE path = $1',
      [path],
    );
    const row = result.rows[0];
    return row ? parseSecretValue(path, row.value) : null;
  }

  return {
    get,

    async put(path, value) {
      assertSecretPath(path);
      parseSecretValue(path, value);
      await db.query(
        `INSERT INTO secrets (path, value) VALUES ($1, $2)
         ON CONFLICT (path) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [path, JSON.stringify(value)],
      );
    },

    async putIfAbsent(path, value) {
      assertSecretPath(path);
      parseSecretValue(path, value);
      await db.query(
        'INSERT INTO secrets (path, value) VALUES ($1, $2) ON CONFLICT (path) DO NOTHING',
        [path, JSON.stringify(value)],
      );
      const stored = await get(path);
      if (!stored)
        throw new Error(`The secret at ${path} vanished right after it was written.`);
      return stored;
    },

    async delete(path) {
      assertSecretPath(path);
      await db.query('DELETE FROM secrets WHERE path = $1', [path]);
    },

    async list(prefix) {
      const result = await db.query<{ path: string }>(
        `SELECT path FROM secrets WHERE path LIKE $1 ESCAPE '\\' ORDER BY path`,
        [`${escapeLike(prefix)}%`],
      );
      return result.rows.map((row) => row.path);
    },
  };
}
