import { queryOptions } from '@tanstack/react-query';
import { apiPaths, controllersResponseSchema } from '@vault-secrets/shared';
import { apiRequest } from '../../lib/api-client';
import { CONTROLLERS_POLL_MS } from '../../lib/polling';
import { queryKeys } from '../../lib/query-keys';

export function controllersQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.controllers,
    queryFn: ({ signal }) =>
      apiRequest(apiPaths.controllers, controllersResponseSchema, { signal }),
    select: (data) => data.controllers,
    refetchInterval: CONTROLLERS_POLL_MS,
  });
}
