import type { Logger } from './logging/logger';
import type { Pool } from './db/pool';
import type { MountedRouter } from './http/app';
import type { SecretStore } from './secrets/secret-store';
import type { SessionKeyProvider } from './auth/session-keys';
import type { SessionService } from './auth/sessions';
import type { ControllerConfig } from './config/env';
import type { VaultCheckProvider } from './controllers/heartbeat';

export interface ControllerContext {
  config: ControllerConfig;
  db: Pool;
  log: Logger;
  controller: { id: string; name: string; url: string; dir: string };
  secrets: SecretStore;
  sessionKeys: SessionKeyProvider;
  sessions: SessionService;
}

/**
 * How a capability (the Vault integration) plugs into a controller without the
 * foundation knowing it. Each hook is optional; they run in this order.
 */
export interface ControllerExtension {
  name: string;
  /** May replace the secret store (for example by one that follows `vault_enabled`). */
  wrapSecretStore?(
    store: SecretStore,
    context: Omit<ControllerContext, 'secrets' | 'sessionKeys' | 'sessions'>,
  ): Promise<SecretStore> | SecretStore;
  /** Starts background work (seal monitor, LISTEN/NOTIFY) once the context is complete. */
  start?(context: ControllerContext): Promise<void> | void;
  routers?(context: ControllerContext): MountedRouter[];
  /** Reported with every heartbeat as this controller's own view of Vault. */
  vaultCheck?: VaultCheckProvider;
  stop?(): Promise<void>;
}
