import type { Controller } from '@vault-secrets/shared';
import type { LabelTone } from '../../components/StatusLabel';

export type VaultStateKind =
  | 'unknown-offline'
  | 'not-configured'
  | 'checking'
  | 'unreachable'
  | 'sealed'
  | 'logged-in'
  | 'login-failing';

export interface VaultStateView {
  kind: VaultStateKind;
  label: string;
  tone: LabelTone;
  /** The controller's own last error, when it reported one. */
  detail: string | null;
}

/** What one controller's Vault state is, from its registration and its own live check. */
export function describeVaultState(controller: Controller): VaultStateView {
  const detail = controller.vault?.error ?? null;
  if (!controller.online) {
    return {
      kind: 'unknown-offline',
      label: 'Unknown (offline)',
      tone: 'neutral',
      detail: null,
    };
  }
  if (!controller.vaultConfigured) {
    return {
      kind: 'not-configured',
      label: 'Not configured',
      tone: 'caution',
      detail: null,
    };
  }
  const check = controller.vault;
  if (check === null) {
    return {
      kind: 'checking',
      label: 'Configured — not checked yet',
      tone: 'information',
      detail,
    };
  }
  if (!check.reachable) {
    return {
      kind: 'unreachable',
      label: 'Configured — Vault unreachable',
      tone: 'negative',
      detail,
    };
  }
  if (check.sealed) {
    return {
      kind: 'sealed',
      label: 'Configured — Vault sealed',
      tone: 'negative',
      detail,
    };
  }
  if (check.authenticated) {
    return {
      kind: 'logged-in',
      label: 'Configured — logged in',
      tone: 'positive',
      detail,
    };
  }
  return {
    kind: 'login-failing',
    label: 'Configured — login failing',
    tone: 'negative',
    detail,
  };
}

/** The legend under the table: what each state means and what to do about it. */
export const VAULT_STATE_EXPLANATIONS: { label: string; meaning: string }[] = [
  {
    label: 'Not configured',
    meaning:
      'The controller has no Vault settings yet. Configure it here or with the command line.',
  },
  {
    label: 'Configured — logged in',
    meaning: 'The controller reached Vault and holds a valid AppRole login.',
  },
  {
    label: 'Configured — Vault sealed',
    meaning:
      'Vault answers but is sealed; key holders must unseal it before secrets can be read.',
  },
  {
    label: 'Configured — Vault unreachable',
    meaning:
      'The controller cannot reach the Vault URL it was given; check the network and the URL.',
  },
  {
    label: 'Configured — login failing',
    meaning:
      'Vault refuses the controller’s AppRole login; the error says why. Configure it again with a new wrapped token.',
  },
  {
    label: 'Unknown (offline)',
    meaning:
      'The controller has stopped sending heartbeats, so its view of Vault is not known.',
  },
];
