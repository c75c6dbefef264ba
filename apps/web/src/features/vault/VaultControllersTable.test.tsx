import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminUser, makeController, makeStatus } from '../../test/fixtures';
import { FakeServer, ok } from '../../test/fake-server';
import { renderApp } from '../../test/render-app';

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('rowheader', { name }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('controllers table on the Vault settings page', () => {
  it('shows each controller online or not, when last seen, its Vault state and since when', async () => {
    const status = makeStatus(1);
    status.controllers[2] = makeController({
      id: 'c-3',
      name: 'region-3',
      online: false,
      lastSeen: null,
    });
    const server = new FakeServer()
      .on('GET /api/v1/auth/session', () => ok({ user: adminUser }))
      .on('GET /api/v1/vault/status', () => ok(status));
    renderApp('/settings/vault', server);

    const table = await screen.findByRole('table', {
      name: 'Controllers and their Vault state',
    });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((header) => header.textContent)).toEqual([
      'Name',
      'Status',
      'Last seen',
      'Vault state',
      'Actions',
    ]);
    const first = rowOf('region-1');
    expect(within(first).getByText('Online')).toBeInTheDocument();
    expect(within(first).getByText('Configured — logged in')).toBeInTheDocument();
    expect(within(first).getAllByText(/seconds? ago|now/)).toHaveLength(2);
    expect(within(rowOf('region-2')).getByText('Not configured')).toBeInTheDocument();
    const offline = rowOf('region-3');
    expect(within(offline).getByText('Offline')).toBeInTheDocument();
    expect(within(offline).getByText('never')).toBeInTheDocument();
    expect(within(offline).getByText('Unknown (offline)')).toBeInTheDocument();
  });
});
