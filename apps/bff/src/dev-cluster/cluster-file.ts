import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/** What `npm start` writes to `$DATA_DIR/dev-cluster.json` (DESIGN.md, Commands). */
export const devClusterInfoSchema = z.object({
  vault: z.object({
    addr: z.string(),
    rootToken: z.string(),
    unsealKeys: z.array(z.string()),
    roleId: z.string(),
    wrappedSecretIds: z.array(z.string()),
    secretsPath: z.string(),
    secretsMount: z.string(),
  }),
  controllers: z.array(z.object({ name: z.string(), url: z.string(), dir: z.string() })),
  admin: z.object({ username: z.string(), password: z.string() }),
});
export type DevClusterInfo = z.infer<typeof devClusterInfoSchema>;

/** The part of an earlier file that a later start can reuse; every field may be missing. */
const previousRunSchema = z.object({
  vault: z
    .object({ rootToken: z.string(), unsealKeys: z.array(z.string()).min(1) })
    .partial()
    .nullish(),
  admin: z
    .object({ password: z.string().min(1) })
    .partial()
    .nullish(),
});
export type PreviousRun = z.infer<typeof previousRunSchema>;

export const CLUSTER_FILE_NAME = 'dev-cluster.json';

export function clusterFilePath(dataDir: string): string {
  return join(dataDir, CLUSTER_FILE_NAME);
}

/** Reads what an earlier start left behind, or `{}` on a first start. */
export async function readPreviousRun(dataDir: string): Promise<PreviousRun> {
  const path = clusterFilePath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(
      `${path} is not valid JSON; restore it or remove ${dataDir} to start over.`,
    );
  }
  const result = previousRunSchema.safeParse(parsed);
  if (!result.success) {
    throw new Error(
      `${path} does not have the expected shape; restore it or remove ${dataDir} to start over.`,
    );
  }
  return result.data;
}

/**
 * Writes the file readable by its owner only. The content goes to a temporary file
 * first, so that a crash never leaves half a file holding the only copy of the
 * unseal keys.
 */
export async function writeClusterFile(dataDir: string, content: unknown): Promise<void> {
  const path = clusterFilePath(dataDir);
  const temporary = `${path}.${process.pid}.tmp`;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  // The mode given to writeFile is filtered by the umask; set it explicitly.
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}
