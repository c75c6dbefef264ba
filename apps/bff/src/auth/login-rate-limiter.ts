export interface LoginRateLimiterOptions {
  maxFailures: number;
  windowMs: number;
  /** Keys tracked at most; the oldest are dropped first, so memory stays bounded. */
  maxKeys: number;
  now?: () => number;
}

export const DEFAULT_LOGIN_LIMITS: LoginRateLimiterOptions = {
  maxFailures: 5,
  windowMs: 5 * 60_000,
  maxKeys: 10_000,
};

interface Window {
  failures: number;
  resetAt: number;
}

/**
 * Counts failed logins per key (client address + username) in fixed windows.
 * Limitation: in-process, so each controller counts on its own; an attacker
 * spreading attempts over N controllers gets N times the budget.
 * Limitation: the address is the TCP peer (Express's `trust proxy` is off);
 * behind a reverse proxy every client shares the proxy's address.
 */
export function createLoginRateLimiter(options: LoginRateLimiterOptions) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();

  function current(key: string): Window | undefined {
    const window = windows.get(key);
    if (window && window.resetAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return window;
  }

  return {
    /** Seconds to wait before trying again, or 0 when an attempt is allowed. */
    retryAfterSeconds(key: string): number {
      const window = current(key);
      if (!window || window.failures < options.maxFailures) return 0;
      return Math.max(1, Math.ceil((window.resetAt - now()) / 1000));
    },

    recordFailure(key: string) {
      const window = current(key) ?? { failures: 0, resetAt: now() + options.windowMs };
      window.failures += 1;
      windows.delete(key);
      windows.set(key, window);
      while (windows.size > options.maxKeys) {
        const oldest = windows.keys().next().value;
        if (oldest === undefined) break;
        windows.delete(oldest);
      }
    },

    reset(key: string) {
      windows.delete(key);
    },

    get size() {
      return windows.size;
    },
  };
}

export type LoginRateLimiter = ReturnType<typeof createLoginRateLimiter>;
