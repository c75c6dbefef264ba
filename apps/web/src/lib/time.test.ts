import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './time';

const NOW = Date.parse('2026-12-03T12:00:00Z');

describe('relative times', () => {
  it('says how long ago, in the largest fitting unit', () => {
    expect(formatRelativeTime('2026-12-03T11:59:48Z', NOW)).toBe('12 seconds ago');
    expect(formatRelativeTime('2026-12-03T11:55:00Z', NOW)).toBe('5 minutes ago');
    expect(formatRelativeTime('2026-12-02T12:00:00Z', NOW)).toBe('yesterday');
  });

  it('calls a time slightly in the future "now", never "in 4 seconds"', () => {
    expect(formatRelativeTime('2026-12-03T12:00:04Z', NOW)).toBe('now');
  });
});
