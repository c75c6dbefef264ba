import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeLocalVaultConfig,
  LocalVaultConfigError,
  localVaultConfigPath,
  readLocalVaultConfig,
  writeLocalVaultConfig,
  type LocalVaultConfig,
} from './local-config';

const SECRET_ID = '5b1e0c2a-9d3f-4e7a-8c6b-secret-id-value';

const config: LocalVaultConfig = {
  url: 'https://vault.example.com:8200',
  roleId: 'e3b0c442-role-id',
  secretId: SECRET_ID,
  secretsPath: 'maas',
  secretsMount: 'secret',
  configuredAt: '2026-12-03T13:00:00.000Z',
};

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vault-local-config-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('controller-local Vault configuration', () => {
  it('reads nothing when the controller has not been configured', async () => {
    expect(await readLocalVaultConfig(dir)).toBeNull();
  });

  it('writes a file only its owner can read, and reads it back', async () => {
    await writeLocalVaultConfig(dir, config);
    const info = await stat(localVaultConfigPath(dir));
    expect(info.mode & 0o777).toBe(0o600);
    expect(await readLocalVaultConfig(dir)).toEqual(config);
  });

  it('replaces an existing file with mode 0600 and leaves no temporary file', async () => {
    await writeLocalVaultConfig(dir, config);
    await chmod(localVaultConfigPath(dir), 0o600);
    await writeLocalVaultConfig(dir, { ...config, secretsPath: 'maas/region' });

    expect((await readLocalVaultConfig(dir))?.secretsPath).toBe('maas/region');
    expect(await readdir(dir)).toEqual(['vault.json']);
    expect((await stat(localVaultConfigPath(dir))).mode & 0o777).toBe(0o600);
  });

  it('never shows a reader half a file while it is being rewritten', async () => {
    await writeLocalVaultConfig(dir, config);
    const writes = Array.from({ length: 30 }, (_, i) =>
      writeLocalVaultConfig(dir, { ...config, secretsPath: `maas/r${i}` }),
    );
    const reads = Array.from({ length: 60 }, () => readLocalVaultConfig(dir));
    const seen = await Promise.all(reads);
    await Promise.all(writes);
    for (const read of seen) expect(read?.secretsPath).toMatch(/^maas(\/r\d+)?$/);
  });

  it('keeps the old file and removes its temporary file when the rename fails', async () => {
    // A directory where the file should be makes the final rename fail.
    await mkdir(localVaultConfigPath(dir));
    await expect(writeLocalVaultConfig(dir, config)).rejects.toThrow(/Cannot write/);
    expect(await readdir(dir)).toEqual(['vault.json']);
  });

  it('says the file is not valid JSON without quoting it', async () => {
    await writeFile(localVaultConfigPath(dir), `{"secretId": "${SECRET_ID}", `, {
      mode: 0o600,
    });
    const failure = readLocalVaultConfig(dir);
    await expect(failure).rejects.toThrow(LocalVaultConfigError);
    await expect(failure).rejects.toThrow(/is not valid JSON\. Configure Vault/);
    await expect(failure).rejects.not.toThrow(SECRET_ID);
  });

  it('names the bad fields of a file of the wrong shape, not their values', async () => {
    const bad = { ...config, url: 'ftp://vault', secretsPath: '../up', extra: SECRET_ID };
    await writeFile(localVaultConfigPath(dir), JSON.stringify(bad), { mode: 0o600 });
    const error = await readLocalVaultConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalVaultConfigError);
    const message = (error as Error).message;
    expect(message).toContain('url: The Vault URL must start with http:// or https://.');
    expect(message).toContain(
      'secretsPath: The secrets path must not contain . or .. segments',
    );
    expect(message).not.toContain(SECRET_ID);
  });

  it('refuses a file that other users can read, saying how to fix it', async () => {
    await writeFile(localVaultConfigPath(dir), JSON.stringify(config), { mode: 0o644 });
    await chmod(localVaultConfigPath(dir), 0o644);
    await expect(readLocalVaultConfig(dir)).rejects.toThrow(/mode 644.*chmod 600/);
  });

  it('refuses to write a configuration that would not read back', async () => {
    await expect(
      writeLocalVaultConfig(dir, { ...config, secretsMount: 'a/b' }),
    ).rejects.toThrow(/secretsMount/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('describes the configuration for status output without the secret ID', () => {
    const summary = describeLocalVaultConfig(config);
    expect(summary).toEqual({
      url: config.url,
      roleId: config.roleId,
      secretsPath: 'maas',
      secretsMount: 'secret',
      configuredAt: config.configuredAt,
    });
    expect(JSON.stringify(summary)).not.toContain(SECRET_ID);
  });
});
