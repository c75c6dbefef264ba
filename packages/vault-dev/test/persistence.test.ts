import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startVaultDevServer } from '../src';
import { call } from './helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(
    dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })),
  );
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vault-dev-test-'));
  dirs.push(dir);
  return dir;
}

async function allFileBytes(dir: string): Promise<string> {
  const names = await readdir(dir);
  const contents = await Promise.all(names.map((name) => readFile(join(dir, name))));
  return contents.map((buffer) => buffer.toString('latin1')).join('\n');
}

describe('persistence with a data directory', () => {
  it('comes back sealed after a restart and unseals with the shares', async () => {
    const dir = await dataDir();
    const first = await startVaultDevServer({ port: 0, dataDir: dir });
    const init = await call(first, 'PUT', 'sys/init', {
      body: { secret_shares: 3, secret_threshold: 2 },
    });
    const {
      keys,
      keys_base64: keysBase64,
      root_token: rootToken,
    } = init.body as unknown as {
      keys: string[];
      keys_base64: string[];
      root_token: string;
    };
    await call(first, 'PUT', 'sys/unseal', { body: { key: keys[0] } });
    await call(first, 'PUT', 'sys/unseal', { body: { key: keys[1] } });
    await call(first, 'POST', 'sys/mounts/kv', {
      token: rootToken,
      body: { type: 'kv', options: { version: '2' } },
    });
    await call(first, 'POST', 'kv/data/app/db', {
      token: rootToken,
      body: { data: { password: 'plaintext-canary-123' } },
    });
    await first.close();

    for (const name of await readdir(dir)) {
      expect((await stat(join(dir, name))).mode & 0o077, name).toBe(0);
    }
    const files = await allFileBytes(dir);
    for (const secret of [
      'plaintext-canary-123',
      rootToken,
      ...keys,
      ...keysBase64,
      'app/db',
    ]) {
      expect(files).not.toContain(secret);
    }

    const second = await startVaultDevServer({ port: 0, dataDir: dir });
    try {
      const status = await call(second, 'GET', 'sys/seal-status');
      expect(status.body).toMatchObject({ initialized: true, sealed: true, t: 2, n: 3 });
      expect(
        (await call(second, 'GET', 'kv/data/app/db', { token: rootToken })).status,
      ).toBe(503);
      await call(second, 'PUT', 'sys/unseal', { body: { key: keysBase64[2] } });
      await call(second, 'PUT', 'sys/unseal', { body: { key: keys[0] } });
      const read = await call(second, 'GET', 'kv/data/app/db', { token: rootToken });
      expect(read.status).toBe(200);
      expect(read.body.data?.data).toEqual({ password: 'plaintext-canary-123' });
    } finally {
      await second.close();
    }
  });

  it('forgets data in memory when sealed and reads it back on unseal', async () => {
    const dir = await dataDir();
    const dev = await startVaultDevServer({ port: 0, dev: true, dataDir: dir });
    const token = dev.rootToken ?? '';
    try {
      await call(dev, 'POST', 'secret/data/kept', {
        token,
        body: { data: { v: 'kept-value' } },
      });
      expect((await call(dev, 'PUT', 'sys/seal', { token })).status).toBe(204);
      await call(dev, 'PUT', 'sys/unseal', { body: { key: dev.unsealKeys?.[0] } });
      const read = await call(dev, 'GET', 'secret/data/kept', { token });
      expect(read.body.data?.data).toEqual({ v: 'kept-value' });
    } finally {
      await dev.close();
    }
    const files = await allFileBytes(dir);
    expect(files).not.toContain('kept-value');
    expect(files).not.toContain(token);
  });
});

describe('a damaged data log', () => {
  it('survives a last record cut short by a crash', async () => {
    const dir = await dataDir();
    const dev = await startVaultDevServer({ port: 0, dev: true, dataDir: dir });
    const token = dev.rootToken ?? '';
    const key = dev.unsealKeys?.[0];
    await call(dev, 'POST', 'secret/data/a', { token, body: { data: { v: 'before' } } });
    await dev.close();
    const { appendFile } = await import('node:fs/promises');
    await appendFile(join(dir, 'data.log'), 'dG9ybi1yZWNvcmQ');

    const restarted = await startVaultDevServer({ port: 0, dataDir: dir });
    try {
      const unsealed = await call(restarted, 'PUT', 'sys/unseal', { body: { key } });
      expect(unsealed.body.sealed).toBe(false);
      const read = await call(restarted, 'GET', 'secret/data/a', { token });
      expect(read.body.data?.data).toEqual({ v: 'before' });
    } finally {
      await restarted.close();
    }
  });
});
