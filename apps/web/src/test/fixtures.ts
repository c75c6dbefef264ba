import type {
  Controller,
  IntegrationStatus,
  SealStatus,
  User,
} from '@vault-secrets/shared';

export const adminUser: User = { id: 'u-1', username: 'admin', role: 'admin' };
export const plainUser: User = { id: 'u-2', username: 'operator', role: 'user' };

const RECENTLY = new Date(Date.now() - 5000).toISOString();

export function makeController(overrides: Partial<Controller> = {}): Controller {
  return {
    id: 'c-1',
    name: 'region-1',
    url: 'http://127.0.0.1:5240',
    online: true,
    lastSeen: RECENTLY,
    vaultConfigured: false,
    vaultConfiguredAt: null,
    vault: null,
    ...overrides,
  };
}

export function configuredController(overrides: Partial<Controller> = {}): Controller {
  return makeController({
    vaultConfigured: true,
    vaultConfiguredAt: RECENTLY,
    vault: {
      reachable: true,
      sealed: false,
      authenticated: true,
      error: null,
      checkedAt: RECENTLY,
    },
    ...overrides,
  });
}

/** Three controllers, the first `configured` of them configured, and the state to match. */
export function makeStatus(
  configured: number,
  overrides: Partial<IntegrationStatus> = {},
): IntegrationStatus {
  const controllers = [1, 2, 3].map((n) => {
    const base = { id: `c-${n}`, name: `region-${n}` };
    return n <= configured ? configuredController(base) : makeController(base);
  });
  const state =
    configured === 0
      ? 'not-configured'
      : configured < 3
        ? 'partially-configured'
        : 'ready-to-migrate';
  return {
    state,
    vaultEnabled: false,
    controllers,
    configuredCount: configured,
    controllerCount: 3,
    migration: null,
    vault: { reachable: true, initialized: true, sealed: false },
    ...overrides,
  };
}

export function makeSealStatus(overrides: Partial<SealStatus> = {}): SealStatus {
  return {
    reachable: true,
    initialized: true,
    sealed: false,
    t: 3,
    n: 5,
    progress: 0,
    ...overrides,
  };
}
