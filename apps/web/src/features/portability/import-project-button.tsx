import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useNavigate } from 'react-router';
import { Button, ErrorMessage } from '../../components';
import { describeApiError, readApiError } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';

/** Why an import was refused: the server names the field at fault, so its message is worth showing. */
function importErrorText(error: unknown): string {
  const { code, message } = readApiError(error);
  if (code === 'BAD_REQUEST') return `This is not a valid Raisin project file: ${message}`;
  if (code === 'PAYLOAD_TOO_LARGE') return `This file is too large to import. ${describeApiError(error)}.`;
  return describeApiError(error);
}

/** Picks a `raisin-project` file and creates a new project from it in this workspace, then opens it. */
export function ImportProjectButton({ workspaceId }: { workspaceId: string }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const importProject = useMutation(
    trpc.portability.importJson.mutationOptions({
      onSuccess: async (project) => {
        await queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() });
        navigate(`/w/${workspaceId}/p/${project.id}/worksheet`);
      },
    }),
  );
  return (
    <>
      <label htmlFor={inputId} className="visually-hidden">
        Project file to import
      </label>
      <input
        id={inputId}
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={async (event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) importProject.mutate({ workspaceId, file: await file.text() });
        }}
      />
      <Button busy={importProject.isPending} onClick={() => input.current?.click()}>
        Import project
      </Button>
      {importProject.isError && <ErrorMessage>{importErrorText(importProject.error)}</ErrorMessage>}
    </>
  );
}
