import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/pool';
import type { Logger } from '../logging/logger';
import { createUserIfAbsent, findUserForLogin } from './users-repository';

/**
 * Creates the first administrator when the username is free. With no
 * ADMIN_PASSWORD, a password is generated and printed once, through the logger,
 * by the controller that created the account: the one time a secret may appear
 * in a log, because otherwise nobody could ever log in. A later start never
 * changes an existing account (use `createadmin --update` for that).
 */
export async function bootstrapAdmin(
  db: Queryable,
  admin: { username: string; password: string | undefined },
  log: Logger,
) {
  // Hashing is deliberately slow; skip it on every start but the first.
  if (await findUserForLogin(db, admin.username)) return;

  const password = admin.password ?? randomBytes(12).toString('base64url');
  const created = await createUserIfAbsent(db, {
    username: admin.username,
    password,
    role: 'admin',
  });
  if (!created) return;

  if (admin.password) {
    log.info({ username: admin.username }, 'administrator created from ADMIN_PASSWORD');
  } else {
    // Field named so the redaction rules for `password` do not hide it.
    log.warn(
      { username: admin.username, generatedAdminPassword: password },
      'administrator created with a generated password; note it now, it is shown only once',
    );
  }
}
