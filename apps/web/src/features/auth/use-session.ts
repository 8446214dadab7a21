import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc';

/** The signed-in user from `session.me` (one cache for the whole app; refreshed after sign-in/out). */
export function useSession() {
  return useQuery({ ...trpc.session.me.queryOptions(), staleTime: 60_000 });
}
