import { formatDateOfInstant } from '@raisin/core/format';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ACTIONS_COLUMN, ApiErrorMessage, Button, DataTable, QueryStatus } from '../../components';
import { ROLE_LABELS } from '../../lib/roles';
import { trpc } from '../../lib/trpc';
import { useInvalidate } from '../../lib/use-invalidate';

export function PendingInvitations({ workspaceId }: { workspaceId: string }) {
  const invitations = useQuery(trpc.invitations.list.queryOptions({ workspaceId }));
  const refresh = useInvalidate(trpc.invitations.list.queryKey());
  const revoke = useMutation(trpc.invitations.revoke.mutationOptions({ onSettled: refresh }));

  return (
    <section aria-labelledby="pending-heading" className="section">
      <h2 id="pending-heading">Pending invitations</h2>
      <QueryStatus query={invitations} loading="Loading invitations…" />
      <ApiErrorMessage error={revoke.error} />
      {invitations.data?.length === 0 && <p className="muted">No pending invitations.</p>}
      {invitations.data && invitations.data.length > 0 && (
        <DataTable label="Pending invitations" columns={['Email', 'Role', 'Expires', ACTIONS_COLUMN]}>
          {invitations.data.map((invitation) => (
            <tr key={invitation.id}>
              <td className="breakable">{invitation.email}</td>
              {/* Short values stay whole at tablet width; the email is the cell that wraps. */}
              <td className="nowrap">{ROLE_LABELS[invitation.role]}</td>
              <td className="nowrap">{formatDateOfInstant(invitation.expiresAt)}</td>
              <td className="nowrap">
                <Button
                  aria-label={`Revoke invitation for ${invitation.email}`}
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ workspaceId, invitationId: invitation.id })}
                >
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
