import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  apiPaths,
  configureVaultResponseSchema,
  integrationStatusSchema,
  sealStatusSchema,
} from '@vault-secrets/shared';
import type { ConfigureVaultInput, UnsealRequest } from '@vault-secrets/shared';
import { apiRequest } from '../../lib/api-client';
import { queryKeys } from '../../lib/query-keys';
import { SEAL_POLL_MS, STATUS_POLL_MS } from '../../lib/polling';

const integrationStatusQueryKey = queryKeys.integrationStatus;
const sealStatusQueryKey = queryKeys.sealStatus;

export function integrationStatusQueryOptions() {
  return queryOptions({
    queryKey: integrationStatusQueryKey,
    queryFn: ({ signal }) =>
      apiRequest(apiPaths.vaultStatus, integrationStatusSchema, { signal }),
    refetchInterval: STATUS_POLL_MS,
  });
}

/**
 * Anyone may ask, so a 401 here never means "log in". Polled while Vault is sealed;
 * while it is unreachable only when the caller knows Vault matters (the secrets are in
 * it), since a controller not yet configured also reports "unreachable".
 */
export function sealStatusQueryOptions({ watchUnreachable = false } = {}) {
  return queryOptions({
    queryKey: sealStatusQueryKey,
    queryFn: ({ signal }) =>
      apiRequest(apiPaths.sealStatus, sealStatusSchema, {
        signal,
        redirectOnUnauthorized: false,
      }),
    refetchInterval: (query) => {
      const status = query.state.data;
      if (!status) return SEAL_POLL_MS;
      if (status.reachable) return status.sealed ? SEAL_POLL_MS : false;
      return watchUnreachable ? SEAL_POLL_MS : false;
    },
    staleTime: 0,
  });
}

export function useConfigureVault(controllerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // The wrapped token rides in the variables: drop them once nobody watches.
    gcTime: 0,
    mutationFn: (input: ConfigureVaultInput) =>
      apiRequest(apiPaths.controllerVault(controllerId), configureVaultResponseSchema, {
        method: 'POST',
        body: input,
        sealedEndsSession: false,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: integrationStatusQueryKey }),
        queryClient.invalidateQueries({ queryKey: queryKeys.controllers }),
      ]),
  });
}

export function useUnseal() {
  const queryClient = useQueryClient();
  return useMutation({
    // The key share rides in the variables: drop them once nobody watches.
    gcTime: 0,
    mutationFn: (request: UnsealRequest) =>
      apiRequest(apiPaths.unseal, sealStatusSchema, {
        method: 'POST',
        body: request,
        redirectOnUnauthorized: false,
      }),
    onSuccess: (status) => queryClient.setQueryData(sealStatusQueryKey, status),
  });
}
