import { formatDateTime } from '@raisin/core/format';
import { type Answer, findQuestion, formatAnswer, isAnswered } from '@raisin/core/worksheet';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ACTIONS_COLUMN, Button, DataTable, ErrorMessage, Spinner } from '../../components';
import { describeApiError, getApiErrorCode } from '../../lib/api-error';
import { trpc, trpcClient } from '../../lib/trpc';
import type { AnswerDto, HistoryEntryDto } from './types';

/** Changes per page; older ones load on demand, so every earlier value stays reachable for a restore. */
const HISTORY_PAGE = 100;

function describe(questionId: string, value: Answer | null): string {
  const question = findQuestion(questionId);
  if (!question || value === null || !isAnswered(question, value)) return 'No answer';
  return formatAnswer(question, value);
}

/** Who changed which answer when, newest first; editors can restore any earlier value (a new, versioned save). */
export function HistoryPanel(props: {
  projectId: string;
  canEdit: boolean;
  answers: ReadonlyMap<string, AnswerDto>;
}) {
  const { projectId, canEdit, answers } = props;
  const queryClient = useQueryClient();
  const input = { projectId, limit: HISTORY_PAGE };
  const history = useInfiniteQuery({
    // Under the procedure's own key, so invalidating `trpc.worksheet.history.queryKey()` refreshes every page.
    queryKey: [...trpc.worksheet.history.queryKey(input), 'pages'],
    queryFn: ({ pageParam }) =>
      trpcClient.worksheet.history.query(pageParam === undefined ? input : { ...input, beforeId: pageParam }),
    initialPageParam: undefined as number | undefined,
    // Ids only grow, so the oldest id of a full page is where the next (older) page starts.
    getNextPageParam: (last) => (last.length < HISTORY_PAGE ? undefined : last.at(-1)?.id),
    refetchInterval: 5_000,
  });
  const [restored, setRestored] = useState<string | null>(null);
  const restore = useMutation(
    trpc.worksheet.restore.mutationOptions({
      onSuccess: async (saved) => {
        setRestored(`Restored “${findQuestion(saved.questionId)?.prompt ?? saved.questionId}”.`);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.worksheet.get.queryKey({ projectId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.worksheet.history.queryKey() }),
        ]);
      },
      onError: async () => {
        setRestored(null);
        // The message says the latest version is loaded: the table too, so the change is there to see.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.worksheet.get.queryKey({ projectId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.worksheet.history.queryKey() }),
        ]);
      },
    }),
  );
  // A saved answer (a teammate's, seen by the poll, or this user's own) is a new row here: reload the
  // table then rather than at its own, slower pace, so it never lags behind the fields above.
  const seenAnswers = useRef(answers);
  useEffect(() => {
    if (seenAnswers.current === answers) return;
    seenAnswers.current = answers;
    void queryClient.invalidateQueries({ queryKey: trpc.worksheet.history.queryKey() });
  }, [answers, queryClient]);

  if (history.isPending) return <Spinner label="Loading history…" />;
  if (history.isError) return <ErrorMessage>{describeApiError(history.error)}</ErrorMessage>;
  const entries = history.data.pages.flat();
  if (entries.length === 0) {
    return (
      <p className="muted">No changes yet. Every saved answer appears here, with who saved it and when.</p>
    );
  }
  const conflict = getApiErrorCode(restore.error) === 'CONFLICT';
  // The newest version of each answer that this table shows. A restore is based on it, not on the
  // fields' (possibly fresher) version: a teammate's change the table does not list yet is then refused
  // with CONFLICT instead of being overwritten by a restore chosen without seeing it.
  const shownVersion = new Map<string, number>();
  for (const entry of entries)
    if (!shownVersion.has(entry.questionId)) shownVersion.set(entry.questionId, entry.version);

  return (
    <div className="worksheet-history">
      {restore.isError && (
        <ErrorMessage>
          {conflict
            ? 'That answer changed meanwhile; the latest version is loaded. Restore again if you still want it.'
            : describeApiError(restore.error)}
        </ErrorMessage>
      )}
      {restored && (
        <p className="notice" role="status">
          {restored}
        </p>
      )}
      <DataTable
        label="Changes to the answers"
        caption="Changes to the answers, newest first"
        captionHidden
        columns={['When', 'Who', 'Question', 'From', 'To', canEdit && ACTIONS_COLUMN]}
      >
        {entries.map((entry: HistoryEntryDto) => {
          const prompt = findQuestion(entry.questionId)?.prompt ?? entry.questionId;
          const baseVersion = shownVersion.get(entry.questionId) ?? entry.version;
          const isCurrent = baseVersion === entry.version;
          return (
            <tr key={entry.id}>
              <td>{formatDateTime(entry.at)}</td>
              <td>{entry.actorName ?? 'A former member'}</td>
              <td>
                {prompt}
                {entry.restoredFromId !== null && <span className="badge">restored</span>}
              </td>
              <td>{describe(entry.questionId, entry.oldValue)}</td>
              <td>{describe(entry.questionId, entry.newValue)}</td>
              {canEdit && (
                <td>
                  {isCurrent ? (
                    <span className="muted">Current</span>
                  ) : (
                    <Button
                      aria-label={`Restore “${describe(entry.questionId, entry.newValue)}” for: ${prompt}`}
                      busy={restore.isPending && restore.variables?.historyId === entry.id}
                      onClick={() =>
                        restore.mutate({
                          projectId,
                          historyId: entry.id,
                          baseVersion,
                        })
                      }
                    >
                      Restore
                    </Button>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </DataTable>
      {history.hasNextPage && (
        <Button busy={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          Show older changes
        </Button>
      )}
    </div>
  );
}
