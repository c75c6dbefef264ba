import type { Page } from '@playwright/test';
import { configVault, expect, logInAndWait, test } from '../cluster/fixtures';
import { CONTROLLER_ROLE_NAME, mintSecretId } from '@vault-secrets/bff/dev-cluster';

// The journey changes the cluster for good: its steps run in order, once.
test.describe.configure({ mode: 'serial' });

interface VaultForm {
  addr: string;
  roleId: string;
  wrappedToken: string;
}

async function submitConfigureForm(page: Page, controller: string, form: VaultForm) {
  await page.getByRole('button', { name: `Configure ${controller}` }).click();
  const dialog = page.getByRole('form', { name: `Configure Vault on ${controller}` });
  await dialog.getByLabel('Vault URL').fill(form.addr);
  await dialog.getByLabel('Role ID').fill(form.roleId);
  await dialog.getByLabel('Wrapped token').fill(form.wrappedToken);
  await dialog.getByLabel('Secrets path').fill('maas');
  await expect(dialog.getByLabel('Secrets mount')).toHaveValue('secret');
  await dialog.getByRole('button', { name: 'Configure Vault' }).click();
  return dialog;
}

test('a wrong role ID and a reused wrapped token are refused with their own reasons', async ({
  page,
  cluster,
}) => {
  // What a Vault operator does with the root token: one more wrapped secret_id.
  const { addr, rootToken } = cluster.vault;
  const wrappedToken = await mintSecretId(addr, rootToken, CONTROLLER_ROLE_NAME, {
    wrapTtl: '10m',
  });
  await logInAndWait(page, cluster.admin);
  await page.goto('/settings/vault');

  const form = await submitConfigureForm(page, 'region-1', {
    addr: cluster.vault.addr,
    roleId: 'not-the-role-id',
    wrappedToken,
  });
  await expect(form.getByRole('alert')).toContainText('refused the AppRole login');

  // Unwrapping used the token up, even though the login then failed.
  await form.getByLabel('Role ID').fill(cluster.vault.roleId);
  await form.getByLabel('Wrapped token').fill(wrappedToken);
  await form.getByRole('button', { name: 'Configure Vault' }).click();
  await expect(form.getByRole('alert')).toContainText('already used');
  await expect(page.getByText('Vault integration incomplete')).toHaveCount(0);
});

test('admin configures region-1 in the form, region-2 through the relay and region-3 with the CLI; the banner follows without reloads', async ({
  page,
  cluster,
}) => {
  const [first, second, third] = cluster.vault.wrappedSecretIds;
  const region3 = cluster.controllers[2];
  if (!first || !second || !third || !region3)
    throw new Error('dev-cluster.json is short');
  const vault = { addr: cluster.vault.addr, roleId: cluster.vault.roleId };
  await logInAndWait(page, cluster.admin);
  await page.goto('/settings/vault');
  const marker = () => page.evaluate(() => (window as { e2eMarker?: string }).e2eMarker);
  await page.evaluate(() => ((window as { e2eMarker?: string }).e2eMarker = 'same page'));
  const banner = page
    .getByRole('status')
    .filter({ hasText: 'Vault integration incomplete' });

  await submitConfigureForm(page, 'region-1', { ...vault, wrappedToken: first });
  await expect(banner).toContainText('2 of 3 controllers still need Vault configured');

  // The page is served by region-1: region-2's configuration is relayed to it.
  await submitConfigureForm(page, 'region-2', { ...vault, wrappedToken: second });
  await expect(banner).toContainText('1 of 3 controllers still need Vault configured');

  const printed = await configVault(region3.dir, [
    'configure',
    vault.addr,
    vault.roleId,
    third,
    'maas',
  ]);
  expect(printed).not.toContain(third);
  await expect(banner).toContainText('the secrets must be migrated', { timeout: 20_000 });
  expect(await marker()).toBe('same page');

  const table = page.getByRole('table', { name: 'Controllers and their Vault state' });
  for (const name of ['region-1', 'region-2', 'region-3']) {
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row.getByText(/^Configured/).first()).toBeVisible();
  }
});
