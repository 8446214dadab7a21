import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, ErrorMessage } from '../../components';
import { Dialog, DialogCancel } from '../../components/dialog';
import { describeApiError, getApiErrorCode } from '../../lib/api-error';
import type { Project } from '../../lib/api-types';
import { trpc } from '../../lib/trpc';
import { type ProjectDraft, ProjectForm } from '../projects';

export interface RenameProjectDialogProps {
  project: Project;
}

/**
 * Edits name and description against the version the user started from. On CONFLICT the draft stays as typed;
 * "Load latest version" fetches the other person's change so the user can save again on top of it.
 */
export function RenameProjectDialog({ project }: RenameProjectDialogProps) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ProjectDraft>({
    name: project.name,
    description: project.description ?? '',
  });
  const [baseVersion, setBaseVersion] = useState(project.version);
  const projectKey = trpc.projects.get.queryKey({ projectId: project.id });

  const update = useMutation(
    trpc.projects.update.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(projectKey, (previous) => (previous ? { ...previous, ...saved } : previous));
        await queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() });
        setOpen(false);
      },
    }),
  );
  const conflict = getApiErrorCode(update.error) === 'CONFLICT';
  const [reloading, setReloading] = useState(false);
  const [latestName, setLatestName] = useState<string | null>(null);

  async function loadLatest() {
    setReloading(true);
    try {
      const latest = await queryClient.fetchQuery({
        ...trpc.projects.get.queryOptions({ projectId: project.id }),
        staleTime: 0,
      });
      setBaseVersion(latest.version);
      setLatestName(latest.name);
      update.reset();
    } finally {
      setReloading(false);
    }
  }

  const notice = conflict ? (
    <ErrorMessage
      action={
        <Button onClick={loadLatest} busy={reloading}>
          Load latest version
        </Button>
      }
    >
      Someone else changed this project; reload to see their change. Your text is kept below: load the latest
      version, then save again.
    </ErrorMessage>
  ) : update.isError ? (
    <ErrorMessage>{describeApiError(update.error)}</ErrorMessage>
  ) : undefined;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          // Start from what is on screen now.
          setDraft({ name: project.name, description: project.description ?? '' });
          setBaseVersion(project.version);
          setLatestName(null);
          update.reset();
        }
        setOpen(next);
      }}
      title="Rename project"
      trigger={<Button>Rename</Button>}
    >
      {latestName !== null && (
        <p className="notice" role="status">
          Loaded the latest version, saved as <strong>{latestName}</strong>. Save to replace it with your
          text.
        </p>
      )}
      <ProjectForm
        draft={draft}
        onChange={setDraft}
        busy={update.isPending}
        submitLabel="Save"
        notice={notice}
        onSubmit={() => {
          update.mutate({
            projectId: project.id,
            version: baseVersion,
            name: draft.name.trim(),
            description: draft.description.trim(),
          });
        }}
        secondaryAction={<DialogCancel />}
      />
    </Dialog>
  );
}
