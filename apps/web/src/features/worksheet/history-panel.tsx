import { type Answer, findQuestion, formatAnswer, isAnswered } from '@raisin/core/worksheet';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, ErrorMessage, Spinner } from '../../components';
import { describeApiError, getApiErrorCode } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';
import type { AnswerDto, HistoryEntryDto } from './types';

const HISTORY_LIMIT = 100;

function describe(questionId: string, value: Answer | null): string {
  const question = findQuestion(questionId);
  if (!question || value === null || !isAnswered(question, value)) return 'No answer';
  return formatAnswer(question, value);
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Who changed which answer when, newest first; editors can restore any earlier value (a new, versioned save). */
export function HistoryPanel(props: {
  projectId: string;
  canEdit: boolean;
  answers: ReadonlyMap<string, AnswerDto>;
}) {
  const { projectId, canEdit, answers } = props;
  const queryClient = useQueryClient();
  const history = useQuery({
    ...trpc.worksheet.history.queryOptions({ projectId, limit: HISTORY_LIMIT }),
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
        await queryClient.invalidateQueries({ queryKey: trpc.worksheet.get.queryKey({ projectId }) });
      },
    }),
  );

  if (history.isPending) return <Spinner label="Loading history…" />;
  if (history.isError) return <ErrorMessage>{describeApiError(history.error)}</ErrorMessage>;
  if (history.data.length === 0) {
    return (
      <p className="muted">No changes yet. Every saved answer appears here, with who saved it and when.</p>
    );
  }
  const conflict = getApiErrorCode(restore.error) === 'CONFLICT';

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
      <table className="table">
        <caption className="visually-hidden">Changes to the answers, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Question</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            {canEdit && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {history.data.map((entry: HistoryEntryDto) => {
            const prompt = findQuestion(entry.questionId)?.prompt ?? entry.questionId;
            const current = answers.get(entry.questionId);
            const isCurrent = current?.version === entry.version;
            return (
              <tr key={entry.id}>
                <td>{timeFormat.format(new Date(entry.at))}</td>
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
                            baseVersion: current?.version ?? 0,
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
        </tbody>
      </table>
    </div>
  );
}
