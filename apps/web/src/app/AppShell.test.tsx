import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminUser, makeController, makeSealStatus, makeStatus } from '../test/fixtures';
import { FakeServer, fail, ok } from '../test/fake-server';
import { renderApp } from '../test/render-app';

function shellServer() {
  return new FakeServer()
    .on('GET /api/v1/auth/session', () => ok({ user: adminUser }))
    .on('GET /api/v1/vault/status', () => ok(makeStatus(3, { state: 'enabled' })))
    .on('GET /api/v1/vault/seal-status', () => ok(makeSealStatus()))
    .on('GET /api/v1/controllers', () =>
      ok({
        controllers: [
          makeController(),
          makeController({ id: 'c-2', name: 'region-2', online: false, lastSeen: null }),
        ],
      }),
    );
}

describe('app shell', () => {
  it('shows the product, the navigation and who is signed in', async () => {
    renderApp('/controllers', shellServer());

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Controllers' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Vault settings' })).toHaveAttribute(
      'href',
      '/settings/vault',
    );
    expect(screen.getByRole('banner')).toHaveTextContent('Vault secrets');
    expect(screen.getByText(/Signed in as/)).toHaveTextContent(
      'Signed in as admin (administrator)',
    );
    expect(screen.getByRole('main')).toBeInTheDocument();
  });

  it('lists the controllers with their status and last heartbeat', async () => {
    renderApp('/controllers', shellServer());

    const row = (await screen.findByRole('rowheader', { name: 'region-1' })).closest(
      'tr',
    )!;
    expect(within(row).getByText('Online')).toBeInTheDocument();
    expect(within(row).getByText('http://127.0.0.1:5240')).toBeInTheDocument();
    expect(within(row).getByText(/seconds? ago|now/)).toHaveAttribute('title');
    const offline = screen.getByRole('rowheader', { name: 'region-2' }).closest('tr')!;
    expect(within(offline).getByText('Offline')).toBeInTheDocument();
    expect(within(offline).getByText('never')).toBeInTheDocument();
  });

  it('logs out and returns to the login page', async () => {
    let loggedIn = true;
    const server = shellServer()
      .on('GET /api/v1/auth/session', () =>
        loggedIn
          ? ok({ user: adminUser })
          : fail(401, 'UNAUTHENTICATED', 'Log in first.'),
      )
      .on('POST /api/v1/auth/logout', () => {
        loggedIn = false;
        return ok(null, 204);
      });
    const { user, router } = renderApp('/controllers', server);

    await user.click(await screen.findByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(server.requestsTo('POST /api/v1/auth/logout')).toHaveLength(1);
  });

  it('answers an unknown address with a page-not-found inside the shell', async () => {
    renderApp('/no/such/page', shellServer());

    expect(
      await screen.findByRole('heading', { name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });
});
