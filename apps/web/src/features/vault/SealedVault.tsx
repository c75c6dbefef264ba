import type { SealStatus } from '@vault-secrets/shared';
import { Notification } from '../../components/Notification';
import { UnsealForm } from './UnsealForm';

interface SealedVaultProps {
  status: SealStatus;
  /**
   * True once the controller said logging in needs Vault (the secrets are in it).
   * Before the migration the secrets are still in the database: login works, and the
   * seal only matters to the controllers' own Vault checks.
   */
  blocksLogin: boolean;
}

/** The login page's view of a sealed Vault: what it stops, and the cure. */
export function SealedVault({ status, blocksLogin }: SealedVaultProps) {
  if (!status.initialized) {
    return (
      <Notification
        severity="negative"
        title="Vault is sealed and not initialized"
        role="alert"
      >
        Vault must be initialized and unsealed before controllers can use it. Initialize
        it with the Vault command line (vault operator init); this page notices by itself
        once Vault is unsealed.
      </Notification>
    );
  }

  return (
    <section aria-labelledby="sealed-title" className="sealed-vault">
      {blocksLogin ? (
        <Notification severity="negative" title="Vault is sealed" role="alert">
          The cluster&apos;s secrets are in Vault and Vault is sealed, so nobody can log
          in. Key holders can unseal it here; the login form comes back by itself once it
          is unsealed.
        </Notification>
      ) : (
        <Notification severity="caution" title="Vault is sealed" role="status">
          Logging in still works: the secrets have not been migrated to Vault yet. The
          controllers configured with Vault cannot use it until key holders unseal it.
        </Notification>
      )}
      <h2 className="u-off-screen" id="sealed-title">
        Unseal Vault
      </h2>
      <UnsealForm status={status} primary={blocksLogin} />
    </section>
  );
}
