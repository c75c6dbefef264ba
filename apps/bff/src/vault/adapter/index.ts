// The Vault adapter: the only part of the BFF that speaks to Vault (through node-vault).
export { approleLogin, lookupSelf, renewSelf, revokeSelf, unwrapSecretId } from './auth';
export type { VaultLogin } from './auth';
export { DEFAULT_VAULT_TIMEOUT_MS } from './client';
export type { VaultClientOptions } from './client';
export { isVaultError, VaultError, vaultErrorKinds, vaultErrorToHttp } from './errors';
export type {
  VaultErrorDetails,
  VaultErrorHttpAnswer,
  VaultErrorKind,
  VaultOperation,
} from './errors';
export { readHealth, readSealStatus, submitUnsealKey } from './health';
export type { UnsealInput, VaultHealth, VaultSealStatus } from './health';
export { checkKvLocation, kvDataPath, kvMetadataPath, SecretPathError } from './kv-paths';
export type { KvLocation } from './kv-paths';
export { requiredGrants } from './messages';
export { VaultSession } from './session';
export type { KvSecretData, VaultSessionOptions, VaultSessionStatus } from './session';
export { ACCESS_CHECK_FOLDER, verifyAccess } from './verify-access';
