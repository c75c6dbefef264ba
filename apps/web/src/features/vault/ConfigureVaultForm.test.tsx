import { screen, waitFor, within } from '@testing-library/react';
import type { IntegrationStatus } from '@vault-secrets/shared';
import { describe, expect, it } from 'vitest';
import { adminUser, configuredController, makeStatus } from '../../test/fixtures';
import { FakeServer, fail, ok } from '../../test/fake-server';
import { heldMutationVariables, renderApp } from '../../test/render-app';

function settingsServer(status: IntegrationStatus = makeStatus(1)) {
  return new FakeServer()
    .on('GET /api/v1/auth/session', () => ok({ user: adminUser }))
    .on('GET /api/v1/vault/status', () => ok(status));
}

type Ui = ReturnType<typeof renderApp>;

async function openForm(ui: Ui, controllerName: string) {
  await ui.user.click(
    await screen.findByRole('button', { name: `Configure ${controllerName}` }),
  );
  return screen.getByRole('form', { name: `Configure Vault on ${controllerName}` });
}

async function fillForm(ui: Ui, form: HTMLElement, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const field = within(form).getByLabelText(label);
    await ui.user.clear(field);
    if (value) await ui.user.type(field, value);
  }
}

/** The <code> block whose whole text matches: a command is split into words inside. */
function commandShown(pattern: RegExp): HTMLElement {
  return screen.getByText(
    (_content, element) =>
      element?.tagName === 'CODE' && pattern.test(element.textContent ?? ''),
  );
}

const GOOD_VALUES = {
  'Vault URL': 'https://vault.example.com:8200',
  'Role ID': 'role-1234',
  'Wrapped token': 'hvs.wrapped',
  'Secrets path': 'maas/region',
};

