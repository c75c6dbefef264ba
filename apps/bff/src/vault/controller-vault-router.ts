import {
  configureVaultRequestSchema,
  configureVaultResponseSchema,
  type ConfigureVaultResponse,
  type Controller,
} from '@vault-secrets/shared';
import { Router } from 'express';
import { z } from 'zod';
import { requireAdmin } from '../auth/authenticate';
import type { SessionService } from '../auth/sessions';
import { findController } from '../controllers/controllers-repository';
import type { Queryable } from '../db/pool';
import { AppError } from '../http/app-error';
import { methodNotAllowed } from '../http/error-handler';
import { parseInput } from '../http/validate';
import type { Logger } from '../logging/logger';
import { relayToController } from '../rpc/relay';
import { INTERNAL_CONFIGURE_PATH } from './internal-vault-router';
import { translateVaultFailures } from './vault-http-error';

export interface ControllerVaultRouterDeps {
  db: Queryable;
  log: Logger;
  sessions: SessionService;
  controller: { id: string; name: string };
  configureHere(input: unknown): Promise<Controller>;
  rpcSecret(): Promise<string | null>;
  relayTimeoutMs?: number;
}

const controllerIdSchema = z.uuid();

async function targetController(db: Queryable, id: string): Promise<Controller> {
  const found = controllerIdSchema.safeParse(id).success
    ? await findController(db, id)
    : null;
  if (!found) {
    throw new AppError('CONTROLLER_NOT_FOUND', 404, 'No region controller has this id.', {
      id: id.slice(0, 64),
    });
  }
  if (!found.online) {
    throw new AppError(
      'CONTROLLER_OFFLINE',
      409,
      `Controller ${found.name} is offline (no heartbeat lately), so it cannot be ` +
        'configured now. Start it, wait until it shows online, then try again.',
      { controller: found.name, lastSeen: found.lastSeen },
    );
  }
  return found;
}

/** `POST /api/v1/controllers/{id}/vault`: here, or relayed to the controller it names. */
export function createControllerVaultRouter(deps: ControllerVaultRouterDeps): Router {
  const router = Router();

  router
    .route('/:id/vault')
    .post(requireAdmin(deps.sessions), async (req, res) => {
      const id = req.params.id ?? '';
      if (id === deps.controller.id) {
        const body: ConfigureVaultResponse = {
          controller: await deps.configureHere(req.body),
        };
        res.json(body);
        return;
      }

      // Checked here too, so a typo never travels to another controller.
      const input = parseInput(configureVaultRequestSchema, req.body);
      const target = await targetController(deps.db, id);
      const secret = await deps.rpcSecret();
      if (!secret) {
        throw new AppError(
          'RELAY_FAILED',
          503,
          'This controller cannot read global/rpc-shared, so it cannot call others.',
        );
      }
      const fields = { controller: target.name, from: deps.controller.name };
      deps.log.info(fields, 'vault configure relayed');
      const answer = await relayToController(
        target,
        INTERNAL_CONFIGURE_PATH,
        { controllerId: target.id, request: input },
        configureVaultResponseSchema,
        { secret, sender: deps.controller.id, timeoutMs: deps.relayTimeoutMs },
      );
      deps.log.info(
        { ...fields, status: answer.status },
        'vault configure relay answered',
      );
      res.status(answer.status).json(answer.body);
    })
    .all(methodNotAllowed);

  router.use(translateVaultFailures);
  return router;
}
