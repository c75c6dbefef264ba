import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPaths, sessionResponseSchema } from '@vault-secrets/shared';
import type { LoginRequest, User } from '@vault-secrets/shared';
import { apiRequest, apiSend } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';

export const sessionQueryKey = queryKeys.session;

/**
 * Who is signed in. On /login the probe may answer 401 without sending anyone
 * anywhere, so the caller says whether a 401 should redirect.
 */
export function sessionQueryOptions({ redirectOnUnauthorized = true } = {}) {
  return queryOptions({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) =>
      apiRequest(apiPaths.session, sessionResponseSchema, {
        signal,
        redirectOnUnauthorized,
      }),
    select: (data): User => data.user,
    staleTime: 60_000,
    retry: false,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    // The password rides in the mutation's variables: drop them once nobody watches.
    gcTime: 0,
    mutationFn: (credentials: LoginRequest) =>
      apiRequest(apiPaths.login, sessionResponseSchema, {
        method: 'POST',
        body: credentials,
        redirectOnUnauthorized: false,
      }),
    onSuccess: (data) => queryClient.setQueryData(sessionQueryKey, data),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend(apiPaths.logout, { method: 'POST' }),
    // Whatever the server said, nothing of this user's data stays in memory.
    onSettled: () => queryClient.clear(),
  });
}
