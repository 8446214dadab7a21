import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, ErrorMessage } from '../../components';
import { describeApiError, getApiErrorCode } from '../../lib/api-error';
import type { Project } from '../../lib/api-types';
import { trpc } from '../../lib/trpc';

export function ArchiveProjectButton({ project }: { project: Project }) {
  const queryClient = useQueryClient();
  const projectKey = trpc.projects.get.queryKey({ projectId: project.id });
  const setArchived = useMutation(
    trpc.projects.setArchived.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(projectKey, (previous) => (previous ? { ...previous, ...saved } : previous));
        await queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() });
      },
    }),
  );
  const conflict = getApiErrorCode(setArchived.error) === 'CONFLICT';

  return (
    <>
      <Button
        busy={setArchived.isPending}
        onClick={() =>
          setArchived.mutate({ projectId: project.id, version: project.version, archived: !project.archived })
        }
      >
        {project.archived ? 'Unarchive' : 'Archive'}
      </Button>
      {setArchived.isError && (
        <ErrorMessage
          action={
            conflict ? (
              <Button
                onClick={async () => {
                  await queryClient.invalidateQueries({ queryKey: projectKey });
                  setArchived.reset();
                }}
              >
                Reload
              </Button>
            ) : undefined
          }
        >
          {conflict
            ? 'Someone else changed this project; reload to see their change.'
            : describeApiError(setArchived.error)}
        </ErrorMessage>
      )}
    </>
  );
}
