import { loginRequestSchema, type SessionResponse } from '@vault-secrets/shared';
import { Router, type Request } from 'express';
import type { Queryable } from '../db/pool';
import { methodNotAllowed } from '../http/error-handler';
import { AppError } from '../http/app-error';
import { clearCookie, readCookies, setCookie } from '../http/cookies';
import { parseInput } from '../http/validate';
import type { Logger } from '../logging/logger';
import { refreshCsrfCookie } from './csrf';
import { authenticatedUser, requireUser } from './authenticate';
import type { LoginRateLimiter } from './login-rate-limiter';
import { verifyAgainstDummy, verifyPassword } from './password';
import { SESSION_COOKIE, type SessionService } from './sessions';
import { findUserForLogin } from './users-repository';

export interface AuthRouterDeps {
  db: Queryable;
  sessions: SessionService;
  loginLimiter: LoginRateLimiter;
  log: Logger;
}

const limiterKey = (req: Request, username: string) =>
  `${req.ip ?? 'unknown'}|${username.toLowerCase()}`;

export function createAuthRouter({ db, sessions, loginLimiter, log }: AuthRouterDeps) {
  const router = Router();

  router
    .route('/login')
    .post(async (req, res) => {
      const { username, password } = parseInput(loginRequestSchema, req.body);
      const key = limiterKey(req, username);
      const retryAfter = loginLimiter.retryAfterSeconds(key);
      if (retryAfter > 0) {
        log.warn({ username, ip: req.ip }, 'login rate limited');
        throw new AppError(
          'RATE_LIMITED',
          429,
          `Too many failed logins; try again in ${retryAfter} seconds.`,
          { retryAfterSeconds: retryAfter },
          { 'Retry-After': String(retryAfter) },
        );
      }

      const user = await findUserForLogin(db, username);
      const valid = user
        ? await verifyPassword(password, user.passwordHash)
        : await verifyAgainstDummy(password);
      if (!user || !valid) {
        loginLimiter.recordFailure(key);
        log.info({ username, ip: req.ip }, 'login failed');
        throw new AppError(
          'INVALID_CREDENTIALS',
          401,
          'The username or password is wrong.',
        );
      }

      loginLimiter.reset(key);
      // A fresh session id at every login: a session id planted before login is worthless.
      const previous = readCookies(req).get(SESSION_COOKIE);
      if (previous) await sessions.end(previous);
      const session = await sessions.issue(user.id);
      setCookie(req, res, SESSION_COOKIE, session.cookieValue, {
        httpOnly: true,
        maxAgeSeconds: session.maxAgeSeconds,
      });
      log.info({ username, userId: user.id }, 'login succeeded');
      const body: SessionResponse = {
        user: { id: user.id, username: user.username, role: user.role },
      };
      res.json(body);
    })
    .all(methodNotAllowed);

  router
    .route('/logout')
    .post(requireUser(sessions), async (req, res) => {
      const user = await authenticatedUser(sessions, req);
      const cookie = readCookies(req).get(SESSION_COOKIE);
      if (cookie) await sessions.end(cookie);
      clearCookie(req, res, SESSION_COOKIE, true);
      log.info({ username: user.username }, 'logout');
      res.status(204).end();
    })
    .all(methodNotAllowed);

  router
    .route('/session')
    .get(refreshCsrfCookie, requireUser(sessions), async (req, res) => {
      const body: SessionResponse = { user: await authenticatedUser(sessions, req) };
      res.json(body);
    })
    .all(methodNotAllowed);

  return router;
}
