import type { EditableField, PhaseKind, RoadmapEdit } from '@raisin/core/roadmap';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { describeApiError } from '../../lib/api-error';
import { trpc, trpcClient } from '../../lib/trpc';
import type { StoredRoadmapDto } from './api';

/**
 * Roadmap writes that always name the version currently in the cache, and put the answer back there, so
 * several edits in a row (a dialog that renames and re-estimates) chain their versions.
 */
export function useRoadmapActions(projectId: string) {
  const queryClient = useQueryClient();
  const queryKey = trpc.roadmap.get.queryKey({ projectId });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const store = useCallback(
    (stored: StoredRoadmapDto) => {
      queryClient.setQueryData(queryKey, (previous) => (previous ? { ...previous, stored } : previous));
    },
    [queryClient, queryKey],
  );

  const currentVersion = useCallback(
    () => queryClient.getQueryData(queryKey)?.stored?.version ?? 0,
    [queryClient, queryKey],
  );

  /** Runs writes in order; stops at the first refusal, whose message it shows. Returns whether all passed. */
  const run = useCallback(
    async (steps: ReadonlyArray<(version: number) => Promise<StoredRoadmapDto>>): Promise<boolean> => {
      setPending(true);
      setError(null);
      try {
        for (const step of steps) store(await step(currentVersion()));
        return true;
      } catch (caught) {
        setError(describeApiError(caught));
        return false;
      } finally {
        setPending(false);
      }
    },
    [currentVersion, store],
  );

  const edit = useCallback(
    (edits: readonly RoadmapEdit[]) =>
      run(
        edits.map(
          (one) => (version: number) =>
            trpcClient.roadmap.edit.mutate({ projectId, version, edit: toEditInput(one) }),
        ),
      ),
    [projectId, run],
  );

  const generate = useCallback(
    (startDate: string, completedPhases: readonly PhaseKind[]) =>
      run([
        (version) =>
          trpcClient.roadmap.generate.mutate({
            projectId,
            version,
            startDate,
            completedPhases: [...completedPhases],
          }),
      ]),
    [projectId, run],
  );

  const resolve = useCallback(
    (
      resolutions: ReadonlyArray<{
        phaseId: string;
        field: EditableField | null;
        choice: 'keep-manual' | 'use-generated';
      }>,
    ) =>
      run([
        (version) =>
          trpcClient.roadmap.resolveConflicts.mutate({ projectId, version, resolutions: [...resolutions] }),
      ]),
    [projectId, run],
  );

  const reload = useCallback(async () => {
    setError(null);
    await queryClient.refetchQueries({ queryKey });
  }, [queryClient, queryKey]);

  return { edit, generate, resolve, reload, pending, error, clearError: () => setError(null) };
}

/** The core's edit with its read-only arrays copied, as the API's input type wants them. */
function toEditInput(edit: RoadmapEdit) {
  switch (edit.type) {
    case 'setPhaseDependencies':
      return { ...edit, dependsOn: [...edit.dependsOn] };
    case 'addPhase': {
      const { milestones, ...rest } = edit;
      return milestones === undefined ? rest : { ...rest, milestones: [...milestones] };
    }
    default:
      return edit;
  }
}
