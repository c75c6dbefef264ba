import { describe, expect, it } from 'vitest';
import { createLoginRateLimiter } from './login-rate-limiter';

function limiter(maxKeys = 100) {
  let now = 1_000_000;
  const limits = createLoginRateLimiter({
    maxFailures: 3,
    windowMs: 60_000,
    maxKeys,
    now: () => now,
  });
  return { limits, advance: (ms: number) => (now += ms) };
}

describe('login rate limiter', () => {
  it('allows attempts until the failure budget is spent, then says how long to wait', () => {
    const { limits, advance } = limiter();
    for (let i = 0; i < 3; i += 1) {
      expect(limits.retryAfterSeconds('ip|alice')).toBe(0);
      limits.recordFailure('ip|alice');
    }
    expect(limits.retryAfterSeconds('ip|alice')).toBe(60);
    advance(45_000);
    expect(limits.retryAfterSeconds('ip|alice')).toBe(15);
    expect(limits.retryAfterSeconds('ip|bob')).toBe(0);
  });

  it('opens again when the window ends, and a success resets the count', () => {
    const { limits, advance } = limiter();
    for (let i = 0; i < 3; i += 1) limits.recordFailure('k');
    advance(60_001);
    expect(limits.retryAfterSeconds('k')).toBe(0);
    limits.recordFailure('k');
    limits.reset('k');
    limits.recordFailure('k');
    limits.recordFailure('k');
    expect(limits.retryAfterSeconds('k')).toBe(0);
  });

  it('keeps memory bounded by dropping the oldest keys', () => {
    const { limits } = limiter(10);
    for (let i = 0; i < 1000; i += 1) limits.recordFailure(`attacker-${i}`);
    expect(limits.size).toBe(10);
  });
});
