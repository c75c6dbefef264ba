import express, { type Router } from 'express';
import helmet from 'helmet';
import { createAuthRouter } from '../auth/auth-router';
import { issueCsrfCookie, requireCsrfToken } from '../auth/csrf';
import {
  createLoginRateLimiter,
  DEFAULT_LOGIN_LIMITS,
  type LoginRateLimiter,
} from '../auth/login-rate-limiter';
import type { SessionService } from '../auth/sessions';
import { createUsersRouter } from '../auth/users-router';
import { createControllersRouter } from '../controllers/controllers-router';
import type { Queryable } from '../db/pool';
import type { Logger } from '../logging/logger';
import { apiNotFound, createErrorHandler, notFound } from './error-handler';
import { createHttpMetrics, rememberMountPoint } from './metrics';
import { requestLog } from './request-log';
import { createWebAppRouter } from './web-app';

export const JSON_BODY_LIMIT = '64kb';

/** A router another part of the BFF adds, mounted at `path` (e.g. `/api/v1/vault`). */
export interface MountedRouter {
  path: string;
  router: Router;
}

export interface AppDeps {
  db: Queryable;
  log: Logger;
  sessions: SessionService;
  webDist: string;
  loginLimiter?: LoginRateLimiter;
  /**
   * Mounted after the built-in API routes. Under /api they sit behind the CSRF
   * check and the JSON parser; elsewhere (controller-to-controller routes) they
   * parse their own bodies and authenticate their own way.
   */
  routers?: MountedRouter[];
}

export function createApp(deps: AppDeps) {
  const { db, log, sessions } = deps;
  const app = express();
  const metrics = createHttpMetrics();
  app.disable('x-powered-by');

  app.use(
    helmet({
      // Controllers are often reached over plain HTTP inside the cluster.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  app.use(metrics.middleware, requestLog(log));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', metrics.handler);

  // Pages get the CSRF cookie too, so the web app has it before its first write.
  app.use(issueCsrfCookie);
  app.use('/api', requireCsrfToken, express.json({ limit: JSON_BODY_LIMIT }));
  const loginLimiter = deps.loginLimiter ?? createLoginRateLimiter(DEFAULT_LOGIN_LIMITS);
  const routers: MountedRouter[] = [
    {
      path: '/api/v1/auth',
      router: createAuthRouter({ db, sessions, loginLimiter, log }),
    },
    { path: '/api/v1/controllers', router: createControllersRouter({ db, sessions }) },
    { path: '/api/v1/users', router: createUsersRouter({ db, sessions }) },
    ...(deps.routers ?? []),
  ];
  for (const { path, router } of routers) app.use(path, rememberMountPoint(path), router);
  app.use('/api', apiNotFound);

  app.use(createWebAppRouter(deps.webDist));
  app.use(notFound);
  app.use(createErrorHandler(log));
  return app;
}
