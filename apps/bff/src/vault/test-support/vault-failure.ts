import { isVaultError, type VaultError } from '../adapter';

/** The VaultError `work` rejects with; a success or any other error fails the test. */
export async function vaultFailure(work: Promise<unknown>): Promise<VaultError> {
  try {
    await work;
  } catch (error) {
    if (isVaultError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
