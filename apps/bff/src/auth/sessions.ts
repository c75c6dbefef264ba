import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { User } from '@vault-secrets/shared';
import type { Queryable } from '../db/pool';
import type { SessionKeyProvider } from './session-keys';

export const SESSION_COOKIE = 'sessionid';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** last_seen is refreshed at most this often, to spare a write per request. */
const LAST_SEEN_PRECISION_MS = 60_000;

/** Rows store this digest, never the id itself. */
const digest = (sessionId: string) =>
  createHash('sha256').update(sessionId).digest('hex');

function sign(key: Buffer, sessionId: string): string {
  return createHmac('sha256', key).update(sessionId).digest('base64url');
}

/** The session id inside a cookie value, when its signature holds. */
function verifiedSessionId(key: Buffer, cookieValue: string): string | null {
  const [sessionId, signature, extra] = cookieValue.split('.');
  if (!sessionId || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(key, sessionId));
  const actual = Buffer.from(signature);
  return actual.length === expected.length && timingSafeEqual(actual, expected)
    ? sessionId
    : null;
}

export interface IssuedSession {
  cookieValue: string;
  maxAgeSeconds: number;
}

export interface SessionService {
  issue(userId: string): Promise<IssuedSession>;
  /** The user of a valid, unexpired session, or null. */
  resolve(cookieValue: string): Promise<User | null>;
  end(cookieValue: string): Promise<void>;
}

export function createSessionService(
  db: Queryable,
  keys: SessionKeyProvider,
): SessionService {
  return {
    async issue(userId) {
      const key = await keys.current();
      const sessionId = randomBytes(32).toString('base64url');
      await db.query(
        `INSERT INTO sessions (id, user_id, expires_at)
         VALUES ($1, $2, now() + make_interval(secs => $3))`,
        [digest(sessionId), userId, SESSION_TTL_MS / 1000],
      );
      return {
        cookieValue: `${sessionId}.${sign(key, sessionId)}`,
        maxAgeSeconds: SESSION_TTL_MS / 1000,
      };
    },

    async resolve(cookieValue) {
      const sessionId = verifiedSessionId(await keys.current(), cookieValue);
      if (!sessionId) return null;

      const result = await db.query<User & { stale: boolean }>(
        `SELECT u.id, u.username, u.role,
                s.last_seen < now() - make_interval(secs => $2) AS stale
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.id = $1 AND s.expires_at > now()`,
        [digest(sessionId), LAST_SEEN_PRECISION_MS / 1000],
      );
      const row = result.rows[0];
      if (!row) return null;
      if (row.stale) {
        await db.query('UPDATE sessions SET last_seen = now() WHERE id = $1', [
          digest(sessionId),
        ]);
      }
      return { id: row.id, username: row.username, role: row.role };
    },

    async end(cookieValue) {
      const sessionId = verifiedSessionId(await keys.current(), cookieValue);
      if (sessionId)
        await db.query('DELETE FROM sessions WHERE id = $1', [digest(sessionId)]);
    },
  };
}

/** Removes expired rows; called now and then, not on every request. */
export async function deleteExpiredSessions(db: Queryable): Promise<number> {
  const result = await db.query('DELETE FROM sessions WHERE expires_at <= now()');
  return result.rowCount ?? 0;
}
