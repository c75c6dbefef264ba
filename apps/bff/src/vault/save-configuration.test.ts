import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalVaultConfig } from './local-config';
import { saveConfiguration } from './save-configuration';

let dir: string;
const config: LocalVaultConfig = {
  url: 'https://vault.example.com:8200',
  roleId: 'role-id',
  secretId: 'secret-id-new',
  secretsPath: 'maas',
  secretsMount: 'secret',
  configuredAt: '2026-12-03T13:00:00.000Z',
};
const databaseDown = () => Promise.reject(new Error('database down'));

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'save-configuration-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saving a proven configuration', () => {
  it('writes the file, then marks the database with the same time', async () => {
    let marked: Date | null = null;
    await saveConfiguration(dir, config, async (at) => {
      marked = at;
    });
    expect(JSON.parse(await readFile(path.join(dir, 'vault.json'), 'utf8'))).toEqual(
      config,
    );
    expect(marked).toEqual(new Date(config.configuredAt));
  });

  it('removes the new file when the database cannot be marked and there was none', async () => {
    await expect(saveConfiguration(dir, config, databaseDown)).rejects.toThrow(
      'database down',
    );
    await expect(stat(path.join(dir, 'vault.json'))).rejects.toThrow(/ENOENT/);
  });

  it('puts the previous file back byte for byte, mode 0600, when the database fails', async () => {
    const file = path.join(dir, 'vault.json');
    const previous = '{"an": "older configuration, even one this version cannot read"}\n';
    await writeFile(file, previous, { mode: 0o600 });
    await expect(saveConfiguration(dir, config, databaseDown)).rejects.toThrow(
      'database down',
    );
    expect(await readFile(file, 'utf8')).toBe(previous);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
