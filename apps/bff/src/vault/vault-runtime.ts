import type {
  ControllerVaultCheck,
  LocalVaultView,
  SealStatus,
} from '@vault-secrets/shared';
import { AppError } from '../http/app-error';
import type { Logger } from '../logging/logger';
import { submitUnsealKey, VaultSession, type UnsealInput } from './adapter';
import { createVaultHealthMonitor, type VaultHealthMonitor } from './health-monitor';
import { localVaultConfigPath, type LocalVaultConfig } from './local-config';
import { fileStamp, lookAtConfigFile, sameConnection } from './config-file-watch';
import { describeVaultCheck, unusableConfigurationCheck } from './vault-check';
import {
  createSealStatusCache,
  UNREACHABLE_SEAL_STATUS,
  type SealStatusCache,
} from './seal-status-cache';

export interface VaultRuntimeOptions {
  /** The controller directory holding `vault.json`. */
  dir: string;
  log: Logger;
  healthIntervalMs?: number;
  vaultTimeoutMs?: number;
  /** How often, at most, `vault.json` is looked at for changes (default 1 s). */
  fileCheckIntervalMs?: number;
}

interface ActiveVault {
  config: LocalVaultConfig;
  session: VaultSession;
  monitor: VaultHealthMonitor;
  seal: SealStatusCache;
}

const SEAL_TIMEOUT_MS = 2_000;

const UNSEEN: LocalVaultView = { reachable: false, initialized: null, sealed: null };

/**
 * This controller's live link to its Vault: the configuration from `vault.json`,
 * one logged-in session and one health monitor. It follows the file, so a
 * configuration written by the CLI is picked up without a restart.
 */
export class VaultRuntime {
  readonly #options: VaultRuntimeOptions;
  readonly #file: string;
  #active: ActiveVault | null = null;
  /** Why `vault.json` cannot be used; shown in the heartbeat's check. */
  #problem: string | null = null;
  #stamp: string | null | undefined = undefined;
  #lookedAt = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #stopped = false;

  constructor(options: VaultRuntimeOptions) {
    this.#options = options;
    this.#file = localVaultConfigPath(options.dir);
  }

  get configuration(): LocalVaultConfig | null {
    return this.#active?.config ?? null;
  }

  /** Looks at `vault.json` (at most once per interval unless forced); reloads it when it changed. */
  refresh(force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - this.#lookedAt < (this.#options.fileCheckIntervalMs ?? 1_000)) {
      return Promise.resolve();
    }
    this.#lookedAt = now;
    return this.#serially(() => this.#reloadIfChanged());
  }

  /** Takes over the session a successful configure proved, with the file it wrote. */
  adopt(config: LocalVaultConfig, session: VaultSession): Promise<void> {
    return this.#serially(async () => {
      this.#stamp = await fileStamp(this.#file);
      this.#problem = null;
      await this.#swap(config, session);
    });
  }

  async vaultCheck(): Promise<ControllerVaultCheck | null> {
    await this.refresh();
    const active = this.#active;
    if (!active) return this.#problem ? unusableConfigurationCheck(this.#problem) : null;
    const health = active.monitor.current() ?? (await active.monitor.firstCheck());
    if (!active.session.status().authenticated && health.reachable && !health.sealed) {
      // Logging in failed earlier (sealed, unreachable): try again with each beat.
      await active.session.login().catch(() => undefined);
    }
    return describeVaultCheck(health, active.session.status());
  }

  /** Vault as the health monitor last saw it. */
  localView(): LocalVaultView {
    const health = this.#active?.monitor.current();
    if (!health) return UNSEEN;
    const { reachable, initialized, sealed } = health;
    return { reachable, initialized, sealed };
  }

  async sealStatus(): Promise<SealStatus> {
    await this.refresh();
    return this.#active ? this.#active.seal.get() : UNREACHABLE_SEAL_STATUS;
  }

  /** Passes one key share (or a reset) to this controller's Vault. */
  async unseal(input: UnsealInput): Promise<SealStatus> {
    await this.refresh();
    const active = this.#active;
    if (!active) {
      throw new AppError(
        'VAULT_NOT_CONFIGURED',
        409,
        'This controller is not configured with Vault, so it cannot pass key shares ' +
          'to one. Configure it first, or unseal through a configured controller.',
      );
    }
    const status = await submitUnsealKey(active.config.url, input, {
      timeoutMs: this.#options.vaultTimeoutMs,
    });
    const answer = { reachable: true, ...status };
    active.seal.set(answer);
    const { sealed, progress, t } = status;
    this.#options.log.info(
      { sealed, progress, t, reset: 'reset' in input },
      'vault unseal share submitted',
    );
    return answer;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#serially(() => this.#swap(null, null));
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #reloadIfChanged(): Promise<void> {
    const look = await lookAtConfigFile(this.#options.dir, this.#stamp);
    if (!look.changed) return;
    const { config, problem } = look;
    this.#stamp = look.stamp;
    this.#problem = problem;
    if (problem)
      this.#options.log.error({ reason: problem }, 'vault configuration unusable');
    const active = this.#active;
    if (config && active && sameConnection(config, active.config)) {
      active.config = config;
      return;
    }
    const session = config ? this.#newSession(config) : null;
    await this.#swap(config, session);
    if (config) {
      const { secretsMount, secretsPath } = config;
      const vaultHost = new URL(config.url).host;
      this.#options.log.info(
        { vaultHost, secretsMount, secretsPath },
        'vault configuration loaded',
      );
      // Log in now, so the first heartbeat can already say whether it works.
      void session?.login().catch(() => undefined);
    }
  }

  #newSession(config: LocalVaultConfig): VaultSession {
    return new VaultSession({
      url: config.url,
      roleId: config.roleId,
      secretId: config.secretId,
      secretsMount: config.secretsMount,
      secretsPath: config.secretsPath,
      logger: this.#options.log,
      timeoutMs: this.#options.vaultTimeoutMs,
    });
  }

  async #swap(config: LocalVaultConfig | null, session: VaultSession | null) {
    const previous = this.#active;
    this.#active = null;
    if (config && session && !this.#stopped) {
      const { url } = config;
      const monitor = createVaultHealthMonitor({
        url,
        intervalMs: this.#options.healthIntervalMs,
        logger: this.#options.log,
      });
      // Bounded like a health check: a person is waiting for this answer.
      const timeoutMs = Math.min(
        this.#options.vaultTimeoutMs ?? SEAL_TIMEOUT_MS,
        SEAL_TIMEOUT_MS,
      );
      const seal = createSealStatusCache(url, { timeoutMs });
      this.#active = { config, session, monitor, seal };
    } else {
      await session?.close();
    }
    if (previous) {
      previous.monitor.stop();
      await previous.session.close();
    }
  }
}