describe('configure Vault form', () => {
  it('rejects a URL that is not http(s) and a path with .., without calling the server', async () => {
    const server = settingsServer();
    const ui = renderApp('/settings/vault', server);
    const form = await openForm(ui, 'region-2');

    await fillForm(ui, form, {
      ...GOOD_VALUES,
      'Vault URL': 'ftp://vault.example.com',
      'Secrets path': 'maas/../other',
    });
    await ui.user.click(within(form).getByRole('button', { name: 'Configure Vault' }));

    const url = within(form).getByLabelText('Vault URL');
    expect(url).toHaveAccessibleDescription(
      'The Vault URL must start with http:// or https://.',
    );
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveFocus();
    expect(within(form).getByLabelText('Secrets path')).toHaveAccessibleDescription(
      'The secrets path must not contain . or .. segments.',
    );
    expect(server.requestsTo('POST /api/v1/controllers/:id/vault')).toHaveLength(0);
  });

  it('prefills the mount and uses a password input for the wrapped token', async () => {
    const ui = renderApp('/settings/vault', settingsServer());
    const form = await openForm(ui, 'region-2');

    expect(within(form).getByLabelText('Secrets mount')).toHaveValue('secret');
    expect(within(form).getByLabelText('Wrapped token')).toHaveAttribute(
      'type',
      'password',
    );
  });

  it('shows the server refusal inside the form and keeps it open', async () => {
    const server = settingsServer().on('POST /api/v1/controllers/:id/vault', () =>
      fail(
        400,
        'VAULT_WRAPPING_TOKEN_INVALID',
        'The wrapped token was already used or has expired. Ask for a new one.',
      ),
    );
    const ui = renderApp('/settings/vault', server);
    const form = await openForm(ui, 'region-2');

    await fillForm(ui, form, GOOD_VALUES);
    await ui.user.click(within(form).getByRole('button', { name: 'Configure Vault' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The wrapped token was already used or has expired');
    // Spent: the field is emptied and says why, so the retry gets a new token.
    const token = within(form).getByLabelText('Wrapped token');
    expect(token).toHaveValue('');
    expect(token).toHaveAccessibleDescription(/paste a new wrapped token/);
    expect(server.requestsTo('POST /api/v1/controllers/:id/vault')[0]?.params.id).toBe(
      'c-2',
    );
    await waitFor(() =>
      expect(JSON.stringify(heldMutationVariables(ui.queryClient))).not.toContain(
        'hvs.wrapped',
      ),
    );
  });

  it('shows a sealed Vault in the form and stays on the page, focused on the reason', async () => {
    const server = settingsServer().on('POST /api/v1/controllers/:id/vault', () =>
      fail(503, 'VAULT_SEALED', 'Vault at https://vault.example.com:8200 is sealed.'),
    );
    const ui = renderApp('/settings/vault', server);
    const form = await openForm(ui, 'region-2');

    await fillForm(ui, form, GOOD_VALUES);
    await ui.user.click(within(form).getByRole('button', { name: 'Configure Vault' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('is sealed');
    expect(alert).toHaveFocus();
    // A sealed Vault never saw the token: it stays for the retry.
    expect(within(form).getByLabelText('Wrapped token')).toHaveValue('hvs.wrapped');
    expect(ui.router.state.location.pathname).toBe('/settings/vault');
  });

  it('gives focus back to the row it came from on Cancel', async () => {
    const ui = renderApp('/settings/vault', settingsServer());
    const form = await openForm(ui, 'region-2');
    expect(
      screen.getByRole('heading', { name: 'Configure Vault on region-2' }),
    ).toHaveFocus();

    await ui.user.click(within(form).getByRole('button', { name: 'Cancel' }));

    expect(form).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Configure region-2' })).toHaveFocus();
  });

  it('closes on Escape from any field, like Cancel', async () => {
    const ui = renderApp('/settings/vault', settingsServer());
    const form = await openForm(ui, 'region-3');
    await ui.user.type(within(form).getByLabelText('Role ID'), 'abc');

    await ui.user.keyboard('{Escape}');

    expect(form).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Configure region-3' })).toHaveFocus();
  });

  it('puts the server field errors next to their fields', async () => {
    const server = settingsServer().on('POST /api/v1/controllers/:id/vault', () =>
      fail(400, 'VALIDATION_FAILED', 'The request is not valid.', {
        fields: { roleId: 'The role ID is not known to Vault.' },
      }),
    );
    const ui = renderApp('/settings/vault', server);
    const form = await openForm(ui, 'region-2');

    await fillForm(ui, form, GOOD_VALUES);
    await ui.user.click(within(form).getByRole('button', { name: 'Configure Vault' }));

    await waitFor(() =>
      expect(within(form).getByLabelText('Role ID')).toHaveAccessibleDescription(
        'The role ID is not known to Vault.',
      ),
    );
  });

  it('requires the overwrite confirmation for a configured controller, then sends it', async () => {
    const server = settingsServer().on('POST /api/v1/controllers/:id/vault', (request) =>
      ok({
        controller: configuredController({ id: request.params.id, name: 'region-1' }),
      }),
    );
    const ui = renderApp('/settings/vault', server);
    const form = await openForm(ui, 'region-1');

    await fillForm(ui, form, GOOD_VALUES);
    await ui.user.click(within(form).getByRole('button', { name: 'Configure Vault' }));

    const confirm = within(form).getByRole('checkbox', {
      name: 'Overwrite the existing configuration',
    });
    expect(confirm).toHaveAccessibleDescription(/already configured/);
    expect(server.requestsTo('POST /api/v1/controllers/:id/vault')).toHaveLength(0);

    await ui.user.click(confirm);
    await ui.user.click(within(form).getByRole('button', { name: 'Configure Vault' }));

    const news = await screen.findByText(/Vault is configured on region-1/);
    await waitFor(() => expect(news.closest('[tabindex="-1"]')).toHaveFocus());
    expect(
      screen.queryByRole('form', { name: /Configure Vault on/ }),
    ).not.toBeInTheDocument();
    const [sent] = server.requestsTo('POST /api/v1/controllers/:id/vault');
    expect(sent?.body).toEqual({
      url: 'https://vault.example.com:8200',
      roleId: 'role-1234',
      wrappedToken: 'hvs.wrapped',
      secretsPath: 'maas/region',
      secretsMount: 'secret',
      overwrite: true,
    });
  });

  it('fills the command line with the URL and path typed in the form, never the token', async () => {
    const ui = renderApp('/settings/vault', settingsServer());
    const form = await openForm(ui, 'region-2');

    await fillForm(ui, form, GOOD_VALUES);

    const command = commandShown(/npx config-vault configure/);
    expect(command).toHaveTextContent(
      'npx config-vault configure https://vault.example.com:8200 <ROLE_ID> <WRAPPED_TOKEN> maas/region --secrets-mount secret',
    );
    expect(command).not.toHaveTextContent('hvs.wrapped');
  });

  it('offers no Configure action to plain users', async () => {
    const server = settingsServer().on('GET /api/v1/auth/session', () =>
      ok({ user: { id: 'u-2', username: 'operator', role: 'user' } }),
    );
    renderApp('/settings/vault', server);

    expect(
      await screen.findByRole('rowheader', { name: 'region-1' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Configure region/ }),
    ).not.toBeInTheDocument();
    expect(screen.getByText(/need an administrator/)).toBeVisible();
  });
});
