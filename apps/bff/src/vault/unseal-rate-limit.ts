import type { RequestHandler } from 'express';
import { AppError } from '../http/app-error';
import { createFixedWindows } from '../http/fixed-windows';

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
  const attempts = createFixedWindows({
    windowMs: options.windowMs,
    maxKeys: options.maxClients,
  });

  return (req, _res, next) => {
    const window = attempts.add(req.ip ?? 'unknown');
    if (window.count <= options.maxRequests) {
      next();
      return;
    }
    const retryAfter = attempts.secondsLeft(window);
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
