import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeDatabaseUrlProblem } from '../db/database-url';

export const CONTROLLER_FILE = 'controller.json';

const controllerFileSchema = z.strictObject({
  id: z.uuid('must be a UUID'),
  name: z.string().trim().min(1, 'must not be empty').max(100),
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  databaseUrl: z
    .string()
    .nullable()
    .superRefine((value, ctx) => {
      const problem = value === null ? null : describeDatabaseUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

/** What a controller keeps in its own directory, like a regiond.conf. */
export type ControllerIdentity = z.infer<typeof controllerFileSchema>;

export class ControllerDirError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ControllerDirError';
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/**
 * Reads `controller.json` from a controller directory. Returns null when the
 * directory has never been used; throws ControllerDirError naming the problem
 * when the file is unreadable or invalid.
 */
export async function loadControllerDir(dir: string): Promise<ControllerIdentity | null> {
  const file = path.join(dir, CONTROLLER_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    throw new ControllerDirError(`Cannot read ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ControllerDirError(`${file} is not valid JSON; fix or remove it.`);
  }
  const parsed = controllerFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(file)'} ${issue.message}`)
      .join('; ');
    throw new ControllerDirError(`${file} is invalid: ${problems}.`);
  }
  return parsed.data;
}

/**
 * Writes the identity atomically with mode 0600 in a 0700 directory. The id
 * and name stay as first written; the URL and database URL follow each start,
 * so that a CLI pointed at the directory reaches the same database.
 * Limitation: nothing stops two running controllers from sharing one
 * directory; they would register as one controller and overwrite each other's
 * URL. Give each controller its own CONTROLLER_DIR.
 */
export async function saveControllerDir(
  dir: string,
  identity: ControllerIdentity,
): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const file = path.join(dir, CONTROLLER_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(identity, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}

/** The database a CLI should use: DATABASE_URL when set, else the directory's record. */
export function resolveDatabaseUrl(
  identity: ControllerIdentity,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const fromEnv = env.DATABASE_URL?.trim();
  if (fromEnv) {
    const problem = describeDatabaseUrlProblem(fromEnv);
    if (problem) throw new ControllerDirError(`DATABASE_URL ${problem}.`);
    return fromEnv;
  }
  if (identity.databaseUrl) return identity.databaseUrl;
  throw new ControllerDirError(
    'The controller directory records no database; set DATABASE_URL or start the controller once.',
  );
}
