import { X509Certificate, createPrivateKey } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapGlobalSecrets } from '../src/secrets/bootstrap-secrets';
import { createDatabaseSecretStore } from '../src/secrets/database-secret-store';
import { seedDemoMachines } from '../src/secrets/demo-machines';
import { SECRET_PATHS, type SecretStore } from '../src/secrets/secret-store';
import { createTestDatabase } from './support/database';
import { captureLog } from './support/log-capture';

let db: pg.Pool;
let store: SecretStore;

beforeAll(async () => {
  db = new pg.Pool({ connectionString: await createTestDatabase(), max: 12 });
  store = createDatabaseSecretStore(db);
});

afterAll(async () => {
  await db.end();
});

describe('database secret store', () => {
  it('puts, gets, lists by prefix and deletes', async () => {
    await store.put('store-test/abc123/power-parameters', { power_pass: 'one' });
    await store.put('store-test/abc123/power-parameters', { power_pass: 'two' });
    await store.put('store-test/def456/power-parameters', { power_pass: 'three' });
    await store.put('store-tests/x', { v: 'not under the prefix' });

    expect(await store.get('store-test/abc123/power-parameters')).toEqual({
      power_pass: 'two',
    });
    expect(await store.list('store-test/')).toEqual([
      'store-test/abc123/power-parameters',
      'store-test/def456/power-parameters',
    ]);
    await store.delete('store-test/abc123/power-parameters');
    expect(await store.get('store-test/abc123/power-parameters')).toBeNull();
  });

  it('treats % and _ in a list prefix literally', async () => {
    await store.put('a_b/one', { v: '1' });
    await store.put('axb/two', { v: '2' });
    expect(await store.list('a_b/')).toEqual(['a_b/one']);
    expect(await store.list('%')).toEqual([]);
  });

  it('refuses paths that are not relative, clean paths, without echoing values', async () => {
    for (const bad of [
      '/global/x',
      'global/',
      'global//x',
      'global/../x',
      'global/a b',
      '',
    ]) {
      await expect(store.put(bad, { key: 'hidden-value' })).rejects.toThrow(
        /secret path/,
      );
    }
    await expect(store.put('global/ok', { key: 5 } as never)).rejects.toThrow(
      /^The secret at global\/ok is not a map of strings\.$/,
    );
  });
});

describe('cluster secrets at first start', () => {
  it('five controllers bootstrapping at once end up with one set of secrets', async () => {
    const log = captureLog();
    await Promise.all([1, 2, 3, 4, 5].map(() => bootstrapGlobalSecrets(store, log.log)));

    const rows = await db.query<{ path: string }>(
      `SELECT path FROM secrets WHERE path LIKE 'global/%' ORDER BY path`,
    );
    expect(rows.rows.map((r) => r.path)).toEqual([
      'global/rpc-shared',
      'global/session-key',
      'global/tls',
    ]);
    const generated = log.entries().filter((e) => e.msg === 'cluster secret generated');
    expect(generated.map((e) => e.path).sort()).toEqual([
      'global/rpc-shared',
      'global/session-key',
      'global/tls',
    ]);
    const sessionKey = await store.get(SECRET_PATHS.sessionKey);
    expect(Buffer.from(sessionKey?.key ?? '', 'base64')).toHaveLength(32);
  });

  it('never replaces existing secrets on a later start', async () => {
    const before = await store.get(SECRET_PATHS.rpcShared);
    await bootstrapGlobalSecrets(store, captureLog().log);
    expect(await store.get(SECRET_PATHS.rpcShared)).toEqual(before);
  });

  it('stores a self-signed certificate that verifies and matches its key', async () => {
    const tls = await store.get(SECRET_PATHS.tls);
    const certificate = new X509Certificate(tls?.certificate ?? '');
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(certificate.checkPrivateKey(createPrivateKey(tls?.privateKey ?? ''))).toBe(
      true,
    );
    expect(certificate.subjectAltName).toContain('DNS:localhost');
    expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(
      Date.now() + 365 * 86_400_000,
    );
  });
});

describe('demo machines', () => {
  it('are created once with a power-parameters secret each, even when seeded concurrently', async () => {
    const log = captureLog();
    await Promise.all([1, 2, 3].map(() => seedDemoMachines(db, 7, log.log)));

    const machines = await db.query<{ id: string }>('SELECT id FROM machines');
    expect(machines.rows).toHaveLength(7);
    const paths = await store.list('machine/');
    expect(paths.sort()).toEqual(
      machines.rows.map((m) => `machine/${m.id}/power-parameters`).sort(),
    );
    const first = await store.get(paths[0] ?? '');
    expect(Object.keys(first ?? {}).sort()).toEqual([
      'power_address',
      'power_pass',
      'power_user',
    ]);

    await seedDemoMachines(db, 7, log.log);
    expect((await db.query('SELECT id FROM machines')).rows).toHaveLength(7);
  });
});
