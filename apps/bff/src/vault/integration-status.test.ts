import { describe, expect, it } from 'vitest';
import { integrationState } from './integration-status';

describe('integration state', () => {
  it.each([
    [false, 0, 3, 'not-configured'],
    [false, 1, 3, 'partially-configured'],
    [false, 2, 3, 'partially-configured'],
    [false, 3, 3, 'ready-to-migrate'],
    [true, 3, 3, 'enabled'],
    // A controller registered after migration does not take the cluster back.
    [true, 3, 4, 'enabled'],
  ] as const)(
    'vault_enabled %s with %i of %i configured is %s',
    (enabled, configured, total, state) => {
      expect(integrationState(enabled, configured, total)).toBe(state);
    },
  );

  it('counts a cluster without controllers as not configured', () => {
    expect(integrationState(false, 0, 0)).toBe('not-configured');
  });
});
