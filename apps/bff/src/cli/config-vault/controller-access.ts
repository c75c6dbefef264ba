import path from 'node:path';
import {
  ControllerDirError,
  loadControllerDir,
  resolveDatabaseUrl,
  type ControllerIdentity,
} from '../../config/controller-dir';
import { checkDatabaseReachable, createPool, type Pool } from '../../db/pool';
import { createLogger, type Logger } from '../../logging/logger';
import { UsageError } from '../args';

export interface ControllerAccess {
  identity: ControllerIdentity;
  dir: string;
  db: Pool;
  log: Logger;
  close(): Promise<void>;
}

/**
 * Opens what the CLI acts on: the controller directory's identity and its
 * database. Logs go to stderr only when LOG_LEVEL asks for them, so a failure
 * stays a single line by default.
 */
export async function openController(
  flagDir: string | undefined,
): Promise<ControllerAccess> {
  const given = flagDir ?? process.env.CONTROLLER_DIR?.trim();
  if (!given) {
    throw new UsageError(
      'Name the controller: set CONTROLLER_DIR or pass --controller-dir to its directory.',
    );
  }
  const dir = path.resolve(given);
  const identity = await loadControllerDir(dir);
  if (!identity) {
    throw new ControllerDirError(
      `${dir} holds no controller.json; start the controller once with CONTROLLER_DIR=${dir}, or check the path.`,
    );
  }
  const databaseUrl = resolveDatabaseUrl(identity);
  const log = createLogger({
    level: process.env.LOG_LEVEL?.trim() || 'silent',
    destination: process.stderr,
  });
  const db = createPool(databaseUrl, log);
  try {
    await checkDatabaseReachable(db, databaseUrl);
  } catch (error) {
    await db.end();
    throw error;
  }
  return { identity, dir, db, log, close: () => db.end() };
}
