import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chmod } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadControllerDir } from '../src/config/controller-dir';
import { findFreePort } from '../src/db/embedded';
import { scratchDir, startTestController } from './support/controller';
import { createTestDatabase } from './support/database';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const TSX = fileURLToPath(
  new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url),
);

function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, [TSX, MAIN], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const waitFor = async (pattern: RegExp) => {
    while (!pattern.test(output)) {
      if (child.exitCode !== null) throw new Error(`main.ts exited early:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

// Spawning tsx is slow on a busy machine; the 60 s limits are for that, not for the product.
describe('starting a controller', () => {
  it('fails with what to check when PostgreSQL cannot be reached, without the password', async () => {
    const port = await findFreePort();
    const databaseUrl = `postgresql://maas:s3cret-pw@127.0.0.1:${port}/maasdb`;
    const failure = startTestController(databaseUrl);
    await expect(failure).rejects.toThrow(
      `Cannot reach PostgreSQL at 127.0.0.1:${port}/maasdb`,
    );
    await expect(failure).rejects.not.toThrow(/s3cret-pw/);
  });

  it('without DATABASE_URL, runs its own PostgreSQL under DATA_DIR and stops it on close', async () => {
    const dataDir = await scratchDir();
    // As root, PostgreSQL runs as `postgres`, which must reach DATA_DIR/postgres.
    await chmod(dataDir, 0o755);
    const controller = await startTestController(undefined, {
      dataDir,
      controllerDir: `${dataDir}/controller`,
    });
    const identity = await loadControllerDir(`${dataDir}/controller`);
    const recorded = identity?.databaseUrl ?? '';
    expect(new URL(recorded).hostname).toBe('127.0.0.1');

    const db = new pg.Client(recorded);
    await db.connect();
    const machines = await db.query('SELECT count(*)::int AS n FROM machines');
    await db.end();
    expect(machines.rows).toEqual([{ n: 3 }]);

    await controller.close();
    const after = new pg.Client({
      connectionString: recorded,
      connectionTimeoutMillis: 2_000,
    });
    await expect(after.connect()).rejects.toThrow();
  }, 60_000);

  it('main.ts reports a bad environment by variable name and exits 1', async () => {
    const run = runMain({ DATABASE_URL: 'mysql://u:hidden-pw@h/db', PORT: 'x' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('invalid configuration');
    expect(run.output()).toMatch(/DATABASE_URL: must start with postgresql/);
    expect(run.output()).toMatch(/PORT: must be a number/);
    expect(run.output()).not.toContain('hidden-pw');
  }, 60_000);

  it('main.ts serves, then on SIGTERM stops cleanly and leaves the controller offline', async () => {
    const databaseUrl = await createTestDatabase();
    const dataDir = await scratchDir();
    const run = runMain({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: '0',
      CONTROLLER_NAME: 'region-main',
      ADMIN_PASSWORD: 'main-admin-pw',
      DEMO_MACHINES: '0',
    });
    await run.waitFor(/region controller started/);
    const url = /"url":"(http:[^"]+)"/.exec(run.output())?.[1] ?? '';
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('region controller stopped');
    expect(run.output()).not.toContain('main-admin-pw');
    const db = new pg.Client(databaseUrl);
    await db.connect();
    const row = await db.query(
      `SELECT stopped_at IS NOT NULL AS stopped FROM controllers WHERE name = 'region-main'`,
    );
    await db.end();
    expect(row.rows).toEqual([{ stopped: true }]);
  }, 60_000);
});
