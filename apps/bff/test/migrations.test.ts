import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../src/db/migrate';
import { createTestDatabase } from './support/database';
import { captureLog } from './support/log-capture';

describe('schema migrations', () => {
  it('three controllers migrating an empty database at once apply each migration exactly once', async () => {
    const databaseUrl = await createTestDatabase({ migrated: false });
    const log = captureLog();

    const results = await Promise.all(
      [1, 2, 3].map(() => migrateDatabase(databaseUrl, log.log)),
    );

    const applied = results.flat();
    expect(applied).toEqual(['1764770000000_foundation']);
    const client = new pg.Client(databaseUrl);
    await client.connect();
    try {
      const runs = await client.query('SELECT name FROM schema_migrations');
      expect(runs.rows).toEqual([{ name: '1764770000000_foundation' }]);
      const tables = await client.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual([
        'cluster_settings',
        'controllers',
        'machines',
        'schema_migrations',
        'secrets',
        'sessions',
        'users',
        'vault_migrations',
      ]);
      const flags = await client.query('SELECT vault_enabled FROM cluster_settings');
      expect(flags.rows).toEqual([{ vault_enabled: false }]);
    } finally {
      await client.end();
    }
  });

  it('does nothing on an up-to-date database', async () => {
    const databaseUrl = await createTestDatabase();
    expect(await migrateDatabase(databaseUrl, captureLog().log)).toEqual([]);
  });
});
