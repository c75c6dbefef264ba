import type { ControllersResponse } from '@vault-secrets/shared';
import { Router } from 'express';
import { z } from 'zod';
import { requireUser } from '../auth/authenticate';
import type { SessionService } from '../auth/sessions';
import type { Queryable } from '../db/pool';
import { AppError } from '../http/app-error';
import { methodNotAllowed } from '../http/error-handler';
import { findController, listControllers } from './controllers-repository';

const controllerIdSchema = z.uuid();

export function createControllersRouter({
  db,
  sessions,
}: {
  db: Queryable;
  sessions: SessionService;
}) {
  const router = Router();
  const signedIn = requireUser(sessions);

  router
    .route('/')
    .get(signedIn, async (_req, res) => {
      const body: ControllersResponse = { controllers: await listControllers(db) };
      res.json(body);
    })
    .all(methodNotAllowed);

  router
    .route('/:id')
    .get(signedIn, async (req, res) => {
      const id = req.params.id ?? '';
      // An id that is not a UUID cannot exist; answer 404 before the database sees it.
      const controller = controllerIdSchema.safeParse(id).success
        ? await findController(db, id)
        : null;
      if (!controller) {
        throw new AppError(
          'CONTROLLER_NOT_FOUND',
          404,
          'No region controller has this id.',
          {
            id: id.slice(0, 64),
          },
        );
      }
      res.json({ controller });
    })
    .all(methodNotAllowed);

  return router;
}
