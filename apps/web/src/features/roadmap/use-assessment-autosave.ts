import type { MaturityAnswer } from '@raisin/core/roadmap';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeApiError, getApiErrorCode } from '../../lib/api-error';
import { trpc, trpcClient } from '../../lib/trpc';
import type { AssessmentDto } from './api';

export type AutosaveStatus =
  | { readonly state: 'idle' | 'saving' | 'saved' }
  | { readonly state: 'conflict' | 'error'; readonly message: string };

type Changes = Record<string, MaturityAnswer | null>;

/**
 * Saves assessment answers as they are clicked. Saves go one at a time, each naming the version the
 * previous one returned; clicks made while a save is in flight are batched into the next. A CONFLICT
 * (someone else saved first) stops saving and drops the unsent clicks: nothing overwrites their answers.
 */
export function useAssessmentAutosave(projectId: string, server: AssessmentDto | undefined) {
  const queryClient = useQueryClient();
  const queryKey = trpc.roadmap.assessment.queryKey({ projectId });
  // Clicks not yet confirmed by the server, shown over its answers.
  const [local, setLocal] = useState<Changes>({});
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const unsent = useRef<Changes>({});
  const inFlight = useRef(false);
  const version = useRef<number | null>(null);
  const stopped = useRef(false);

  useEffect(() => {
    // A refetch (e.g. "Load latest") moves the base version, unless our own save is about to.
    if (server && !inFlight.current) version.current = server.version;
  }, [server]);

  const flush = useCallback(async () => {
    if (inFlight.current || stopped.current || version.current === null) return;
    const batch = unsent.current;
    if (Object.keys(batch).length === 0) return;
    unsent.current = {};
    inFlight.current = true;
    setStatus({ state: 'saving' });
    try {
      const saved = await trpcClient.roadmap.saveAnswers.mutate({
        projectId,
        version: version.current,
        answers: batch,
      });
      version.current = saved.version;
      queryClient.setQueryData(queryKey, saved);
      setLocal((current) => {
        const next = { ...current };
        for (const [itemId, answer] of Object.entries(batch))
          if (next[itemId] === answer) delete next[itemId];
        return next;
      });
      inFlight.current = false;
      if (Object.keys(unsent.current).length > 0) await flush();
      else setStatus({ state: 'saved' });
    } catch (error) {
      inFlight.current = false;
      unsent.current = {};
      setLocal({});
      if (getApiErrorCode(error) === 'CONFLICT') {
        stopped.current = true;
        setStatus({
          state: 'conflict',
          message:
            'Someone else changed this assessment while you were answering, so your last answers were not saved. Load the latest answers, then answer again.',
        });
      } else {
        setStatus({
          state: 'error',
          message: `Your last answers were not saved: ${describeApiError(error)}`,
        });
      }
      // Roadmap data derived from the assessment may have moved too.
      await queryClient.invalidateQueries({ queryKey });
    }
  }, [projectId, queryClient, queryKey]);

  const answer = useCallback(
    (itemId: string, value: MaturityAnswer | null) => {
      setLocal((current) => ({ ...current, [itemId]: value }));
      unsent.current = { ...unsent.current, [itemId]: value };
      void flush();
    },
    [flush],
  );

  const loadLatest = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey });
    stopped.current = false;
    setStatus({ state: 'idle' });
  }, [queryClient, queryKey]);

  const answers: Record<string, MaturityAnswer> = { ...(server?.answers ?? {}) };
  for (const [itemId, value] of Object.entries(local)) {
    if (value === null) delete answers[itemId];
    else answers[itemId] = value;
  }
  return { answers, answer, status, loadLatest };
}
