import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type RunningPostgres } from '../../src/db/embedded';
import { migrateDatabase } from '../../src/db/migrate';
import { createLogger } from '../../src/logging/logger';

export const TEMPLATE_DATABASE = `bff_template_${process.pid}`;

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * One PostgreSQL per test run (embedded, or the server DATABASE_URL names) and a
 * migrated template database that each test file copies into its own database.
 */
export default async function setup(project: TestProject) {
  let postgres: RunningPostgres | undefined;
  let scratch: string | undefined;
  let adminUrl = process.env.DATABASE_URL?.trim();
  if (!adminUrl) {
    scratch = await mkdtemp(path.join(tmpdir(), 'bff-test-pg-'));
    // The postgres user must reach its data directory inside our temp dir.
    await chmod(scratch, 0o755);
    postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'data') });
    adminUrl = postgres.databaseUrl;
  }

  await withClient(adminUrl, (client) =>
    client
      .query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`)
      .then(() => client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`)),
  );
  await migrateDatabase(
    databaseUrlFor(adminUrl, TEMPLATE_DATABASE),
    createLogger({ level: 'silent' }),
  );
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);

  return async () => {
    if (postgres) await postgres.stop();
    else if (adminUrl) {
      await withClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`),
      );
    }
    if (scratch) await rm(scratch, { recursive: true, force: true });
  };
}
