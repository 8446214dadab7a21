import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, ErrorMessage, TextField } from '../../components';
import { Dialog, DialogActions } from '../../components/dialog';
import { describeApiError } from '../../lib/api-error';
import type { Workspace } from '../../lib/api-types';
import { trpc } from '../../lib/trpc';

/**
 * Owner-only: deletes the workspace with every project in it, after the owner types its name, since
 * nothing can bring it back (a demo workspace is deleted the same way and recreated from the projects page).
 */
export function DeleteWorkspaceButton({ workspace }: { workspace: Workspace }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation(
    trpc.workspaces.delete.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        queryClient.removeQueries({ queryKey: trpc.workspaces.get.queryKey({ workspaceId: workspace.id }) });
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.list.queryKey() });
        navigate('/', { replace: true });
      },
    }),
  );
  const confirmed = typed.trim() === workspace.name;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmed) remove.mutate({ workspaceId: workspace.id });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setTyped('');
        if (!next) remove.reset();
      }}
      title={`Delete ${workspace.name}?`}
      description="Every project, sample, roadmap and invitation in this workspace is deleted for all its members. This cannot be undone."
      trigger={<Button variant="danger">Delete workspace</Button>}
    >
      <form className="stack" onSubmit={onSubmit} noValidate>
        {remove.isError && <ErrorMessage>{describeApiError(remove.error)}</ErrorMessage>}
        <TextField
          label="Type the workspace name to confirm"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
        />
        <DialogActions>
          <Button type="submit" variant="danger" busy={remove.isPending} disabled={!confirmed}>
            Delete workspace
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
