import type { Logger } from 'pino';
import { readHealth, type VaultHealth } from './adapter';

export interface VaultHealthMonitorOptions {
  url: string;
  /** Period between the starts of two checks (default 1 s). */
  intervalMs?: number;
  /** Bound on one check (default 2 s); a slower Vault counts as unreachable. */
  timeoutMs?: number;
  logger: Logger;
  /** Called when reachability, initialization, seal or standby state changes. */
  onChange?: (current: VaultHealth, previous: VaultHealth | null) => void;
}

export interface VaultHealthMonitor {
  readonly url: string;
  /** The last check's result; null until the first check ends. */
  current(): VaultHealth | null;
  /** Resolves with the first check's result. */
  firstCheck(): Promise<VaultHealth>;
  stop(): void;
}

export const DEFAULT_HEALTH_INTERVAL_MS = 1_000;
const DEFAULT_HEALTH_TIMEOUT_MS = 2_000;

function changed(previous: VaultHealth | null, current: VaultHealth): boolean {
  if (!previous) return true;
  return (
    previous.reachable !== current.reachable ||
    previous.initialized !== current.initialized ||
    previous.sealed !== current.sealed ||
    previous.standby !== current.standby ||
    previous.errorKind !== current.errorKind
  );
}

function logTransition(log: Logger, previous: VaultHealth | null, current: VaultHealth) {
  const fields = {
    reachable: current.reachable,
    initialized: current.initialized,
    sealed: current.sealed,
    standby: current.standby,
  };
  if (!previous) log.info(fields, 'vault health first checked');
  if (current.sealed === true && previous?.sealed !== true) {
    log.warn(fields, 'vault sealed seen');
  }
  if (current.sealed === false && previous?.sealed === true) {
    log.info(fields, 'vault unsealed seen');
  }
  if (!current.reachable && previous?.reachable !== false) {
    log.warn(
      { kind: current.errorKind, reason: current.error },
      'vault unreachable seen',
    );
  }
  if (current.reachable && previous?.reachable === false) {
    log.info(fields, 'vault reachable again');
  }
}

/**
 * Watches one Vault's `sys/health` on a fixed period and keeps the last answer for
 * everyone. Callers read the cache; however many there are, Vault sees one check
 * per period.
 */
export function createVaultHealthMonitor(
  options: VaultHealthMonitorOptions,
): VaultHealthMonitor {
  const intervalMs = options.intervalMs ?? DEFAULT_HEALTH_INTERVAL_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
  const log = options.logger.child({ component: 'vault-health' });
  let last: VaultHealth | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let resolveFirst: (health: VaultHealth) => void = () => undefined;
  const first = new Promise<VaultHealth>((resolve) => (resolveFirst = resolve));

  function record(current: VaultHealth): void {
    const previous = last;
    last = current;
    if (!changed(previous, current)) return;
    logTransition(log, previous, current);
    try {
      options.onChange?.(current, previous);
    } catch (error) {
      log.error({ err: error }, 'vault health listener failed');
    }
  }

  async function check(): Promise<void> {
    const started = Date.now();
    const health = await readHealth(options.url, { timeoutMs });
    resolveFirst(health);
    if (stopped) return;
    record(health);
    // The period runs from start to start, so a slow check does not stretch it.
    const wait = Math.max(0, intervalMs - (Date.now() - started));
    timer = setTimeout(() => void check(), wait);
    // The monitor alone must not keep a process (a CLI, a test) alive.
    timer.unref();
  }

  void check();

  return {
    url: options.url,
    current: () => last,
    firstCheck: () => first,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
