import { createFixedWindows } from '../http/fixed-windows';

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

/**
 * Counts failed logins per key (client address + username) in fixed windows.
 * Limitation: in-process, so each controller counts on its own; an attacker
 * spreading attempts over N controllers gets N times the budget.
 * Limitation: the address is the TCP peer (Express's `trust proxy` is off);
 * behind a reverse proxy every client shares the proxy's address.
 */
export function createLoginRateLimiter(options: LoginRateLimiterOptions) {
  const failures = createFixedWindows(options);

  return {
    /** Seconds to wait before trying again, or 0 when an attempt is allowed. */
    retryAfterSeconds(key: string): number {
      const window = failures.current(key);
      if (!window || window.count < options.maxFailures) return 0;
      return failures.secondsLeft(window);
    },

    recordFailure(key: string) {
      failures.add(key);
    },

    reset(key: string) {
      failures.forget(key);
    },

    get size() {
      return failures.size;
    },
  };
}

export type LoginRateLimiter = ReturnType<typeof createLoginRateLimiter>;
