import { expect, logIn, test } from '../cluster/fixtures';

const CONTROLLER_NAMES = ['region-1', 'region-2', 'region-3'];

test('admin logs in, sees the three controllers online on /settings/vault, and logs out', async ({
  page,
  cluster,
}) => {
  await logIn(page, cluster.admin);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();

  await page.goto('/settings/vault');
  const table = page.getByRole('table', { name: 'Controllers and their Vault state' });
  await expect(table.getByRole('rowheader')).toHaveCount(CONTROLLER_NAMES.length);
  for (const name of CONTROLLER_NAMES) {
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row.getByText('Online', { exact: true })).toBeVisible();
    await expect(row.getByRole('button', { name: `Configure ${name}` })).toBeVisible();
  }

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();

  // The session is over on the server too, not only in the page.
  await page.goto('/settings/vault');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel('Username')).toBeVisible();
});

test('a wrong password shows the reason in the form and logs nobody in', async ({
  page,
  cluster,
}) => {
  await logIn(page, { username: cluster.admin.username, password: 'not the password' });

  await expect(page.getByRole('alert')).toContainText('username or password is wrong');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
  await expect(page.getByLabel('Password')).toBeVisible();
});
