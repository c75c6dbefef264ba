import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { DefaultOptions } from '@tanstack/react-query';
import type { ApiError } from './api-error';
import { isApiError } from './api-error';
import { connectionStatus } from './connection-status';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

const MAX_RETRIES = 2;

/** Retry what may pass on its own (network, 5xx); a 4xx will answer the same again. */
function shouldRetry(failureCount: number, error: ApiError): boolean {
  if (!isApiError(error)) return false;
  const transient =
    error.status === 0 || (error.status >= 500 && error.code !== 'VAULT_SEALED');
  return transient && failureCount < MAX_RETRIES;
}

export const queryDefaults = {
  queries: {
    retry: shouldRetry,
    staleTime: 2000,
    refetchOnWindowFocus: true,
    refetchIntervalInBackground: false,
  },
  mutations: {
    retry: false,
  },
} satisfies DefaultOptions<ApiError>;

export function createQueryClient(defaults: DefaultOptions<ApiError> = queryDefaults) {
  return new QueryClient({
    defaultOptions: defaults,
    queryCache: new QueryCache({
      // A failed first load shows where its data would be; a failed refresh of data
      // already on screen only raises the quiet, global "updates paused" signal.
      onError: (_error, query) => {
        if (query.state.data !== undefined) connectionStatus.reportFailure();
      },
      onSuccess: () => connectionStatus.reportSuccess(),
    }),
    mutationCache: new MutationCache(),
  });
}
