import {
  provisionAppRole,
  startDevVault,
  vaultApi,
  type AppRoleSetup,
  type DevVault,
} from '../../src/vault/test-support/dev-vault';

export { provisionAppRole, startDevVault, vaultApi, type AppRoleSetup, type DevVault };

export const SECRETS_PATH = 'maas';
export const SECRETS_MOUNT = 'secret';

/** What an operator hands over for one controller: the request body of the form. */
export async function configureRequest(
  vault: DevVault,
  role: AppRoleSetup,
  overrides: Record<string, unknown> = {},
) {
  return {
    url: vault.url,
    roleId: role.roleId,
    wrappedToken: await role.wrappedSecretId(),
    secretsPath: SECRETS_PATH,
    secretsMount: SECRETS_MOUNT,
    ...overrides,
  };
}

/** Every real secret (8 characters or more) that appears in `text`; should be none. */
export function leakedSecrets(text: string, secrets: string[]): string[] {
  return secrets.filter((secret) => secret.trim().length >= 8 && text.includes(secret));
}
