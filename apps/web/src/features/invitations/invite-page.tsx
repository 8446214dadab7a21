import { formatDateTime } from '@raisin/core/format';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, ErrorMessage, Spinner } from '../../components';
import { describeApiError, getApiErrorCode, isNotFoundOrForbidden } from '../../lib/api-error';
import { ROLE_LABELS } from '../../lib/roles';
import { trpc } from '../../lib/trpc';
import { signOut, useSession } from '../auth';

/** `/invite/:token`: what the invitation is for, and Accept. Reached signed in (RequireAuth sends others to sign in). */
export function InvitePage() {
  const { token = '' } = useParams();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const preview = useQuery(trpc.invitations.preview.queryOptions({ token }));
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: async ({ workspaceId }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.list.queryKey() });
        // The link is used up: Back must not return to an "Accept" that can only fail, and a later
        // visit must ask the server again instead of showing the cached, no longer valid invitation.
        navigate(`/w/${workspaceId}`, { replace: true });
        queryClient.removeQueries({ queryKey: trpc.invitations.preview.queryKey({ token }) });
      },
    }),
  );
  const signedInEmail = session.data?.user?.email ?? '';

  if (preview.isPending) return <Spinner label="Loading invitation…" />;
  if (preview.isError) {
    return (
      <div className="page page--narrow">
        <title>Invitation not available · Raisin</title>
        <h1>Invitation not available</h1>
        {isNotFoundOrForbidden(preview.error) ? (
          <p>This invitation link is not valid: it may have expired, been revoked, or been used already.</p>
        ) : (
          <ErrorMessage>{describeApiError(preview.error)}</ErrorMessage>
        )}
        <p>
          <Link to="/">Go to your workspaces</Link>
        </p>
      </div>
    );
  }

  const invitation = preview.data;
  const wrongAccount = invitation.email.toLowerCase() !== signedInEmail.toLowerCase();
  const acceptCode = getApiErrorCode(accept.error);

  return (
    <div className="page page--narrow">
      <title>{`Invitation to ${invitation.workspaceName} · Raisin`}</title>
      <h1>Join {invitation.workspaceName}</h1>
      <dl className="facts">
        <dt>Workspace</dt>
        <dd>{invitation.workspaceName}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[invitation.role]}</dd>
        <dt>Invited by</dt>
        <dd>{invitation.invitedByName}</dd>
        <dt>For</dt>
        <dd>{invitation.email}</dd>
        <dt>Expires</dt>
        <dd>{formatDateTime(invitation.expiresAt)}</dd>
      </dl>
      {wrongAccount && (
        <ErrorMessage
          action={
            <Button
              onClick={async () => {
                await signOut();
                navigate(`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`, { replace: true });
              }}
            >
              Sign in with another account
            </Button>
          }
        >
          This invitation is for {invitation.email}, but you are signed in as {signedInEmail}.
        </ErrorMessage>
      )}
      {accept.isError && (
        <ErrorMessage>
          {acceptCode === 'CONFLICT'
            ? 'You are already a member of this workspace.'
            : acceptCode === 'FORBIDDEN'
              ? `This invitation is for ${invitation.email}; sign in with that address to accept it.`
              : describeApiError(accept.error)}
        </ErrorMessage>
      )}
      <div className="actions">
        <Button
          variant="primary"
          busy={accept.isPending}
          disabled={wrongAccount}
          onClick={() => accept.mutate({ token })}
        >
          Accept invitation
        </Button>
        <Link to="/">Not now</Link>
      </div>
    </div>
  );
}
