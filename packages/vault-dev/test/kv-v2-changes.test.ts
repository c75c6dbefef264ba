import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startDev } from './helpers';

let server: Awaited<ReturnType<typeof startDev>>;
const as = (method: string, path: string, body?: unknown) =>
  call(server, method, path, { token: server.rootToken, body });

beforeAll(async () => {
  server = await startDev();
});
afterAll(() => server.close());

describe('KV v2 patches, version limits and field checks', () => {
  it('refuses metadata and config fields of the wrong type, changing nothing', async () => {
    await as('POST', 'secret/data/typed', { data: { v: 1 } });
    const badMax = await as('POST', 'secret/metadata/typed', {
      max_versions: 'many',
      custom_metadata: { owner: 'ops' },
    });
    expect(badMax.status).toBe(400);
    expect(badMax.body.errors?.[0]).toContain('max_versions');
    const badCustom = await as('POST', 'secret/metadata/typed', {
      custom_metadata: { owner: { nested: true } },
    });
    expect(badCustom.status).toBe(400);
    expect((await as('GET', 'secret/metadata/typed')).body.data).toMatchObject({
      max_versions: 0,
      custom_metadata: null,
    });
    const badConfig = await as('POST', 'secret/config', { cas_required: 'maybe' });
    expect(badConfig.status).toBe(400);
  });

  it('patches the current version with a JSON merge patch, as Vault does', async () => {
    const merge = { 'Content-Type': 'application/merge-patch+json' };
    const patch = (path: string, body: unknown, headers = merge) =>
      call(server, 'PATCH', path, { token: server.rootToken, body, headers });
    await as('POST', 'secret/data/patched', { data: { a: 1, b: { c: 2, d: 3 } } });
    const patched = await patch('secret/data/patched', {
      data: { a: null, b: { c: 20 }, e: 'new' },
      options: { cas: 1 },
    });
    expect(patched.body.data).toMatchObject({ version: 2, destroyed: false });
    expect((await as('GET', 'secret/data/patched')).body.data?.data).toEqual({
      b: { c: 20, d: 3 },
      e: 'new',
    });
    const wrongType = await patch(
      'secret/data/patched',
      { data: {} },
      {
        'Content-Type': 'application/json',
      },
    );
    expect(wrongType).toMatchObject({
      status: 415,
      body: {
        errors: [
          'PATCH requires Content-Type of application/merge-patch+json, provided application/json',
        ],
      },
    });
    const staleCas = await patch('secret/data/patched', {
      data: {},
      options: { cas: 1 },
    });
    expect(staleCas.body.errors).toEqual([
      'check-and-set parameter did not match the current version',
    ]);
    expect((await patch('secret/data/never', { data: { a: 1 } })).status).toBe(404);
    await as('DELETE', 'secret/data/patched');
    const deleted = await patch('secret/data/patched', { data: { a: 1 } });
    expect(deleted.status).toBe(404);
    expect(deleted.body.data).toMatchObject({ version: 2 });
    expect(deleted.body).not.toHaveProperty('errors');
  });

  it("keeps the larger of the secret's and the engine's max_versions", async () => {
    await as('POST', 'sys/mounts/versions-kv', { type: 'kv', options: { version: '2' } });
    await as('POST', 'versions-kv/config', { max_versions: 4 });
    await as('POST', 'versions-kv/metadata/s', { max_versions: 2 });
    for (let i = 1; i <= 6; i++) await as('POST', 'versions-kv/data/s', { data: { i } });
    const meta = await as('GET', 'versions-kv/metadata/s');
    expect(Object.keys(meta.body.data?.versions as object)).toEqual(['3', '4', '5', '6']);
    expect(meta.body.data).toMatchObject({ oldest_version: 3, current_version: 6 });
  });
});
