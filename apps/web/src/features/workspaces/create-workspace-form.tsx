import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Button, ErrorMessage, TextField } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { isOverLimit } from '../../lib/text-limit';
import { trpc } from '../../lib/trpc';

export const WORKSPACE_NAME_MAX_LENGTH = 80;

export interface CreateWorkspaceFormProps {
  onCreated: (workspaceId: string) => void;
  /** Extra buttons (e.g. Cancel in a dialog), placed after Create. */
  secondaryAction?: ReactNode;
  autoFocus?: boolean;
}

export function CreateWorkspaceForm({
  onCreated,
  secondaryAction,
  autoFocus = false,
}: CreateWorkspaceFormProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const create = useMutation(
    trpc.workspaces.create.mutationOptions({
      onSuccess: async (workspace) => {
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.list.queryKey() });
        onCreated(workspace.id);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setNameError('Enter a name for the workspace.');
    if (isOverLimit(trimmed, WORKSPACE_NAME_MAX_LENGTH)) return;
    setNameError(undefined);
    create.mutate({ name: trimmed });
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {create.isError && <ErrorMessage>{describeApiError(create.error)}</ErrorMessage>}
      <TextField
        label="Workspace name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={nameError}
        hint="Usually your team or product, e.g. “Marketplace ML”."
        limit={WORKSPACE_NAME_MAX_LENGTH}
        autoFocus={autoFocus}
      />
      <div className="actions">
        <Button type="submit" variant="primary" busy={create.isPending}>
          Create workspace
        </Button>
        {secondaryAction}
      </div>
    </form>
  );
}
