import { type QueryKey, useQueryClient } from '@tanstack/react-query';

/**
 * Marks the queries under each key stale, so that those on screen load again: what a mutation calls
 * once the list it changed is out of date (`onSettled: refresh`).
 */
export function useInvalidate(...queryKeys: readonly QueryKey[]): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
}
