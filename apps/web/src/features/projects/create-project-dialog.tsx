import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, ErrorMessage } from '../../components';
import { Dialog, DialogCancel } from '../../components/dialog';
import { describeApiError } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';
import type { ProjectDraft } from './project-fields';
import { ProjectForm } from './project-form';

const EMPTY_DRAFT: ProjectDraft = { name: '', description: '' };

export interface CreateProjectDialogProps {
  workspaceId: string;
  triggerVariant?: 'primary' | 'secondary';
}

export function CreateProjectDialog({ workspaceId, triggerVariant = 'primary' }: CreateProjectDialogProps) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ProjectDraft>(EMPTY_DRAFT);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation(
    trpc.projects.create.mutationOptions({
      onSuccess: async (project) => {
        await queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() });
        setOpen(false);
        setDraft(EMPTY_DRAFT);
        navigate(`/w/${workspaceId}/p/${project.id}/worksheet`);
      },
    }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) create.reset();
      }}
      title="New project"
      trigger={<Button variant={triggerVariant}>New project</Button>}
    >
      <ProjectForm
        draft={draft}
        onChange={setDraft}
        busy={create.isPending}
        submitLabel="Create project"
        notice={create.isError ? <ErrorMessage>{describeApiError(create.error)}</ErrorMessage> : undefined}
        onSubmit={() => {
          const description = draft.description.trim();
          create.mutate({ workspaceId, name: draft.name.trim(), ...(description ? { description } : {}) });
        }}
        secondaryAction={<DialogCancel />}
      />
    </Dialog>
  );
}
