import type { Role, User } from '@vault-secrets/shared';
import type { Queryable } from '../db/pool';
import { hashPassword } from './password';

interface UserRow {
  id: string;
  username: string;
  role: Role;
  password_hash: string;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  role: row.role,
});

export async function findUserForLogin(
  db: Queryable,
  username: string,
): Promise<(User & { passwordHash: string }) | null> {
  const result = await db.query<UserRow>(
    'SELECT id, username, role, password_hash FROM users WHERE username = $1',
    [username],
  );
  const row = result.rows[0];
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const result = await db.query<UserRow>(
    'SELECT id, username, role FROM users ORDER BY username',
  );
  return result.rows.map(toUser);
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
}

/** Creates the user unless the username is taken; returns null when it was. */
export async function createUserIfAbsent(
  db: Queryable,
  user: NewUser,
): Promise<User | null> {
  const passwordHash = await hashPassword(user.password);
  const result = await db.query<UserRow>(
    `INSERT INTO users (username, password_hash, role) VALUES ($1, $2, $3)
     ON CONFLICT (username) DO NOTHING
     RETURNING id, username, role`,
    [user.username, passwordHash, user.role],
  );
  const row = result.rows[0];
  return row ? toUser(row) : null;
}

/** Creates the user or replaces the password and role of an existing one. */
export async function upsertUser(db: Queryable, user: NewUser): Promise<User> {
  const passwordHash = await hashPassword(user.password);
  const result = await db.query<UserRow>(
    `INSERT INTO users (username, password_hash, role) VALUES ($1, $2, $3)
     ON CONFLICT (username) DO UPDATE
       SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role
     RETURNING id, username, role`,
    [user.username, passwordHash, user.role],
  );
  const row = result.rows[0];
  if (!row) throw new Error('The user was not written.');
  return toUser(row);
}
