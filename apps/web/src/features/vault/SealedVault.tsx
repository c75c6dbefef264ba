import type { SealStatus } from '@vault-secrets/shared';
import { Notification } from '../../components/Notification';
import { UnsealForm } from './UnsealForm';

/** The login page's view while Vault is sealed: why nobody can log in, and the cure. */
export function SealedVault({ status }: { status: SealStatus }) {
  if (!status.initialized) {
    return (
      <Notification
        severity="negative"
        title="Vault is sealed and not initialized"
        role="alert"
      >
        Nobody can log in until Vault is initialized and unsealed. Initialize it with the
        Vault command line (vault operator init); this page returns to the login form by
        itself once Vault is unsealed.
      </Notification>
    );
  }

  return (
    <>
      <Notification severity="negative" title="Vault is sealed" role="alert">
        The cluster&apos;s secrets are in Vault and Vault is sealed, so nobody can log in.
        Key holders can unseal it here; the login form comes back by itself once it is
        unsealed.
      </Notification>
      <UnsealForm status={status} />
    </>
  );
}
