import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadControllerDir,
  resolveDatabaseUrl,
  saveControllerDir,
  type ControllerIdentity,
} from './controller-dir';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'controller-dir-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const identity: ControllerIdentity = {
  id: '3d2b7a52-3a3b-4c1d-8e9f-112233445566',
  name: 'region-1',
  url: 'http://127.0.0.1:5240',
  databaseUrl: 'postgresql://u:p@127.0.0.1:5432/maas',
};

describe('controller directory', () => {
  it('returns null for a directory that was never used', async () => {
    expect(await loadControllerDir(path.join(dir, 'nothing'))).toBeNull();
  });

  it('writes and reads back an identity', async () => {
    await saveControllerDir(dir, identity);
    expect(await loadControllerDir(dir)).toEqual(identity);
  });

  it('names the problem in a broken controller.json', async () => {
    const file = path.join(dir, 'controller.json');
    await writeFile(file, '{not json');
    await expect(loadControllerDir(dir)).rejects.toThrow(
      /controller\.json is not valid JSON/,
    );

    await writeFile(file, JSON.stringify({ ...identity, id: 'nope', extra: 1 }));
    await expect(loadControllerDir(dir)).rejects.toThrow(/id must be a UUID/);

    await writeFile(file, JSON.stringify({ ...identity, databaseUrl: 'mysql://x/y' }));
    await expect(loadControllerDir(dir)).rejects.toThrow(
      /databaseUrl must start with postgresql/,
    );
  });

  it('lets DATABASE_URL override the recorded database', () => {
    expect(resolveDatabaseUrl(identity, {})).toBe(identity.databaseUrl);
    expect(resolveDatabaseUrl(identity, { DATABASE_URL: 'postgresql://h/other' })).toBe(
      'postgresql://h/other',
    );
    expect(() => resolveDatabaseUrl({ ...identity, databaseUrl: null }, {})).toThrow(
      /set DATABASE_URL/,
    );
  });
});
