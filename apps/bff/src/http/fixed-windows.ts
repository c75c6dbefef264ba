export interface FixedWindowOptions {
  windowMs: number;
  /** Keys tracked at most; the least recently counted go first, so memory stays bounded. */
  maxKeys: number;
  now?: () => number;
}

export interface FixedWindow {
  count: number;
  resetAt: number;
}

/**
 * Counts events per key (a client address, an address and a username) in fixed
 * windows of `windowMs`: the rate limiters' common bookkeeping.
 */
export function createFixedWindows(options: FixedWindowOptions) {
  const now = options.now ?? Date.now;
  const windows = new Map<string, FixedWindow>();

  /** The key's live window, or undefined once it has run out (and is forgotten). */
  function current(key: string): FixedWindow | undefined {
    const window = windows.get(key);
    if (window && window.resetAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return window;
  }

  return {
    current,

    /** Counts one event for `key` and answers its window after counting. */
    add(key: string): FixedWindow {
      const window = current(key) ?? { count: 0, resetAt: now() + options.windowMs };
      window.count += 1;
      // Re-inserted so that Map order is least recently counted first.
      windows.delete(key);
      windows.set(key, window);
      while (windows.size > options.maxKeys) {
        const oldest = windows.keys().next().value;
        if (oldest === undefined) break;
        windows.delete(oldest);
      }
      return window;
    },

    /** Seconds until the window resets, at least 1. */
    secondsLeft(window: FixedWindow): number {
      return Math.max(1, Math.ceil((window.resetAt - now()) / 1000));
    },

    forget(key: string) {
      windows.delete(key);
    },

    get size() {
      return windows.size;
    },
  };
}
