import {
  unsealRequestSchema,
  type IntegrationStatus,
  type SealStatus,
} from '@vault-secrets/shared';
import { Router } from 'express';
import { requireUser } from '../auth/authenticate';
import type { SessionService } from '../auth/sessions';
import type { Queryable } from '../db/pool';
import { methodNotAllowed } from '../http/error-handler';
import { parseInput } from '../http/validate';
import type { UnsealInput } from './adapter';
import { readIntegrationStatus } from './integration-status';
import {
  rateLimitPerClient,
  UNSEAL_LIMITS,
  type RateLimitOptions,
} from './unseal-rate-limit';
import { translateVaultFailures } from './vault-http-error';
import type { VaultRuntime } from './vault-runtime';

export interface VaultRouterDeps {
  db: Queryable;
  sessions: SessionService;
  runtime: VaultRuntime;
  unsealLimits?: RateLimitOptions;
}

const [keyShareSchema, resetSchema] = unsealRequestSchema.options;

/** Checks the field that was sent, so an error names `key` rather than the body. */
function parseUnsealInput(body: unknown): UnsealInput {
  const isReset = typeof body === 'object' && body !== null && 'reset' in body;
  return isReset ? parseInput(resetSchema, body) : parseInput(keyShareSchema, body);
}

/** `/api/v1/vault`: the integration status, and this controller's Vault seal. */
export function createVaultRouter(deps: VaultRouterDeps): Router {
  const { db, runtime } = deps;
  const router = Router();

  router
    .route('/status')
    .get(requireUser(deps.sessions), async (_req, res) => {
      await runtime.refresh();
      const body: IntegrationStatus = await readIntegrationStatus(
        db,
        runtime.localView(),
      );
      res.json(body);
    })
    .all(methodNotAllowed);

  // Anyone may ask: the sealed login screen polls it. The answer comes from a
  // one-second cache, so polling never multiplies into calls to Vault.
  router
    .route('/seal-status')
    .get(async (_req, res) => {
      const body: SealStatus = await runtime.sealStatus();
      res.json(body);
    })
    .all(methodNotAllowed);

  router
    .route('/unseal')
    .post(rateLimitPerClient(deps.unsealLimits ?? UNSEAL_LIMITS), async (req, res) => {
      const body: SealStatus = await runtime.unseal(parseUnsealInput(req.body));
      res.json(body);
    })
    .all(methodNotAllowed);

  router.use(translateVaultFailures);
  return router;
}
