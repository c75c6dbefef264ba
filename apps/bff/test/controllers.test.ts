import { stat } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { controllersResponseSchema, type Controller } from '@vault-secrets/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadControllerDir } from '../src/config/controller-dir';
import {
  listControllers,
  markVaultConfigured,
  saveVaultCheck,
} from '../src/controllers/controllers-repository';
import { startHeartbeat } from '../src/controllers/heartbeat';
import { ADMIN, startTestController, type TestController } from './support/controller';
import { createTestDatabase } from './support/database';
import { captureLog } from './support/log-capture';

let databaseUrl: string;
let db: pg.Pool;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
});

afterAll(async () => {
  await db.end();
});

async function controllersSeenBy(controller: TestController): Promise<Controller[]> {
  const client = controller.client();
  await client.login(ADMIN.username, ADMIN.password);
  const result = await client.get('/api/v1/controllers');
  expect(result.status).toBe(200);
  return controllersResponseSchema.parse(result.body).controllers;
}

describe('controller registry', () => {
  it('shows two controllers sharing a database to each other, online, with their URLs', async () => {
    const first = await startTestController(databaseUrl, { controllerName: 'region-a' });
    const second = await startTestController(databaseUrl, { controllerName: 'region-b' });

    for (const viewer of [first, second]) {
      const seen = await controllersSeenBy(viewer);
      expect(seen.map((c) => [c.name, c.url, c.online])).toEqual([
        ['region-a', first.url, true],
        ['region-b', second.url, true],
      ]);
      expect(seen.every((c) => c.vault === null && c.vaultConfigured === false)).toBe(
        true,
      );
    }
    await first.close();
    await second.close();
  });

  it('shows a cleanly stopped controller offline at once, keeping its last-seen time', async () => {
    const staying = await startTestController(databaseUrl, {
      controllerName: 'region-stay',
    });
    const leaving = await startTestController(databaseUrl, {
      controllerName: 'region-leave',
    });
    await leaving.close();

    const seen = await controllersSeenBy(staying);
    const left = seen.find((c) => c.id === leaving.controllerId);
    expect(left).toMatchObject({ online: false });
    expect(left?.lastSeen).not.toBeNull();
    expect(seen.find((c) => c.id === staying.controllerId)?.online).toBe(true);
    await staying.close();
  });

  it('shows a controller offline once its heartbeat is older than the limit (a crash)', async () => {
    const crashed = await startTestController(databaseUrl, {
      controllerName: 'region-crash',
    });
    // What a crash looks like from the database: no beat for 20 s, and no clean stop.
    await db.query(
      `UPDATE controllers SET last_seen = now() - interval '20 seconds' WHERE id = $1`,
      [crashed.controllerId],
    );
    const row = (await listControllers(db)).find((c) => c.id === crashed.controllerId);
    expect(row?.online).toBe(false);
    await crashed.close();
  });

  it('a heartbeat brings the controller back online and re-registers a deleted row', async () => {
    const log = captureLog();
    const identity = {
      id: '6f1c2d2e-8a8b-4c1e-9f00-0123456789ab',
      name: 'region-beat',
      url: 'http://127.0.0.1:1',
    };
    const heartbeat = startHeartbeat({
      db,
      controller: identity,
      log: log.log,
      intervalMs: 60_000,
    });
    await heartbeat.beat();
    expect((await listControllers(db)).find((c) => c.id === identity.id)?.online).toBe(
      true,
    );

    await db.query('DELETE FROM controllers WHERE id = $1', [identity.id]);
    await heartbeat.beat();
    expect((await listControllers(db)).find((c) => c.id === identity.id)?.name).toBe(
      'region-beat',
    );
    await heartbeat.stop();
  });

  it('reports the Vault state the later issues record, through the repository', async () => {
    const controller = await startTestController(databaseUrl, {
      controllerName: 'region-vault',
    });
    const at = new Date('2026-01-02T03:04:05.000Z');
    const check = {
      reachable: true,
      sealed: false,
      authenticated: true,
      error: null,
      checkedAt: at.toISOString(),
    };
    await markVaultConfigured(db, controller.controllerId, at);
    await saveVaultCheck(db, controller.controllerId, check);

    const seen = (await controllersSeenBy(controller)).find(
      (c) => c.id === controller.controllerId,
    );
    expect(seen).toMatchObject({
      vaultConfigured: true,
      vaultConfiguredAt: at.toISOString(),
      vault: check,
    });
    await controller.close();
  });

  it('sends a heartbeat with the check from a provider', async () => {
    const log = captureLog();
    const identity = {
      id: '0b7e1f55-1c55-4f55-8e55-555555555555',
      name: 'region-check',
      url: 'http://127.0.0.1:2',
    };
    const check = {
      reachable: false,
      sealed: null,
      authenticated: false,
      error: 'Vault is unreachable.',
      checkedAt: new Date().toISOString(),
    };
    const heartbeat = startHeartbeat({
      db,
      controller: identity,
      log: log.log,
      vaultCheck: async () => check,
    });
    await heartbeat.beat();
    await heartbeat.stop();
    expect((await listControllers(db)).find((c) => c.id === identity.id)?.vault).toEqual(
      check,
    );
  });
});

describe('controller directory', () => {
  it('keeps id and name across restarts in a 0600 controller.json inside a 0700 directory', async () => {
    const first = await startTestController(databaseUrl, {
      controllerName: 'region-dir',
    });
    const { controllerDir } = first.config;
    await first.close();
    const again = await startTestController(databaseUrl, {
      ...first.config,
      controllerName: 'renamed-ignored',
    });

    expect(again.controllerId).toBe(first.controllerId);
    const identity = await loadControllerDir(controllerDir);
    expect(identity).toMatchObject({
      id: first.controllerId,
      name: 'region-dir',
      url: again.url,
      databaseUrl,
    });
    expect((await stat(controllerDir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(controllerDir, 'controller.json'))).mode & 0o777).toBe(
      0o600,
    );
    await again.close();
  });
});
