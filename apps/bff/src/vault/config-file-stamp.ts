import { stat } from 'node:fs/promises';
import type { LocalVaultConfig } from './local-config';

/**
 * Identifies one version of the file: a rename (how it is written) changes the
 * inode, and a chmod changes ctime (a file others may read is refused).
 */
export async function fileStamp(file: string): Promise<string | null> {
  try {
    const info = await stat(file);
    return `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}

/** Same Vault, same identity, same secrets: nothing to reconnect. */
export const sameConnection = (a: LocalVaultConfig, b: LocalVaultConfig) =>
  a.url === b.url &&
  a.roleId === b.roleId &&
  a.secretId === b.secretId &&
  a.secretsMount === b.secretsMount &&
  a.secretsPath === b.secretsPath;
