import type { User } from '@vault-secrets/shared';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../http/app-error';
import { readCookies } from '../http/cookies';
import { SESSION_COOKIE, type SessionService } from './sessions';

// Per-request memo of who is logged in, kept off the Request type so no
// handler reads a user that authentication did not establish.
const resolved = new WeakMap<Request, Promise<User | null>>();

/** The logged-in user of this request, or null; the session is looked up once per request. */
export function currentUser(
  sessions: SessionService,
  req: Request,
): Promise<User | null> {
  let user = resolved.get(req);
  if (!user) {
    const cookie = readCookies(req).get(SESSION_COOKIE);
    user = cookie ? sessions.resolve(cookie) : Promise.resolve(null);
    resolved.set(req, user);
  }
  return user;
}

const unauthenticated = () =>
  new AppError(
    'UNAUTHENTICATED',
    401,
    'Log in to continue; your session is missing or has ended.',
  );

/** The user that requireUser or requireAdmin admitted. */
export async function authenticatedUser(
  sessions: SessionService,
  req: Request,
): Promise<User> {
  const user = await currentUser(sessions, req);
  if (!user) throw unauthenticated();
  return user;
}

export function requireUser(sessions: SessionService): RequestHandler {
  return async (req, _res, next) => {
    const user = await currentUser(sessions, req);
    next(user ? undefined : unauthenticated());
  };
}

export function requireAdmin(sessions: SessionService): RequestHandler {
  return async (req, _res, next) => {
    const user = await currentUser(sessions, req);
    if (!user) next(unauthenticated());
    else if (user.role !== 'admin') {
      next(new AppError('FORBIDDEN', 403, 'Only administrators may do this.'));
    } else next();
  };
}
