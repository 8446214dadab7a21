import { authClient } from '../../lib/auth-client';
import { queryClient } from '../../lib/trpc';

/** Ends the session and forgets everything cached for this user, so the next account starts clean. */
export async function signOut(): Promise<void> {
  await authClient.signOut();
  queryClient.clear();
}
