import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminUser, makeController, makeSealStatus, makeStatus } from '../test/fixtures';
import { FakeServer, fail, ok } from '../test/fake-server';
import { renderApp } from '../test/render-app';

describe('losing the session', () => {
  it('sends a 401 to /login?next= and comes back there after login', async () => {
    let loggedIn = false;
    const server = new FakeServer()
      .on('GET /api/v1/auth/session', () =>
        loggedIn
          ? ok({ user: adminUser })
          : fail(401, 'UNAUTHENTICATED', 'Log in first.'),
      )
      .on('GET /api/v1/vault/seal-status', () => ok(makeSealStatus()))
      .on('GET /api/v1/vault/status', () => ok(makeStatus(3)))
      .on('POST /api/v1/auth/login', () => {
        loggedIn = true;
        return ok({ user: adminUser });
      });
    const { user, router } = renderApp('/settings/vault?tab=1', server);

    await user.type(await screen.findByLabelText('Username'), 'admin');
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe(
      `?next=${encodeURIComponent('/settings/vault?tab=1')}`,
    );

    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(
      await screen.findByRole('heading', { name: 'Vault settings', level: 1 }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/vault');
  });

  it('sends a data request answering 401 mid-session to /login', async () => {
    const server = new FakeServer()
      .on('GET /api/v1/auth/session', () => ok({ user: adminUser }))
      .on('GET /api/v1/vault/status', () => ok(makeStatus(3)))
      .on('GET /api/v1/vault/seal-status', () => ok(makeSealStatus()))
      .on('GET /api/v1/controllers', () =>
        fail(401, 'UNAUTHENTICATED', 'Session expired.'),
      );
    const { router } = renderApp('/controllers', server);

    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?next=%2Fcontrollers');
  });

  it('shows the sealed screen when the session answers VAULT_SEALED', async () => {
    const server = new FakeServer()
      .on('GET /api/v1/auth/session', () => fail(401, 'VAULT_SEALED', 'Vault is sealed.'))
      .on('GET /api/v1/vault/seal-status', () => ok(makeSealStatus({ sealed: true })));
    const { router } = renderApp('/controllers', server);

    expect(await screen.findByLabelText('Unseal key share')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('refuses to send the user to another site after login', async () => {
    const server = new FakeServer()
      .on('GET /api/v1/auth/session', () => fail(401, 'UNAUTHENTICATED', 'Log in first.'))
      .on('GET /api/v1/vault/seal-status', () => ok(makeSealStatus()))
      .on('GET /api/v1/controllers', () => ok({ controllers: [makeController()] }))
      .on('GET /api/v1/vault/status', () => ok(makeStatus(3)))
      .on('POST /api/v1/auth/login', () => ok({ user: adminUser }));
    const { user, router } = renderApp('/login?next=%2F%2Fevil.example', server);

    await user.type(await screen.findByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(
      await screen.findByRole('heading', { name: 'Controllers' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/controllers');
  });
});
