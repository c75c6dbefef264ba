import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clusterFilePath, readPreviousRun, writeClusterFile } from './cluster-file';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dev-cluster-file-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('dev-cluster.json', () => {
  it('is written readable by its owner only', async () => {
    await writeClusterFile(dataDir, { admin: { username: 'admin', password: 'p' } });
    const info = await stat(clusterFilePath(dataDir));
    expect(info.mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(clusterFilePath(dataDir), 'utf8'))).toEqual({
      admin: { username: 'admin', password: 'p' },
    });
  });

  it('stays 0600 when rewritten over a file with a wider mode', async () => {
    await writeFile(clusterFilePath(dataDir), '{}', { mode: 0o644 });
    await writeClusterFile(dataDir, {});
    expect((await stat(clusterFilePath(dataDir))).mode & 0o777).toBe(0o600);
  });

  it('gives nothing to reuse on a first start', async () => {
    expect(await readPreviousRun(dataDir)).toEqual({});
  });

  it('gives back the admin password and Vault keys of an earlier start', async () => {
    await writeClusterFile(dataDir, {
      vault: { rootToken: 'root', unsealKeys: ['a', 'b'], roleId: 'r' },
      admin: { username: 'admin', password: 'kept' },
    });
    const previous = await readPreviousRun(dataDir);
    expect(previous.admin?.password).toBe('kept');
    expect(previous.vault).toEqual({ rootToken: 'root', unsealKeys: ['a', 'b'] });
  });

  it('refuses a damaged file and says how to recover', async () => {
    await writeFile(clusterFilePath(dataDir), '{"admin": ');
    await expect(readPreviousRun(dataDir)).rejects.toThrow(/not valid JSON.*remove/);
    await writeFile(clusterFilePath(dataDir), '{"admin": {"password": 5}}');
    await expect(readPreviousRun(dataDir)).rejects.toThrow(/expected shape/);
  });
});
