import {
  computeProgress,
  computeVerdict,
  questionsInGroup,
  WORKSHEET_GROUP_IDS,
  WORKSHEET_GROUP_TITLES,
  type WorksheetContext,
  type WorksheetGroup,
} from '@raisin/core/worksheet';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { Button, ErrorMessage, Spinner } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';
import { useSession } from '../auth';
import type { WorksheetDrafts } from './draft-store';
import { HistoryPanel } from './history-panel';
import { QuestionItem } from './question-item';
import { rawFromAnswer } from './raw-answer';
import type { AnswerDto } from './types';
import { useAnswerSync } from './use-answer-sync';
import { VerdictPanel } from './verdict-panel';
import { mergeAnswers, toWorksheetContext } from './worksheet-state';
import { ExportButtons, SaveStatusIndicator, TemplatePicker } from './worksheet-toolbar';
import './worksheet.css';

/** How often the tab asks for teammates' saves (they should appear within seconds). */
const POLL_INTERVAL_MS = 3_000;
/** How often the other tabs' values (ceiling, tradeoff, maturity) are re-read while the tab stays open. */
const CONTEXT_POLL_INTERVAL_MS = 30_000;

export interface WorksheetTabProps {
  workspaceId: string;
  projectId: string;
  projectName: string;
  canEdit: boolean;
}

const EMPTY_ANSWERS: readonly AnswerDto[] = [];
const NO_DRAFTS: WorksheetDrafts = {};
const NO_CONTEXT: WorksheetContext = {};

