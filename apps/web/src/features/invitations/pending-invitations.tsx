import { formatDateOfInstant } from '@raisin/core/format';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ACTIONS_COLUMN, Button, DataTable, ErrorMessage, Spinner } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { ROLE_LABELS } from '../../lib/roles';
import { trpc } from '../../lib/trpc';

export function PendingInvitations({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.invitations.list.queryOptions({ workspaceId }));
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey() }),
    }),
  );

  return (
    <section aria-labelledby="pending-heading" className="section">
      <h2 id="pending-heading">Pending invitations</h2>
      {invitations.isPending && <Spinner label="Loading invitations…" />}
      {invitations.isError && <ErrorMessage>{describeApiError(invitations.error)}</ErrorMessage>}
      {revoke.isError && <ErrorMessage>{describeApiError(revoke.error)}</ErrorMessage>}
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
