import type { QueryClient } from '@tanstack/react-query';
import { QueryClientProvider } from '@tanstack/react-query';
import type { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';
import { loginPathFor } from './safe-next';

type AppRouter = ReturnType<typeof createBrowserRouter>;

/**
 * A 401 (or a sealed Vault) anywhere sends the user to /login and, after login, back
 * where they were. On /login itself it is the expected answer and changes nothing.
 */
export function redirectToLoginOnUnauthorized(
  router: AppRouter,
  queryClient: QueryClient,
) {
  setUnauthorizedHandler((error) => {
    const { location } = router.state;
    if (location.pathname === '/login') return;
    queryClient.removeQueries({ queryKey: queryKeys.session });
    void router.navigate(loginPathFor(location), {
      replace: true,
      state: { reason: error.code },
    });
  });
}

export function App({
  router,
  queryClient,
}: {
  router: AppRouter;
  queryClient: QueryClient;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
