import { randomBytes } from 'node:crypto';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  secretsMountSchema,
  secretsPathSchema,
  vaultUrlSchema,
} from '@vault-secrets/shared';
import { z } from 'zod';

/** The controller-local Vault configuration, like a regiond.conf. */
export const LOCAL_VAULT_CONFIG_FILE = 'vault.json';

const FILE_MODE = 0o600;

const credential = (what: string) =>
  z.string().min(1, `The ${what} is empty.`).max(1024, `The ${what} is too long.`);

export const localVaultConfigSchema = z.strictObject({
  url: vaultUrlSchema,
  roleId: credential('role ID'),
  secretId: credential('secret ID'),
  secretsPath: secretsPathSchema,
  secretsMount: secretsMountSchema,
  configuredAt: z.iso.datetime({ message: 'configuredAt is not an ISO date and time.' }),
});
export type LocalVaultConfig = z.output<typeof localVaultConfigSchema>;

/** A configuration file that cannot be used, with what to do about it. */
export class LocalVaultConfigError extends Error {
  override readonly name = 'LocalVaultConfigError';

  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

export function localVaultConfigPath(dir: string): string {
  return join(dir, LOCAL_VAULT_CONFIG_FILE);
}

const REWRITE_HINT =
  'Configure Vault on this controller again (config-vault configure … --yes) to rewrite it.';

/** Field names and zod's wording only: never the values, which may be secrets. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`)
    .join('; ');
}

/** This controller's Vault configuration, or null when it has none yet. */
export async function readLocalVaultConfig(
  dir: string,
): Promise<LocalVaultConfig | null> {
  const file = localVaultConfigPath(dir);
  let text: string;
  try {
    const info = await stat(file);
    if ((info.mode & 0o077) !== 0) {
      const mode = (info.mode & 0o777).toString(8);
      throw new LocalVaultConfigError(
        `${file} can be read by other users (mode ${mode}); it holds a secret ID. ` +
          `Run chmod 600 ${file}.`,
        file,
      );
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof LocalVaultConfigError) throw error;
    if (isErrno(error, 'ENOENT')) return null;
    throw new LocalVaultConfigError(
      `Cannot read ${file} (${errnoCode(error)}). Check its owner and permissions.`,
      file,
    );
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the file's text, which holds the secret ID.
    throw new LocalVaultConfigError(`${file} is not valid JSON. ${REWRITE_HINT}`, file);
  }
  const parsed = localVaultConfigSchema.safeParse(json);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    throw new LocalVaultConfigError(
      `${file} is invalid: ${problems}. ${REWRITE_HINT}`,
      file,
    );
  }
  return parsed.data;
}

/**
 * Replaces the configuration atomically: a reader sees the old file or the new
 * one, never half of either. The file is 0600 from the moment it exists.
 */
export async function writeLocalVaultConfig(
  dir: string,
  config: LocalVaultConfig,
): Promise<void> {
  const file = localVaultConfigPath(dir);
  const parsed = localVaultConfigSchema.safeParse(config);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    throw new LocalVaultConfigError(`Refusing to write ${file}: ${problems}.`, file);
  }

  const temp = join(
    dir,
    `.${LOCAL_VAULT_CONFIG_FILE}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      // A restrictive umask could have taken bits away; make the mode exact.
      await handle.chmod(FILE_MODE);
      await handle.writeFile(`${JSON.stringify(parsed.data, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new LocalVaultConfigError(
      `Cannot write ${file} (${errnoCode(error)}). Check that ${dir} exists and is writable.`,
      file,
    );
  }
  await syncDirectory(dir);
}

/** Makes the rename durable: without it a crash may bring back the old file. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface LocalVaultConfigSummary {
  url: string;
  roleId: string;
  secretsPath: string;
  secretsMount: string;
  configuredAt: string;
}

/** What status output may show: everything except the secret ID. */
export function describeLocalVaultConfig(
  config: LocalVaultConfig,
): LocalVaultConfigSummary {
  const { url, roleId, secretsPath, secretsMount, configuredAt } = config;
  return { url, roleId, secretsPath, secretsMount, configuredAt };
}

function isErrno(error: unknown, code: string): boolean {
  return errnoCode(error) === code;
}

function errnoCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return String(error.code);
  }
  return 'unknown error';
}
