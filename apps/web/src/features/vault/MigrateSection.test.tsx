import { screen } from '@testing-library/react';
import type { IntegrationStatus } from '@vault-secrets/shared';
import { describe, expect, it } from 'vitest';
import { adminUser, makeStatus } from '../../test/fixtures';
import { FakeServer, ok } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';

function settingsServer(status: IntegrationStatus) {
  return new FakeServer()
    .on('GET /api/v1/auth/session', () => ok({ user: adminUser }))
    .on('GET /api/v1/vault/status', () => ok(status));
}

describe('migrate section', () => {
  it('lists the controllers still missing as an unmet precondition', async () => {
    renderApp('/settings/vault', settingsServer(makeStatus(1)));

    const preconditions = await screen.findByRole('list', { name: 'Preconditions' });
    expect(preconditions).toHaveTextContent(
      'Not met: Every controller is configured. Still missing: region-2, region-3.',
    );
    expect(preconditions).toHaveTextContent('Met: Vault is reachable and unsealed.');
  });

  it('says when Vault is sealed, without blaming the controllers', async () => {
    const status = makeStatus(3, {
      vault: { reachable: true, initialized: true, sealed: true },
    });
    renderApp('/settings/vault', settingsServer(status));

    const preconditions = await screen.findByRole('list', { name: 'Preconditions' });
    expect(preconditions).toHaveTextContent('Met: All 3 controllers are configured.');
    expect(preconditions).toHaveTextContent(/Not met: .*Vault is sealed/);
  });

  it('offers no migrate action this version cannot carry out, and says why', async () => {
    const server = settingsServer(makeStatus(3));
    renderApp('/settings/vault', server);

    await screen.findByRole('list', { name: 'Preconditions' });
    expect(screen.getByText(/does not migrate secrets yet/)).toBeVisible();
    expect(screen.queryByRole('button', { name: /migrate/i })).not.toBeInTheDocument();
    const migrationCalls = server.requests.filter((r) => r.path.includes('migrat'));
    expect(migrationCalls).toEqual([]);
  });
});
