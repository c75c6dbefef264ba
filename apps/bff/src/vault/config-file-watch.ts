import { stat } from 'node:fs/promises';
import {
  LocalVaultConfigError,
  localVaultConfigPath,
  readLocalVaultConfig,
  type LocalVaultConfig,
} from './local-config';

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

export type ConfigFileLook =
  | { changed: false }
  | {
      changed: true;
      stamp: string | null;
      /** The configuration, or null when there is none or it cannot be used. */
      config: LocalVaultConfig | null;
      /** Why an existing file cannot be used; safe to show (names no value). */
      problem: string | null;
    };

/** Reads `vault.json` again only when its stamp differs from `lastStamp`. */
export async function lookAtConfigFile(
  dir: string,
  lastStamp: string | null | undefined,
): Promise<ConfigFileLook> {
  const file = localVaultConfigPath(dir);
  let stamp: string | null;
  try {
    stamp = await fileStamp(file);
  } catch (error) {
    const code = String((error as { code?: unknown }).code);
    // A stamp of its own, so the same failure is reported (and logged) once.
    const failed = `unreadable:${code}`;
    if (failed === lastStamp) return { changed: false };
    const problem = `Cannot look at ${file} (${code}); check the directory's permissions.`;
    return { changed: true, stamp: failed, config: null, problem };
  }
  if (stamp === lastStamp) return { changed: false };
  try {
    return {
      changed: true,
      stamp,
      config: await readLocalVaultConfig(dir),
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof LocalVaultConfigError)) throw error;
    return { changed: true, stamp, config: null, problem: error.message };
  }
}
