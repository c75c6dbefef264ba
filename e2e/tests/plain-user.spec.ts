import { controllersResponseSchema } from '@vault-secrets/shared';
import { createUser, expect, logIn, test } from '../cluster/fixtures';

test('a plain user sees the controllers but no admin action, and the admin API refuses', async ({
  page,
  cluster,
}) => {
  const user = {
    username: `operator-${Date.now()}`,
    password: 'a plain user password',
    role: 'user' as const,
  };
  await createUser(cluster, user);

  await logIn(page, user);
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await page.goto('/settings/vault');
  const table = page.getByRole('table', { name: 'Controllers and their Vault state' });
  await expect(
    table.getByRole('rowheader', { name: 'region-1', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Configure/ })).toHaveCount(0);

  // Hiding the button is not the protection: the API itself says no.
  const listed = controllersResponseSchema.parse(
    await (await page.request.get('/api/v1/controllers')).json(),
  );
  const target = listed.controllers.find((c) => c.name === 'region-2');
  expect(target).toBeDefined();
  const cookies = await page.context().cookies();
  const csrf = cookies.find((cookie) => cookie.name === 'csrftoken')?.value ?? '';
  expect(csrf).not.toBe('');

  const answer = await page.request.post(`/api/v1/controllers/${target?.id}/vault`, {
    headers: { 'X-CSRFToken': csrf },
    data: {
      url: 'http://127.0.0.1:8200',
      roleId: 'some-role',
      wrappedToken: 'some-token',
      secretsPath: 'maas',
      secretsMount: 'secret',
    },
  });
  expect(answer.status()).toBe(403);
  expect(await answer.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
});
