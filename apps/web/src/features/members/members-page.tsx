import { useMutation, useQuery } from '@tanstack/react-query';
import { ACTIONS_COLUMN, ConfirmButton, DataTable, ErrorMessage, QueryStatus } from '../../components';
import { Select } from '../../components/select';
import { describeApiError } from '../../lib/api-error';
import type { Member } from '../../lib/api-types';
import { hasRole, ROLE_LABELS, ROLES, type Role } from '../../lib/roles';
import { trpc } from '../../lib/trpc';
import { useInvalidate } from '../../lib/use-invalidate';
import { useSession } from '../auth';
import { InviteMemberForm, PendingInvitations } from '../invitations';
import { useWorkspace } from '../workspaces';
import { LeaveWorkspaceButton } from './leave-workspace-button';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** `/w/:workspaceId/members`: owners manage members and invitations; everyone else reads the list. */
export function MembersPage() {
  const workspace = useWorkspace();
  const isOwner = hasRole(workspace.role, 'owner');
  const members = useQuery(trpc.members.list.queryOptions({ workspaceId: workspace.id }));
  const userId = useSession().data?.user?.id;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <title>{`Members · ${workspace.name} · Raisin`}</title>
          <h1>Members</h1>
          <p className="muted">{workspace.name}</p>
        </div>
        <div className="actions">
          {userId !== undefined && <LeaveWorkspaceButton workspace={workspace} userId={userId} />}
        </div>
      </div>
      {isOwner && <InviteMemberForm workspaceId={workspace.id} />}
      <section aria-labelledby="members-heading" className="section">
        <h2 id="members-heading">People in this workspace</h2>
        {!isOwner && <p className="notice">Only owners can invite people or change roles.</p>}
        <QueryStatus query={members} loading="Loading members…" />
        {members.data && (
          <DataTable
            label="People in this workspace"
            columns={['Name', 'Email', 'Role', isOwner && ACTIONS_COLUMN]}
          >
            {members.data.map((member) => (
              <MemberRow key={member.userId} member={member} workspaceId={workspace.id} editable={isOwner} />
            ))}
          </DataTable>
        )}
      </section>
      {isOwner && <PendingInvitations workspaceId={workspace.id} />}
    </div>
  );
}

function MemberRow({
  member,
  workspaceId,
  editable,
}: {
  member: Member;
  workspaceId: string;
  editable: boolean;
}) {
  const session = useSession();
  const isSelf = session.data?.user?.id === member.userId;
  const refresh = useInvalidate(trpc.members.list.queryKey());
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSettled: refresh }));
  const who = member.name || member.email;
  const failure = changeRole.error ?? remove.error;

  return (
    <tr>
      <td>
        {member.name}
        {isSelf && <span className="muted"> (you)</span>}
      </td>
      <td className="breakable">{member.email}</td>
      <td>
        {editable ? (
          <Select<Role>
            label={`Role of ${who}`}
            hideLabel
            value={member.role}
            options={ROLE_OPTIONS}
            disabled={changeRole.isPending}
            onValueChange={(role) => changeRole.mutate({ workspaceId, userId: member.userId, role })}
          />
        ) : (
          ROLE_LABELS[member.role]
        )}
        {failure && <ErrorMessage>{describeApiError(failure)}</ErrorMessage>}
      </td>
      {editable && (
        <td className="nowrap">
          {/* One's own row: "Leave workspace" above does that, and then takes you home. */}
          {!isSelf && (
            <ConfirmButton
              variant="danger"
              aria-label={`Remove ${who}`}
              disabled={remove.isPending}
              confirm={`Remove ${who} from this workspace?`}
              onConfirm={() => remove.mutate({ workspaceId, userId: member.userId })}
            >
              Remove
            </ConfirmButton>
          )}
        </td>
      )}
    </tr>
  );
}