/** The project's Worksheet tab: groups A–K with progress, autosaved answers, history, and the verdict. */
export function WorksheetTab({ workspaceId, projectId, projectName, canEdit }: WorksheetTabProps) {
  const session = useSession();
  const worksheet = useQuery({
    ...trpc.worksheet.get.queryOptions({ projectId }),
    refetchInterval: POLL_INTERVAL_MS,
  });
  // Read on opening (so coming back from another tab shows its latest value), then slowly: it runs a simulation.
  const contextQuery = useQuery({
    ...trpc.worksheet.context.queryOptions({ projectId }),
    staleTime: 0,
    refetchInterval: CONTEXT_POLL_INTERVAL_MS,
  });
  const userId = session.data?.user?.id ?? '';
  const answerRows = worksheet.data?.answers ?? EMPTY_ANSWERS;
  const byId = useMemo(() => new Map(answerRows.map((row) => [row.questionId, row])), [answerRows]);
  const sync = useAnswerSync({ projectId, userId, enabled: canEdit && userId !== '', answers: byId });
  const [historyOpen, setHistoryOpen] = useState(false);

  const context = useMemo(
    () => (contextQuery.data ? toWorksheetContext(contextQuery.data) : NO_CONTEXT),
    [contextQuery.data],
  );
  const drafts = canEdit ? sync.drafts : NO_DRAFTS;
  const answers = useMemo(() => mergeAnswers(answerRows, drafts), [answerRows, drafts]);
  const progress = useMemo(() => computeProgress(answers, context), [answers, context]);
  const verdict = useMemo(() => computeVerdict({ answers, context }), [answers, context]);
  const { edit, keepMine, takeTheirs } = sync;

  if (worksheet.isPending || session.isPending) return <Spinner label="Loading worksheet…" />;
  if (worksheet.isError) return <ErrorMessage>{describeApiError(worksheet.error)}</ErrorMessage>;

  const empty = answerRows.every((row) => row.value === null) && Object.keys(drafts).length === 0;

  return (
    <div className="worksheet">
      {/* Laid out as a page's header: the title and progress, and the save status beside them. */}
      <div className="page-header">
        <div>
          <h2>Feasibility worksheet</h2>
          <p className="muted">
            {`${progress.overall.answered} of ${progress.overall.total} questions answered`}
            {canEdit ? ' · answers save as you type' : ''}
          </p>
          <progress
            className="worksheet-progress"
            max={progress.overall.total}
            value={progress.overall.answered}
            aria-label="Overall progress"
          />
        </div>
        {canEdit ? (
          <SaveStatusIndicator status={sync.status} savedAt={sync.savedAt} unsendable={sync.unsendable} />
        ) : (
          <p className="badge">Read only</p>
        )}
      </div>

      {canEdit && empty && (
        <section className="panel worksheet-start" aria-labelledby="worksheet-start-title">
          <h3 id="worksheet-start-title">Start the worksheet</h3>
          <p>
            Start blank by answering any question below, or pre-fill the framing answers from a template and
            adjust them.
          </p>
          <TemplatePicker projectId={projectId} />
        </section>
      )}
      {!canEdit && empty && (
        <p className="notice">Nobody has answered this worksheet yet. Editors and owners can fill it in.</p>
      )}

      <div className="worksheet__layout">
        <div className="worksheet__sections">
          {WORKSHEET_GROUP_IDS.map((group) => (
            <WorksheetSection key={group} group={group} progress={progress.byGroup[group]}>
              {questionsInGroup(group).map((question) => {
                const row = byId.get(question.id);
                const draft = drafts[question.id];
                return (
                  <QuestionItem
                    key={question.id}
                    question={question}
                    raw={draft?.raw ?? rawFromAnswer(question, row?.value)}
                    saved={row?.value ?? null}
                    updatedByName={row?.updatedByName ?? null}
                    context={context}
                    canEdit={canEdit}
                    conflict={sync.conflicts[question.id]}
                    serverError={sync.errors[question.id]}
                    workspaceId={workspaceId}
                    projectId={projectId}
                    onEdit={edit}
                    onKeepMine={keepMine}
                    onTakeTheirs={takeTheirs}
                  />
                );
              })}
            </WorksheetSection>
          ))}
        </div>

        <aside className="worksheet__aside" aria-label="Verdict and tools">
          <VerdictPanel result={verdict} />
          <nav className="panel worksheet-nav" aria-label="Worksheet sections">
            <h3>Sections</h3>
            <ul>
              {WORKSHEET_GROUP_IDS.map((group) => (
                <li key={group}>
                  <a href={`#worksheet-group-${group}`}>{`${group}. ${WORKSHEET_GROUP_TITLES[group]}`}</a>{' '}
                  <span className="muted">
                    {`${progress.byGroup[group].answered}/${progress.byGroup[group].total}`}
                  </span>
                </li>
              ))}
            </ul>
          </nav>
          <section className="panel" aria-labelledby="worksheet-export-title">
            <h3 id="worksheet-export-title">Export</h3>
            <ExportButtons projectName={projectName} answers={answers} context={context} verdict={verdict} />
          </section>
          {canEdit && !empty && (
            <section className="panel" aria-labelledby="worksheet-template-title">
              <h3 id="worksheet-template-title">Templates</h3>
              <TemplatePicker projectId={projectId} />
            </section>
          )}
        </aside>
      </div>

      <section className="section" aria-labelledby="worksheet-history-title">
        <div className="worksheet__history-header">
          <h3 id="worksheet-history-title">History</h3>
          <Button aria-expanded={historyOpen} onClick={() => setHistoryOpen((open) => !open)}>
            {historyOpen ? 'Hide history' : 'Show history'}
          </Button>
        </div>
        {historyOpen && <HistoryPanel projectId={projectId} canEdit={canEdit} answers={byId} />}
      </section>
    </div>
  );
}

function WorksheetSection({
  group,
  progress,
  children,
}: {
  group: WorksheetGroup;
  progress: { answered: number; total: number };
  children: ReactNode;
}) {
  const titleId = `worksheet-group-${group}-title`;
  return (
    <section id={`worksheet-group-${group}`} className="worksheet-section" aria-labelledby={titleId}>
      <header className="worksheet-section__header">
        <h3 id={titleId}>{`${group}. ${WORKSHEET_GROUP_TITLES[group]}`}</h3>
        <div className="worksheet-section__progress">
          <span className="muted">{`${progress.answered} of ${progress.total} answered`}</span>
          <progress
            max={progress.total}
            value={progress.answered}
            aria-label={`Progress of ${group}. ${WORKSHEET_GROUP_TITLES[group]}`}
          />
        </div>
      </header>
      {children}
    </section>
  );
}
