import type { ConfigureVaultResponse, Controller } from '@vault-secrets/shared';
import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../http/app-error';
import { methodNotAllowed } from '../http/error-handler';
import { parseInput } from '../http/validate';
import type { Logger } from '../logging/logger';
import type { NonceCache } from '../rpc/nonce-cache';
import { rpcAuthentication } from '../rpc/rpc-auth';
import { translateVaultFailures } from './vault-http-error';

/** Where controllers mount calls meant only for each other: outside /api, no CSRF. */
export const INTERNAL_VAULT_MOUNT = '/internal/v1/vault';
export const INTERNAL_CONFIGURE_PATH = `${INTERNAL_VAULT_MOUNT}/configure`;

export interface InternalVaultRouterDeps {
  log: Logger;
  controller: { id: string; name: string };
  configureHere(input: unknown): Promise<Controller>;
  rpcSecret(): Promise<string | null>;
  nonces: NonceCache;
}

const relayedConfigureSchema = z.strictObject({
  controllerId: z.string().max(64),
  request: z.unknown(),
});

/** `POST /internal/v1/vault/configure`: another controller asks this one to configure itself. */
export function createInternalVaultRouter(deps: InternalVaultRouterDeps): Router {
  const router = Router();
  const signed = rpcAuthentication({
    sharedSecret: deps.rpcSecret,
    nonces: deps.nonces,
    log: deps.log,
  });

  router
    .route('/configure')
    .post(...signed, async (req, res) => {
      const call = parseInput(relayedConfigureSchema, req.body);
      if (call.controllerId !== deps.controller.id) {
        // The caller's registry points at an address this controller now holds.
        throw new AppError(
          'CONTROLLER_NOT_FOUND',
          404,
          `The call was meant for controller ${call.controllerId}, but this is ` +
            `${deps.controller.name} (${deps.controller.id}).`,
          { id: call.controllerId },
        );
      }
      deps.log.info(
        { from: res.locals.rpcSender },
        'vault configure requested by a controller',
      );
      const body: ConfigureVaultResponse = {
        controller: await deps.configureHere(call.request),
      };
      res.json(body);
    })
    .all(methodNotAllowed);

  router.use(translateVaultFailures);
  return router;
}
