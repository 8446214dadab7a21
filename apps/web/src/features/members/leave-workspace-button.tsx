import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, ErrorMessage } from '../../components';
import { Dialog, DialogActions } from '../../components/dialog';
import { describeApiError } from '../../lib/api-error';
import type { Workspace } from '../../lib/api-types';
import { trpc } from '../../lib/trpc';

/**
 * Any member may leave a workspace; the server refuses the last owner (who must promote someone first)
 * and the dialog says so. Afterwards the workspace is gone from this user's list and they go home.
 */
export function LeaveWorkspaceButton({ workspace, userId }: { workspace: Workspace; userId: string }) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const leave = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        queryClient.removeQueries({ queryKey: trpc.workspaces.get.queryKey({ workspaceId: workspace.id }) });
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.list.queryKey() });
        navigate('/', { replace: true });
      },
    }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) leave.reset();
      }}
      title={`Leave ${workspace.name}?`}
      description="You lose access to its projects at once. An owner can invite you again."
      trigger={<Button>Leave workspace</Button>}
    >
      {leave.isError && <ErrorMessage>{describeApiError(leave.error)}</ErrorMessage>}
      <DialogActions>
        <Button
          variant="danger"
          busy={leave.isPending}
          onClick={() => leave.mutate({ workspaceId: workspace.id, userId })}
        >
          Leave workspace
        </Button>
      </DialogActions>
    </Dialog>
  );
}
