import type { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { App, redirectToLoginOnUnauthorized } from '../app/App';
import { routes } from '../app/routes';
import { connectionStatus } from '../lib/connection-status';
import { createQueryClient, queryDefaults } from '../lib/query-client';
import type { FakeServer } from './fake-server';

/** What the query client still remembers of every request body sent through a mutation. */
export function heldMutationVariables(queryClient: QueryClient): unknown[] {
  return queryClient
    .getMutationCache()
    .getAll()
    .map((mutation) => mutation.state.variables);
}

/** Renders the whole app at `path`, as the browser would, against the fake server. */
export function renderApp(path: string, server: FakeServer) {
  server.install();
  connectionStatus.reportSuccess();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  // No retries in tests: a failure is shown at once instead of after back-off.
  const queryClient = createQueryClient({
    ...queryDefaults,
    queries: { ...queryDefaults.queries, retry: false },
  });
  redirectToLoginOnUnauthorized(router, queryClient);
  const user = userEvent.setup({ delay: null });
  const view = render(<App router={router} queryClient={queryClient} />);
  return { ...view, router, queryClient, user };
}
