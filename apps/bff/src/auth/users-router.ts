import { Router } from 'express';
import type { Queryable } from '../db/pool';
import { methodNotAllowed } from '../http/error-handler';
import { requireAdmin } from './authenticate';
import type { SessionService } from './sessions';
import { listUsers } from './users-repository';

/** `GET /api/v1/users`: who may log in, for administrators. */
export function createUsersRouter({
  db,
  sessions,
}: {
  db: Queryable;
  sessions: SessionService;
}) {
  const router = Router();
  router
    .route('/')
    .get(requireAdmin(sessions), async (_req, res) => {
      res.json({ users: await listUsers(db) });
    })
    .all(methodNotAllowed);
  return router;
}
