import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CONTROLLERS_POLL_MS } from '../lib/polling';
import { makeController, plainUser } from '../test/fixtures';
import { FakeServer, fail, ok } from '../test/fake-server';
import { renderApp } from '../test/render-app';

describe('background refresh failures', () => {
  it('keeps the data on screen and says once, quietly, that updates are paused', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let controllerAnswers = true;
    const server = new FakeServer()
      .on('GET /api/v1/auth/session', () => ok({ user: plainUser }))
      .on('GET /api/v1/controllers', () =>
        controllerAnswers
          ? ok({ controllers: [makeController()] })
          : fail(502, 'INTERNAL', 'Bad gateway.'),
      );
    renderApp('/controllers', server);
    expect(
      await screen.findByRole('rowheader', { name: 'region-1' }),
    ).toBeInTheDocument();

    controllerAnswers = false;
    await vi.advanceTimersByTimeAsync(CONTROLLERS_POLL_MS);

    const notice = await screen.findByText('Updates paused');
    expect(notice.closest('[role="status"]')).not.toBeNull();
    expect(
      within(screen.getByRole('main')).getByText(/shows what it last received/),
    ).toBeVisible();
    expect(screen.getByRole('rowheader', { name: 'region-1' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    controllerAnswers = true;
    await vi.advanceTimersByTimeAsync(CONTROLLERS_POLL_MS);

    await vi.waitFor(() =>
      expect(screen.queryByText(/Updates paused/)).not.toBeInTheDocument(),
    );
  });
});
