import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { databaseUrlFor } from './global-setup';

const created: string[] = [];

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(inject('adminDatabaseUrl'));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for a test file: a copy of the migrated template, or
 * empty with `{ migrated: false }`. Dropped when the file's tests are done.
 */
export async function createTestDatabase(
  options: { migrated?: boolean } = {},
): Promise<string> {
  const name = `bff_test_${randomBytes(6).toString('hex')}`;
  const template = options.migrated === false ? 'template0' : inject('templateDatabase');
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  created.push(name);
  return databaseUrlFor(inject('adminDatabaseUrl'), name);
}

afterAll(async () => {
  const names = created.splice(0);
  if (names.length === 0) return;
  await admin(async (client) => {
    for (const name of names)
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});
