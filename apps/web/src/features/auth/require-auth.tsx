import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorMessage, Spinner } from '../../components';
import { authPathWithNext } from '../../lib/safe-next';
import { useSession } from './use-session';

/** Renders the child routes for a signed-in user; otherwise sends them to sign in and back here afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Spinner label="Checking your session…" />;
  if (session.isError) {
    return (
      <main className="page page--narrow" id="main">
        <ErrorMessage>Could not reach the server. Check your connection and reload the page.</ErrorMessage>
      </main>
    );
  }
  if (!session.data.user) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={authPathWithNext('/sign-in', here)} replace />;
  }
  return <Outlet />;
}
