import path from 'node:path';
import { loginRequestSchema } from '@vault-secrets/shared';
import {
  ControllerDirError,
  loadControllerDir,
  resolveDatabaseUrl,
} from '../config/controller-dir';
import { createPool } from '../db/pool';
import { checkDatabaseReachable } from '../db/pool';
import { createLogger } from '../logging/logger';
import { createUserIfAbsent, upsertUser } from '../auth/users-repository';
import { parseCreateAdminArgs, UsageError, type CreateAdminArgs } from './args';
import { promptPassword } from './prompt-password';
import { printProblem, printResult } from './terminal';

const USAGE =
  'Usage: createadmin --username USER [--password PASSWORD] [--role admin|user] [--update] [--controller-dir DIR]';

async function passwordFor(args: CreateAdminArgs): Promise<string> {
  const password =
    args.password ?? (await promptPassword(`Password for ${args.username}: `));
  const checked = loginRequestSchema.safeParse({ username: args.username, password });
  if (!checked.success)
    throw new UsageError(checked.error.issues[0]?.message ?? 'Invalid input.');
  return password;
}

async function createAdmin(argv: string[]) {
  const args = parseCreateAdminArgs(argv);
  const dir = path.resolve(
    args.controllerDir ?? process.env.CONTROLLER_DIR ?? '.data/controller',
  );
  const identity = await loadControllerDir(dir);
  if (!identity && !process.env.DATABASE_URL) {
    throw new ControllerDirError(
      `${dir} holds no controller; start the controller once, or pass --controller-dir or DATABASE_URL.`,
    );
  }
  const databaseUrl = identity
    ? resolveDatabaseUrl(identity)
    : (process.env.DATABASE_URL ?? '');
  const password = await passwordFor(args);

  const db = createPool(databaseUrl, createLogger({ level: 'silent' }));
  try {
    await checkDatabaseReachable(db, databaseUrl);
    const user = { username: args.username, password, role: args.role };
    if (args.update) {
      const saved = await upsertUser(db, user);
      // A changed password must not leave old sessions alive.
      await db.query('DELETE FROM sessions WHERE user_id = $1', [saved.id]);
      printResult(`User ${saved.username} (${saved.role}) saved.`);
      return;
    }
    const created = await createUserIfAbsent(db, user);
    if (!created) {
      throw new UsageError(
        `User ${args.username} already exists; add --update to replace its password and role.`,
      );
    }
    printResult(`User ${created.username} (${created.role}) created.`);
  } finally {
    await db.end();
  }
}

createAdmin(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  printProblem(`createadmin: ${message.split('\n')[0]}`);
  if (error instanceof UsageError) printProblem(USAGE);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
