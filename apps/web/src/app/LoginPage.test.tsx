import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminUser, makeSealStatus } from '../test/fixtures';
import { CSRF_TOKEN, FakeServer, fail, ok } from '../test/fake-server';
import { heldMutationVariables, renderApp } from '../test/render-app';

function loggedOutServer() {
  return new FakeServer()
    .on('GET /api/v1/auth/session', () => fail(401, 'UNAUTHENTICATED', 'Log in first.'))
    .on('GET /api/v1/vault/seal-status', () => ok(makeSealStatus()))
    .on('GET /api/v1/controllers', () => ok({ controllers: [] }))
    .on('GET /api/v1/vault/status', () => fail(503, 'INTERNAL', 'not needed here'));
}

async function fillAndSubmit(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Username'), 'admin');
  await user.type(screen.getByLabelText('Password'), 'correct horse');
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('login page', () => {
  it('logs in and goes to the page named in next, sending the CSRF token', async () => {
    const server = loggedOutServer().on('POST /api/v1/auth/login', () =>
      ok({ user: adminUser }),
    );
    const { user, router } = renderApp('/login?next=%2Fcontrollers', server);

    await fillAndSubmit(user);

    expect(
      await screen.findByRole('heading', { name: 'Controllers' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/controllers');
    const [login] = server.requestsTo('POST /api/v1/auth/login');
    expect(login?.body).toEqual({ username: 'admin', password: 'correct horse' });
    expect(login?.headers.get('X-CSRFToken')).toBe(CSRF_TOKEN);
  });

  it('shows wrong credentials inside the form and stays on /login', async () => {
    const server = loggedOutServer().on('POST /api/v1/auth/login', () =>
      fail(401, 'INVALID_CREDENTIALS', 'Invalid username or password.'),
    );
    const { user, router, queryClient } = renderApp('/login', server);

    await fillAndSubmit(user);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The username or password is wrong');
    await waitFor(() =>
      expect(JSON.stringify(heldMutationVariables(queryClient))).not.toContain(
        'correct horse',
      ),
    );
    expect(router.state.location.pathname).toBe('/login');
    // Ready for the next attempt: the wrong password is gone and the field has focus.
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(screen.getByLabelText('Username')).toHaveValue('admin');
  });

  it('tells a rate-limited user how long to wait', async () => {
    const server = loggedOutServer().on('POST /api/v1/auth/login', () =>
      fail(429, 'RATE_LIMITED', 'Too many attempts.', { retryAfterSeconds: 42 }),
    );
    const { user } = renderApp('/login', server);

    await fillAndSubmit(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 42 seconds');
  });

  it('says what is missing without calling the server when a field is empty', async () => {
    const server = loggedOutServer();
    const { user } = renderApp('/login', server);

    await user.type(await screen.findByLabelText('Username'), 'admin');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a password.');
    expect(server.requestsTo('POST /api/v1/auth/login')).toHaveLength(0);
  });

  it('switches to the sealed screen when login answers VAULT_SEALED', async () => {
    let sealed = false;
    const server = loggedOutServer()
      .on('GET /api/v1/vault/seal-status', () => ok(makeSealStatus({ sealed })))
      .on('POST /api/v1/auth/login', () => {
        sealed = true;
        return fail(503, 'VAULT_SEALED', 'Vault is sealed.');
      });
    const { user } = renderApp('/login', server);

    await fillAndSubmit(user);

    const notice = await screen.findByRole('heading', { name: 'Vault is sealed' });
    expect(
      within(notice.closest('div[role="alert"]')!).getByText(/nobody can log in/),
    ).toBeVisible();
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument();
  });
});
