import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SEAL_POLL_MS } from '../lib/polling';
import { queryKeys } from '../lib/query-keys';
import { makeSealStatus } from '../test/fixtures';
import { FakeServer, fail, ok } from '../test/fake-server';
import { heldMutationVariables, renderApp } from '../test/render-app';

function sealedServer(initial = makeSealStatus({ sealed: true, progress: 1 })) {
  const vault = { status: initial };
  const server = new FakeServer()
    .on('GET /api/v1/auth/session', () => fail(401, 'VAULT_SEALED', 'Vault is sealed.'))
    .on('GET /api/v1/vault/seal-status', () => ok(vault.status));
  return { server, vault };
}

describe('login page while Vault is sealed', () => {
  it('says Vault is sealed, offers no login, and shows the unseal progress', async () => {
    const { server } = sealedServer();
    renderApp('/login', server);

    expect(await screen.findByRole('heading', { name: 'Vault is sealed' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveClass('p-notification--negative');
    expect(screen.getByRole('alert')).toHaveTextContent(/sealed/);
    expect(screen.queryByLabelText('Username')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log in' })).not.toBeInTheDocument();
    expect(screen.getByText(/Key shares entered/)).toHaveTextContent('1 of 3');
    expect(screen.getByLabelText('Unseal key share')).toHaveFocus();
    expect(screen.getByRole('progressbar', { name: 'Unseal progress' })).toHaveAttribute(
      'aria-valuenow',
      '1',
    );
  });

  it('sends a key share, clears the field, and shows the new progress', async () => {
    const { server, vault } = sealedServer();
    server.on('POST /api/v1/vault/unseal', () => {
      vault.status = makeSealStatus({ sealed: true, progress: 2 });
      return ok(vault.status);
    });
    const { user, queryClient } = renderApp('/login', server);

    const field = await screen.findByLabelText('Unseal key share');
    await user.type(field, 'share-two');
    await user.click(screen.getByRole('button', { name: 'Submit key share' }));

    await waitFor(() =>
      expect(screen.getByText(/Key shares entered/)).toHaveTextContent('2 of 3'),
    );
    expect(field).toHaveValue('');
    expect(server.requestsTo('POST /api/v1/vault/unseal')[0]?.body).toEqual({
      key: 'share-two',
    });
    // Nothing in memory keeps the share once its request is answered.
    await waitFor(() =>
      expect(JSON.stringify(heldMutationVariables(queryClient))).not.toContain(
        'share-two',
      ),
    );
  });

  it('shows an unseal error beside the field', async () => {
    const { server } = sealedServer();
    server.on('POST /api/v1/vault/unseal', () =>
      fail(400, 'VAULT_ERROR', 'Vault rejected the key share: it is not a valid share.'),
    );
    const { user } = renderApp('/login', server);

    await user.type(await screen.findByLabelText('Unseal key share'), 'garbage');
    await user.click(screen.getByRole('button', { name: 'Submit key share' }));

    expect(await screen.findByLabelText('Unseal key share')).toHaveAccessibleDescription(
      expect.stringContaining('not a valid share'),
    );
  });

  it('resets the unseal progress on request', async () => {
    const { server, vault } = sealedServer();
    server.on('POST /api/v1/vault/unseal', () => {
      vault.status = makeSealStatus({ sealed: true, progress: 0 });
      return ok(vault.status);
    });
    const { user } = renderApp('/login', server);

    await user.click(await screen.findByRole('button', { name: 'Reset' }));

    expect(await screen.findByText(/Key shares entered/)).toHaveTextContent('0 of 3');
    expect(server.requestsTo('POST /api/v1/vault/unseal')[0]?.body).toEqual({
      reset: true,
    });
  });

  it('brings the login form back by itself once Vault is unsealed elsewhere', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { server, vault } = sealedServer();
    renderApp('/login', server);
    expect(await screen.findByLabelText('Unseal key share')).toBeInTheDocument();

    vault.status = makeSealStatus({ sealed: false });
    await vi.advanceTimersByTimeAsync(SEAL_POLL_MS);

    await waitFor(() => expect(screen.getByLabelText('Username')).toBeInTheDocument());
    expect(
      screen.queryByRole('heading', { name: 'Vault is sealed' }),
    ).not.toBeInTheDocument();
  });
});

describe('login page while Vault is sealed before the migration', () => {
  it('keeps the login form, since the secrets are still in the database, and offers unsealing', async () => {
    const server = new FakeServer()
      .on('GET /api/v1/auth/session', () => fail(401, 'UNAUTHENTICATED', 'Log in first.'))
      .on('GET /api/v1/vault/seal-status', () =>
        ok(makeSealStatus({ sealed: true, progress: 0 })),
      );
    renderApp('/login', server);

    const unseal = await screen.findByRole('region', { name: 'Unseal Vault' });
    const notice = within(unseal).getByRole('status');
    expect(notice).toHaveClass('p-notification--caution');
    expect(notice).toHaveTextContent(/Vault is sealed.*Logging in still works/);
    expect(within(unseal).getByLabelText('Unseal key share')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
  });
});

describe('login page while Vault is unreachable', () => {
  const unreachable = makeSealStatus({
    reachable: false,
    initialized: false,
    t: 0,
    n: 0,
  });

  it('says so when the session was lost to Vault, and keeps the login form', async () => {
    const server = new FakeServer()
      .on('GET /api/v1/auth/session', () => fail(401, 'VAULT_SEALED', 'Vault is sealed.'))
      .on('GET /api/v1/vault/seal-status', () => ok(unreachable));
    renderApp('/controllers', server);

    expect(
      await screen.findByRole('heading', { name: 'Vault is unreachable' }),
    ).toBeVisible();
    expect(screen.getByLabelText('Username')).toBeInTheDocument();
  });

  it('stays quiet on a controller that simply has no Vault configured yet', async () => {
    const server = new FakeServer()
      .on('GET /api/v1/auth/session', () => fail(401, 'UNAUTHENTICATED', 'Log in first.'))
      .on('GET /api/v1/vault/seal-status', () => ok(unreachable));
    const { queryClient } = renderApp('/login', server);

    expect(await screen.findByLabelText('Username')).toBeInTheDocument();
    await waitFor(() =>
      expect(queryClient.getQueryData(queryKeys.sealStatus)).toEqual(unreachable),
    );
    expect(screen.queryByText('Vault is unreachable')).not.toBeInTheDocument();
  });
});
