import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startTestController } from './support/controller';
import { createTestDatabase } from './support/database';
import { HttpClient } from './support/http-client';

describe('first start of a cluster', () => {
  it('without ADMIN_PASSWORD, generates one, shows it once, and it logs in', async () => {
    const databaseUrl = await createTestDatabase();
    const first = await startTestController(databaseUrl, { adminPassword: undefined });
    const second = await startTestController(databaseUrl, { adminPassword: undefined });

    const shown = first.logs.entries().filter((e) => 'generatedAdminPassword' in e);
    expect(shown).toHaveLength(1);
    const password = String(shown[0]?.generatedAdminPassword);
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(second.logs.text()).not.toContain(password);
    expect(second.logs.text()).not.toContain('generatedAdminPassword');

    const client = new HttpClient(second.url);
    expect((await client.login('admin', password)).status).toBe(200);
  });

  it('creates DEMO_MACHINES machines once, however many controllers start', async () => {
    const databaseUrl = await createTestDatabase();
    await Promise.all([
      startTestController(databaseUrl, { demoMachines: 4 }),
      startTestController(databaseUrl, { demoMachines: 4 }),
    ]);
    const db = new pg.Client(databaseUrl);
    await db.connect();
    const machines = await db.query('SELECT id FROM machines');
    const secrets = await db.query(
      `SELECT path FROM secrets WHERE path LIKE 'machine/%'`,
    );
    await db.end();
    expect(machines.rows).toHaveLength(4);
    expect(secrets.rows).toHaveLength(4);
  });
});
