import { screen, waitFor } from '@testing-library/react';
import type { IntegrationStatus, Migration } from '@vault-secrets/shared';
import { describe, expect, it, vi } from 'vitest';
import { MIGRATION_POLL_MS } from '../../lib/polling';
import { adminUser, makeMigration, makeStatus } from '../../test/fixtures';
import { FakeServer, fail, ok } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';

function settingsServer(status: IntegrationStatus, migration: Migration | null = null) {
  return new FakeServer()
    .on('GET /api/v1/auth/session', () => ok({ user: adminUser }))
    .on('GET /api/v1/vault/status', () => ok(status))
    .on('GET /api/v1/vault/migration', () => ok({ migration }));
}

describe('migrate section', () => {
  it('lists the controllers still missing as an unmet precondition', async () => {
    renderApp('/settings/vault', settingsServer(makeStatus(1)));

    const preconditions = await screen.findByRole('list', { name: 'Preconditions' });
    expect(preconditions).toHaveTextContent(
      'Not met: Every controller is configured. Still missing: region-2, region-3.',
    );
    expect(preconditions).toHaveTextContent('Met: Vault is reachable and unsealed.');
    const button = screen.getByRole('button', { name: 'Migrate secrets to Vault' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/once both conditions above are met/);
  });

  it('says when Vault is sealed, without blaming the controllers', async () => {
    const status = makeStatus(3, {
      vault: { reachable: true, initialized: true, sealed: true },
    });
    renderApp('/settings/vault', settingsServer(status));

    const preconditions = await screen.findByRole('list', { name: 'Preconditions' });
    expect(preconditions).toHaveTextContent('Met: All 3 controllers are configured.');
    expect(preconditions).toHaveTextContent(/Not met: .*Vault is sealed/);
    expect(
      screen.getByRole('button', { name: 'Migrate secrets to Vault' }),
    ).toBeDisabled();
  });

  it('shows a refusal the page could not foresee beside the button, naming the controllers', async () => {
    // The page's view is a poll old: region-3 lost its configuration since.
    const server = settingsServer(makeStatus(3)).on('POST /api/v1/vault/migrate', () =>
      fail(
        409,
        'CONTROLLERS_NOT_CONFIGURED',
        'Configure every controller before migrating.',
        {
          controllers: ['region-2', 'region-3'],
        },
      ),
    );
    const { user } = renderApp('/settings/vault', server);

    const button = await screen.findByRole('button', {
      name: 'Migrate secrets to Vault',
    });
    await user.click(button);

    const error = await screen.findByRole('alert');
    expect(error).toHaveTextContent(
      'Configure every controller before migrating. Controllers: region-2, region-3.',
    );
    expect(button).toHaveAccessibleDescription(/region-2, region-3/);
  });

  it('shows the progress of a running migration once started', async () => {
    const server = settingsServer(makeStatus(3)).on('POST /api/v1/vault/migrate', () =>
      ok({ migration: makeMigration({ migrated: 50, total: 200 }) }, 202),
    );
    const { user } = renderApp('/settings/vault', server);

    await user.click(
      await screen.findByRole('button', { name: 'Migrate secrets to Vault' }),
    );

    const bar = await screen.findByRole('progressbar', { name: 'Migration progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '50');
    expect(bar).toHaveAttribute('aria-valuemax', '200');
    expect(screen.getByText(/50 of 200 secrets moved/)).toBeInTheDocument();
    // Announced once, not every second with the counts.
    const announced = screen
      .getAllByRole('status')
      .map((region) => region.textContent)
      .filter((text) => text?.includes('Migrating'));
    expect(announced).toEqual(['Migrating secrets to Vault']);
    expect(
      screen.getByRole('button', { name: 'Migrate secrets to Vault' }),
    ).toBeDisabled();
  });

  it('announces a finished migration as positive and offers no second one', async () => {
    const done = makeMigration({ state: 'succeeded', migrated: 200, total: 200 });
    const status = makeStatus(3, {
      state: 'enabled',
      vaultEnabled: true,
      migration: done,
    });
    renderApp('/settings/vault', settingsServer(status, done));

    const notice = await screen.findByText('Secrets migrated to Vault');
    expect(notice.closest('.p-notification--positive')).not.toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Migrate secrets to Vault' }),
    ).not.toBeInTheDocument();
  });

  it('follows a running migration without a reload', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const progress = { migration: makeMigration({ migrated: 10, total: 100 }) };
    const status = makeStatus(3, { state: 'migrating', migration: progress.migration });
    const server = settingsServer(status).on('GET /api/v1/vault/migration', () =>
      ok({ migration: progress.migration }),
    );
    renderApp('/settings/vault', server);
    const bar = await screen.findByRole('progressbar', { name: 'Migration progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '10');

    progress.migration = makeMigration({ migrated: 60, total: 100 });
    await vi.advanceTimersByTimeAsync(MIGRATION_POLL_MS);

    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '60'));
  });
});
