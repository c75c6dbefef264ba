import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  localVaultConfigPath,
  writeLocalVaultConfig,
  type LocalVaultConfig,
} from './local-config';

async function readIfPresent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}

/** Puts back exactly the bytes that were there (or nothing), mode 0600. */
async function restore(dir: string, previous: Buffer | null): Promise<void> {
  const file = localVaultConfigPath(dir);
  if (previous === null) {
    await unlink(file).catch(() => undefined);
    return;
  }
  const temp = join(dir, `.vault.json.restore-${process.pid}.tmp`);
  await writeFile(temp, previous, { mode: 0o600 });
  await rename(temp, file);
}

/**
 * Writes `vault.json`, then records the configuration in the database with
 * `markConfigured`. When the second step fails the file goes back to what it
 * was, so the two never disagree because of us.
 */
export async function saveConfiguration(
  dir: string,
  config: LocalVaultConfig,
  markConfigured: (at: Date) => Promise<void>,
): Promise<void> {
  const previous = await readIfPresent(localVaultConfigPath(dir));
  await writeLocalVaultConfig(dir, config);
  try {
    await markConfigured(new Date(config.configuredAt));
  } catch (error) {
    await restore(dir, previous);
    throw error;
  }
}
