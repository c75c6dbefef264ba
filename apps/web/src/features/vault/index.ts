export { integrationStatusQueryOptions, sealStatusQueryOptions } from './api';
export { IntegrationBanner } from './IntegrationBanner';
export { SealedVault } from './SealedVault';
export { VaultSettingsPage } from './VaultSettingsPage';
