import type { AppRouter } from '@raisin/api';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { isExpectedApiError } from './api-error';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Access errors are answers, not glitches: retrying NOT_FOUND/FORBIDDEN only delays the not-found page.
      retry: (failureCount, error) => !isExpectedApiError(error) && failureCount < 2,
      staleTime: 10_000,
    },
  },
});

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      // Session cookies ride along; `signal` is normalised because tRPC's type allows `undefined` there.
      fetch: (url, options) =>
        fetch(url, { ...options, signal: options?.signal ?? null, credentials: 'include' }),
    }),
  ],
});

/** `useQuery(trpc.projects.list.queryOptions({ workspaceId }))`: one typed proxy over the shared QueryClient. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
