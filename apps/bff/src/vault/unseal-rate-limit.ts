import type { RequestHandler } from 'express';
import { AppError } from '../http/app-error';

export interface RateLimitOptions {
  maxRequests: number;
  windowMs: number;
  /** Clients tracked at most; the oldest are dropped first, so memory stays bounded. */
  maxClients: number;
}

/** Unseal attempts per client address: enough for a person, too few to guess shares. */
export const UNSEAL_LIMITS: RateLimitOptions = {
  maxRequests: 10,
  windowMs: 60_000,
  maxClients: 10_000,
};

/**
 * Fixed-window limit per client address.
 * Limitation: each controller counts on its own, and clients behind one proxy
 * share a budget (req.ip is the proxy's address unless Express trusts it).
 */
export function rateLimitPerClient(options: RateLimitOptions): RequestHandler {
  const windows = new Map<string, { count: number; resetAt: number }>();

  return (req, _res, next) => {
    const now = Date.now();
    const key = req.ip ?? 'unknown';
    let window = windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + options.windowMs };
    }
    window.count += 1;
    windows.delete(key);
    windows.set(key, window);
    while (windows.size > options.maxClients) {
      const oldest = windows.keys().next().value;
      if (oldest === undefined) break;
      windows.delete(oldest);
    }
    if (window.count <= options.maxRequests) {
      next();
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    next(
      new AppError(
        'RATE_LIMITED',
        429,
        `Too many unseal attempts from this address; wait ${retryAfter} s and try again.`,
        { retryAfterSeconds: retryAfter },
        { 'Retry-After': String(retryAfter) },
      ),
    );
  };
}
