import type { ControllerVaultCheck } from '@vault-secrets/shared';
import type { Queryable } from '../db/pool';
import type { Logger } from '../logging/logger';
import {
  recordHeartbeat,
  registerController,
  saveVaultCheck,
} from './controllers-repository';

/** Well inside CONTROLLER_OFFLINE_AFTER_MS (15 s): two missed beats still read as online. */
export const HEARTBEAT_INTERVAL_MS = 5_000;

/** Extra state sent with each beat; the Vault integration reports its live check here. */
export type VaultCheckProvider = () => Promise<ControllerVaultCheck | null>;

export interface HeartbeatOptions {
  db: Queryable;
  controller: { id: string; name: string; url: string };
  log: Logger;
  intervalMs?: number;
  vaultCheck?: VaultCheckProvider;
}

export interface Heartbeat {
  /** Sends one beat now (also used by tests instead of waiting). */
  beat(): Promise<void>;
  stop(): Promise<void>;
}

/** Keeps this controller's row fresh; a failed beat is logged and retried next period. */
export function startHeartbeat(options: HeartbeatOptions): Heartbeat {
  const { db, controller, log } = options;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  async function beatOnce() {
    try {
      const present = await recordHeartbeat(db, controller.id);
      if (!present) await registerController(db, controller);
      if (options.vaultCheck) {
        await saveVaultCheck(db, controller.id, await options.vaultCheck());
      }
    } catch (error) {
      log.warn({ err: error, controllerId: controller.id }, 'heartbeat failed');
    }
  }

  const beat = () => {
    running = running.then(beatOnce);
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void beat();
  }, options.intervalMs ?? HEARTBEAT_INTERVAL_MS);
  timer.unref();

  return {
    beat,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
