import { screen, waitFor } from '@testing-library/react';
import type { IntegrationStatus, User } from '@vault-secrets/shared';
import { describe, expect, it, vi } from 'vitest';
import { STATUS_POLL_MS } from '../../lib/polling';
import { queryKeys } from '../../lib/query-keys';
import { adminUser, makeStatus, plainUser } from '../../test/fixtures';
import { FakeServer, ok } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';

function serverWith(user: User, status: IntegrationStatus) {
  return new FakeServer()
    .on('GET /api/v1/auth/session', () => ok({ user }))
    .on('GET /api/v1/vault/status', () => ok(status))
    .on('GET /api/v1/controllers', () => ok({ controllers: status.controllers }));
}

describe('integration banner', () => {
  it('counts the controllers still to configure while partially configured', async () => {
    renderApp('/controllers', serverWith(adminUser, makeStatus(1)));

    const banner = await screen.findByRole('status', { name: /integration incomplete/ });
    expect(banner).toHaveClass('p-notification--caution');
    expect(banner).toHaveTextContent(/integration incomplete/);
    expect(banner).toHaveTextContent('2 of 3 controllers still need Vault configured');
    expect(screen.getByRole('link', { name: 'Go to Vault settings' })).toHaveAttribute(
      'href',
      '/settings/vault',
    );
  });

  it('asks for the migration once every controller is configured', async () => {
    renderApp('/controllers', serverWith(adminUser, makeStatus(3)));

    const banner = await screen.findByRole('status', { name: /integration incomplete/ });
    expect(banner).toHaveTextContent('the secrets must be migrated to Vault');
    expect(banner).not.toHaveTextContent(/controllers still need/);
  });

  it('is not shown once the secrets are in Vault', async () => {
    const server = serverWith(
      adminUser,
      makeStatus(3, { state: 'enabled', vaultEnabled: true }),
    );
    const { queryClient } = renderApp('/controllers', server);

    await screen.findByRole('heading', { name: 'Controllers' });
    await waitFor(() =>
      expect(queryClient.getQueryData(queryKeys.integrationStatus)).toBeDefined(),
    );
    expect(screen.queryByText(/integration incomplete/)).not.toBeInTheDocument();
  });

  it('is not shown to plain users, who do not even ask for the status', async () => {
    const server = serverWith(plainUser, makeStatus(1));
    renderApp('/controllers', server);

    expect(await screen.findByText('region-1')).toBeInTheDocument();
    expect(screen.queryByText(/integration incomplete/)).not.toBeInTheDocument();
    expect(server.requestsTo('GET /api/v1/vault/status')).toHaveLength(0);
  });

  it('follows the status without a reload: counts down, then asks for the migration', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const cluster = { status: makeStatus(2) };
    const server = new FakeServer()
      .on('GET /api/v1/auth/session', () => ok({ user: adminUser }))
      .on('GET /api/v1/vault/status', () => ok(cluster.status))
      .on('GET /api/v1/controllers', () =>
        ok({ controllers: cluster.status.controllers }),
      );
    renderApp('/controllers', server);
    const banner = await screen.findByRole('status', { name: /integration incomplete/ });
    expect(banner).toHaveTextContent('1 of 3 controllers still need Vault configured');

    cluster.status = makeStatus(3);
    await vi.advanceTimersByTimeAsync(STATUS_POLL_MS);

    await waitFor(() =>
      expect(banner).toHaveTextContent('the secrets must be migrated to Vault'),
    );
  });
});
