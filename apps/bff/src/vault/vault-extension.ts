import type { Controller } from '@vault-secrets/shared';
import type { ControllerContext, ControllerExtension } from '../controller-extension';
import { saveVaultCheck } from '../controllers/controllers-repository';
import type { MountedRouter } from '../http/app';
import { createNonceCache } from '../rpc/nonce-cache';
import { readRpcSharedSecret } from '../rpc/shared-secret';
import { configureVault } from './configure-vault';
import { createControllerVaultRouter } from './controller-vault-router';
import { createInternalVaultRouter, INTERNAL_VAULT_MOUNT } from './internal-vault-router';
import type { RateLimitOptions } from './unseal-rate-limit';
import { createVaultRouter } from './vault-router';
import { VaultRuntime } from './vault-runtime';

export interface VaultExtensionOptions {
  /** Period of the `sys/health` check (default 1 s). */
  healthIntervalMs?: number;
  /** Bound on each Vault call (the adapter's default, 5 s, otherwise). */
  vaultTimeoutMs?: number;
  /** Bound on a relayed configure (default 30 s). */
  relayTimeoutMs?: number;
  unsealLimits?: RateLimitOptions;
}

interface Running {
  context: ControllerContext;
  runtime: VaultRuntime;
  configureHere(input: unknown): Promise<Controller>;
}

function configureService(
  context: ControllerContext,
  runtime: VaultRuntime,
  options: VaultExtensionOptions,
) {
  const { db, controller } = context;
  const log = context.log.child({ component: 'vault' });
  let queue: Promise<unknown> = Promise.resolve();

  async function configureAndAdopt(input: unknown): Promise<Controller> {
    const result = await configureVault(
      { db, log, controller, vaultTimeoutMs: options.vaultTimeoutMs },
      input,
    );
    await runtime.adopt(result.config, result.session);
    // Report the new link at once instead of at the next heartbeat.
    const vault = await runtime.vaultCheck();
    await saveVaultCheck(db, controller.id, vault);
    return { ...result.controller, vault };
  }

  // One configure at a time per controller: two racing ones would each prove
  // their own credentials and the slower would silently win.
  // Limitation: the CLI runs in another process and is not serialized with this
  // queue; a CLI configure racing a UI configure of the same controller ends with
  // whichever wrote vault.json last, and the running controller follows that file.
  return (input: unknown): Promise<Controller> => {
    const next = queue.then(() => configureAndAdopt(input));
    queue = next.catch(() => undefined);
    return next;
  };
}

/**
 * The Vault integration of one controller: its live Vault link, the configure
 * flow (here or relayed), the status, seal-status and unseal routes, and the
 * heartbeat's Vault check. One instance serves one controller.
 */
export function createVaultExtension(
  options: VaultExtensionOptions = {},
): ControllerExtension {
  let running: Running | null = null;

  function routers(context: ControllerContext): MountedRouter[] {
    if (!running) throw new Error('The vault extension was not started.');
    const { runtime, configureHere } = running;
    const { db, log, sessions, controller } = context;
    const rpcSecret = () => readRpcSharedSecret(context.secrets);
    const nonces = createNonceCache();
    return [
      {
        path: '/api/v1/controllers',
        router: createControllerVaultRouter({
          db,
          log,
          sessions,
          controller,
          configureHere,
          rpcSecret,
          relayTimeoutMs: options.relayTimeoutMs,
        }),
      },
      {
        path: '/api/v1/vault',
        router: createVaultRouter({
          db,
          sessions,
          runtime,
          unsealLimits: options.unsealLimits,
        }),
      },
      {
        path: INTERNAL_VAULT_MOUNT,
        router: createInternalVaultRouter({
          log,
          controller,
          configureHere,
          rpcSecret,
          nonces,
        }),
      },
    ];
  }

  return {
    name: 'vault',
    async start(context) {
      if (running) {
        throw new Error(
          'A vault extension serves one controller; create one per controller.',
        );
      }
      const runtime = new VaultRuntime({
        dir: context.controller.dir,
        log: context.log.child({ component: 'vault' }),
        healthIntervalMs: options.healthIntervalMs,
        vaultTimeoutMs: options.vaultTimeoutMs,
      });
      await runtime.refresh(true);
      running = {
        context,
        runtime,
        configureHere: configureService(context, runtime, options),
      };
    },
    routers,
    vaultCheck: async () => (running ? running.runtime.vaultCheck() : null),
    async stop() {
      const stopping = running;
      running = null;
      await stopping?.runtime.stop();
    },
  };
}
