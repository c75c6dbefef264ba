import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startDev } from './helpers';

let server: Awaited<ReturnType<typeof startDev>>;
const as = (method: string, path: string, body?: unknown) =>
  call(server, method, path, { token: server.rootToken, body });

beforeAll(async () => {
  server = await startDev();
});
afterAll(() => server.close());

describe('KV v2', () => {
  it('writes versions and reads the latest or a given one', async () => {
    const first = await as('POST', 'secret/data/app/db', { data: { password: 'one' } });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({
      version: 1,
      deletion_time: '',
      destroyed: false,
      custom_metadata: null,
    });
    expect(first.body.data?.created_time).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    await as('PUT', 'secret/data/app/db', { data: { password: 'two' } });
    const latest = await as('GET', 'secret/data/app/db');
    expect(latest.body.data).toMatchObject({
      data: { password: 'two' },
      metadata: { version: 2 },
    });
    const old = await as('GET', 'secret/data/app/db?version=1');
    expect(old.body.data).toMatchObject({ data: { password: 'one' } });
  });

  it('answers 404 {"errors":[]} for a missing secret or version', async () => {
    const missing = await as('GET', 'secret/data/nothing/here');
    expect(missing).toMatchObject({ status: 404, body: { errors: [] } });
    await as('POST', 'secret/data/one-version', { data: { a: 1 } });
    expect((await as('GET', 'secret/data/one-version?version=7')).status).toBe(404);
  });

  it('refuses a write without data', async () => {
    const empty = await as('POST', 'secret/data/nodata', {});
    expect(empty).toMatchObject({ status: 400, body: { errors: ['no data provided'] } });
  });

  it('checks cas: 0 only when new, otherwise the current version', async () => {
    const created = await as('POST', 'secret/data/cas', {
      data: { a: 1 },
      options: { cas: 0 },
    });
    expect(created.status).toBe(200);
    const again = await as('POST', 'secret/data/cas', {
      data: { a: 2 },
      options: { cas: 0 },
    });
    expect(again).toMatchObject({
      status: 400,
      body: { errors: ['check-and-set parameter did not match the current version'] },
    });
    const right = await as('POST', 'secret/data/cas', {
      data: { a: 2 },
      options: { cas: 1 },
    });
    expect(right.body.data).toMatchObject({ version: 2 });
  });

  it('soft-deletes, undeletes and destroys versions with Vault answers', async () => {
    await as('POST', 'secret/data/life', { data: { v: 1 } });
    await as('POST', 'secret/data/life', { data: { v: 2 } });
    expect((await as('DELETE', 'secret/data/life')).status).toBe(204);
    const deleted = await as('GET', 'secret/data/life');
    expect(deleted.status).toBe(404);
    expect(deleted.body).not.toHaveProperty('errors');
    expect(deleted.body.data).toMatchObject({ data: null, metadata: { version: 2 } });
    expect(
      (deleted.body.data?.metadata as { deletion_time: string }).deletion_time,
    ).not.toBe('');
    expect((await as('POST', 'secret/undelete/life', { versions: [2] })).status).toBe(
      204,
    );
    expect((await as('GET', 'secret/data/life')).body.data).toMatchObject({
      data: { v: 2 },
    });
    expect((await as('PUT', 'secret/destroy/life', { versions: [1] })).status).toBe(204);
    const destroyed = await as('GET', 'secret/data/life?version=1');
    expect(destroyed.status).toBe(404);
    expect(destroyed.body.data).toMatchObject({
      data: null,
      metadata: { destroyed: true },
    });
    expect((await as('POST', 'secret/delete/life', { versions: [2] })).status).toBe(204);
    expect((await as('GET', 'secret/data/life')).status).toBe(404);
    expect((await as('DELETE', 'secret/data/never-existed')).status).toBe(204);
  });

  it('reads and writes metadata and deletes every version for good', async () => {
    await as('POST', 'secret/data/meta', { data: { v: 1 } });
    const written = await as('POST', 'secret/metadata/meta', {
      max_versions: 3,
      custom_metadata: { owner: 'ops' },
    });
    expect(written.status).toBe(204);
    const meta = await as('GET', 'secret/metadata/meta');
    expect(meta.body.data).toMatchObject({
      current_version: 1,
      max_versions: 3,
      custom_metadata: { owner: 'ops' },
      versions: { '1': { destroyed: false, deletion_time: '' } },
    });
    for (let i = 0; i < 4; i++) await as('POST', 'secret/data/meta', { data: { v: i } });
    const trimmed = await as('GET', 'secret/metadata/meta');
    expect(Object.keys(trimmed.body.data?.versions as object)).toEqual(['3', '4', '5']);
    expect((await as('DELETE', 'secret/metadata/meta')).status).toBe(204);
    expect((await as('GET', 'secret/metadata/meta')).status).toBe(404);
    expect((await as('GET', 'secret/data/meta')).status).toBe(404);
  });

  it('lists with LIST and ?list=true, folders ending in "/", 404 when empty', async () => {
    await as('POST', 'secret/data/tree/a', { data: { x: 1 } });
    await as('POST', 'secret/data/tree/b/c', { data: { x: 1 } });
    await as('POST', 'secret/data/tree/b/d', { data: { x: 1 } });
    const listed = await as('LIST', 'secret/metadata/tree');
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual({ keys: ['a', 'b/'] });
    for (const spelling of ['true', '1', 't', 'True']) {
      const viaGet = await as('GET', `secret/metadata/tree/b/?list=${spelling}`);
      expect(viaGet.body.data).toEqual({ keys: ['c', 'd'] });
    }
    await as('DELETE', 'secret/metadata/tree/b/c');
    await as('DELETE', 'secret/metadata/tree/b/d');
    expect((await as('LIST', 'secret/metadata/tree')).body.data).toEqual({ keys: ['a'] });
    const badList = await as('GET', 'secret/metadata/tree/?list=maybe');
    expect(badList).toMatchObject({ status: 400, body: { errors: [] } });
    const notList = await as('GET', 'secret/metadata/tree/a?list=false');
    expect(notList.body.data).toMatchObject({ current_version: 1 });
    const empty = await as('LIST', 'secret/metadata/no-such-folder');
    expect(empty).toMatchObject({ status: 404, body: { errors: [] } });
  });

  it('answers a v1-style path on a v2 mount with 404 and a warning', async () => {
    const v1 = await as('GET', 'secret/app/db');
    expect(v1.status).toBe(404);
    expect(v1.body).not.toHaveProperty('errors');
    expect((v1.body.warnings as string[])[0]).toContain(
      'Invalid path for a versioned K/V',
    );
  });

  it('reads and writes the engine config, and honours cas_required', async () => {
    expect((await as('GET', 'secret/config')).body.data).toEqual({
      cas_required: false,
      delete_version_after: '0s',
      max_versions: 0,
    });
    await as('POST', 'secret/metadata/strict', { cas_required: true });
    const noCas = await as('POST', 'secret/data/strict', { data: { a: 1 } });
    expect(noCas).toMatchObject({
      status: 400,
      body: { errors: ['check-and-set parameter required for this call'] },
    });
  });

  it('reads subkeys without values', async () => {
    await as('POST', 'secret/data/shape', { data: { a: 'x', b: { c: 'y' } } });
    const shape = await as('GET', 'secret/subkeys/shape');
    expect(shape.body.data).toMatchObject({ subkeys: { a: null, b: { c: null } } });
  });

  it('enables KV v2 at another path through sys/mounts', async () => {
    const enabled = await as('POST', 'sys/mounts/team-kv', {
      type: 'kv',
      options: { version: '2' },
    });
    expect(enabled.status).toBe(204);
    const mounts = await as('GET', 'sys/mounts');
    expect(mounts.body['team-kv/']).toMatchObject({
      type: 'kv',
      options: { version: '2' },
    });
    expect(mounts.body.data?.['secret/']).toMatchObject({ type: 'kv' });
    const twice = await as('POST', 'sys/mounts/team-kv', {
      type: 'kv',
      options: { version: '2' },
    });
    expect(twice.body.errors?.[0]).toContain('path is already in use at team-kv/');
    await as('POST', 'team-kv/data/x', { data: { ok: true } });
    expect((await as('GET', 'team-kv/data/x')).body.data).toMatchObject({
      data: { ok: true },
    });
    const tune = await as('POST', 'sys/mounts/team-kv/tune', { max_lease_ttl: '1h' });
    expect(tune.status).toBe(405);
    const nowhere = await as('GET', 'nowhere/data/x');
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.errors?.[0]).toContain('no handler for route');
  });
});
