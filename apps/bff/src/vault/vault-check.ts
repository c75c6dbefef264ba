import type { ControllerVaultCheck } from '@vault-secrets/shared';
import type { VaultHealth, VaultSessionStatus } from './adapter';

/** The heartbeat's Vault check: the monitor's last look plus the session's login state. */
export function describeVaultCheck(
  health: VaultHealth,
  session: VaultSessionStatus,
): ControllerVaultCheck {
  return {
    reachable: health.reachable,
    sealed: health.sealed,
    authenticated: session.authenticated,
    // Both messages come from the adapter, which never puts a secret in one.
    error: health.error ?? session.lastError?.message ?? null,
    checkedAt: health.checkedAt,
  };
}

/** What the heartbeat reports while `vault.json` exists but cannot be used. */
export function unusableConfigurationCheck(problem: string): ControllerVaultCheck {
  return {
    reachable: false,
    sealed: null,
    authenticated: false,
    error: problem,
    checkedAt: new Date().toISOString(),
  };
}
