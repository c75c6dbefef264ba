import { join } from 'node:path';
import { z } from 'zod';
import { startManagedProcess, type ManagedProcess } from './managed-process';

/** Tells `postgres-process.ts` where the data directory is. */
export const POSTGRES_DIR_ENV = 'DEV_CLUSTER_POSTGRES_DIR';

/** The one message `postgres-process.ts` sends, over the IPC channel (never a log). */
export const postgresReadySchema = z.object({ databaseUrl: z.string().min(1) });
export type PostgresReady = z.infer<typeof postgresReadySchema>;

const READY_TIMEOUT_MS = 120_000;

export interface DatabaseProcess extends ManagedProcess {
  databaseUrl: string;
}

/** Starts the embedded PostgreSQL in its own process and waits until it is ready. */
export async function startDatabaseProcess(options: {
  repoRoot: string;
  dataDir: string;
  log: (line: string) => void;
}): Promise<DatabaseProcess> {
  const managed = startManagedProcess({
    name: 'postgres',
    script: join(options.repoRoot, 'apps/bff/src/dev-cluster/postgres-process.ts'),
    cwd: options.repoRoot,
    env: { [POSTGRES_DIR_ENV]: join(options.dataDir, 'postgres') },
    logFile: join(options.dataDir, 'logs', 'postgres.log'),
    log: options.log,
  });

  const ready = new Promise<PostgresReady>((resolve, reject) => {
    managed.child.once('message', (message) => {
      const parsed = postgresReadySchema.safeParse(message);
      if (parsed.success) resolve(parsed.data);
      else reject(new Error('the PostgreSQL process sent an unexpected message'));
    });
    void managed.exited.then((how) =>
      reject(new Error(`embedded PostgreSQL ${how} before it was ready`)),
    );
    setTimeout(
      () =>
        reject(
          new Error(`embedded PostgreSQL was not ready within ${READY_TIMEOUT_MS} ms`),
        ),
      READY_TIMEOUT_MS,
    ).unref();
  });

  try {
    const { databaseUrl } = await ready;
    return { ...managed, databaseUrl };
  } catch (error) {
    await managed.stop();
    const logFile = join(options.dataDir, 'logs', 'postgres.log');
    throw new Error(`${(error as Error).message}; its log is ${logFile}`, {
      cause: error,
    });
  }
}
