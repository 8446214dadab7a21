import { assessMaturity, roadmapTimeToTargetIsCurrent } from '@raisin/core/roadmap';
import { describeTarget } from '@raisin/core/tradeoff';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Button, EmptyState, ErrorMessage, Spinner } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';
import { phasesMarkedDone } from './completed-phases';
import { ConflictsPanel } from './conflicts-panel';
import { ExportButtons } from './export-buttons';
import { GanttChart } from './gantt-chart';
import { formatDay, localToday } from './gantt-layout';
import { GenerateForm } from './generate-form';
import { MaturityAssessment } from './maturity-assessment';
import { LEVEL_NAMES, MaturitySummary } from './maturity-summary';
import { AddPhaseForm } from './phase-edit-dialog';
import { PhaseTable } from './phase-table';
import { useAssessmentAutosave } from './use-assessment-autosave';
import { useRoadmapActions } from './use-roadmap-actions';
import './roadmap.css';

export interface RoadmapTabProps {
  projectId: string;
  canEdit: boolean;
}

/** The Roadmap tab: the MLOps maturity self-assessment, then the dated roadmap, its chart, edits and exports. */
export function RoadmapTab({ projectId, canEdit }: RoadmapTabProps) {
  const assessment = useQuery(trpc.roadmap.assessment.queryOptions({ projectId }));
  const roadmap = useQuery(trpc.roadmap.get.queryOptions({ projectId }));
  // The time to target the Tradeoff tab gives now, to tell when the roadmap's target date predates it.
  // staleTime 0: the tradeoff may have been edited a moment ago on its own tab.
  const tradeoffSummary = useQuery({ ...trpc.tradeoff.summary.queryOptions({ projectId }), staleTime: 0 });
  const autosave = useAssessmentAutosave(projectId, assessment.data);
  const actions = useRoadmapActions(projectId);

  if (assessment.isPending || roadmap.isPending) return <Spinner label="Loading the roadmap…" />;
  if (assessment.isError) return <ErrorMessage>{describeApiError(assessment.error)}</ErrorMessage>;
  if (roadmap.isError) return <ErrorMessage>{describeApiError(roadmap.error)}</ErrorMessage>;

  const stored = roadmap.data.stored;
  // What a generation would start from: the levels on screen (the server computes the same from what is saved).
  const currentLevel = assessMaturity(autosave.answers).level;
  const targetLevel = assessment.data.target.level;
  const status = autosave.status;
  const targetDateStale =
    stored !== null &&
    tradeoffSummary.isSuccess &&
    !roadmapTimeToTargetIsCurrent(stored.roadmap.timeToTarget, tradeoffSummary.data);
  // The one target the date is for, named when it is set on the Tradeoff tab (`describeTarget`).
  const summary = tradeoffSummary.data;
  const targetText = summary ? describeTarget(summary.target, summary.maxQuality) : null;

  return (
    <div className="roadmap-tab">
      <section aria-labelledby="maturity-heading" className="stack">
        <h2 id="maturity-heading">MLOps maturity</h2>
        <MaturitySummary
          projectId={projectId}
          assessment={assessment.data}
          answers={autosave.answers}
          canEdit={canEdit}
        />
        <OpenOnce className="roadmap-tab__assessment" initiallyOpen={stored === null}>
          <summary>
            <h3>Self-assessment</h3>
          </summary>
          <p className="muted">
            Answer each statement for the team and the model as they are today. “Not applicable” counts as
            met; an unanswered item counts as not met.
          </p>
          {canEdit && (
            <p role="status" className="autosave-status">
              {status.state === 'saving' ? 'Saving…' : status.state === 'saved' ? 'All answers saved.' : ''}
            </p>
          )}
          {(status.state === 'conflict' || status.state === 'error') && (
            <ErrorMessage
              action={
                status.state === 'conflict' ? (
                  <Button onClick={() => void autosave.loadLatest()}>Load the latest answers</Button>
                ) : undefined
              }
            >
              {status.message}
            </ErrorMessage>
          )}
          <MaturityAssessment answers={autosave.answers} canEdit={canEdit} onAnswer={autosave.answer} />
        </OpenOnce>
      </section>

      <section aria-labelledby="roadmap-heading" className="stack section">
        <h2 id="roadmap-heading">Roadmap</h2>
        <p className="muted">
          From level {currentLevel} ({LEVEL_NAMES[currentLevel]}) to level {targetLevel} (
          {LEVEL_NAMES[targetLevel]}). The first two phases are sized from the Tradeoff tab’s two cheapest
          attack angles when it has them, and the target-quality date from its time to target; other durations
          are rules of thumb. Edit any phase to change it.
        </p>
        {canEdit && (
          <GenerateForm
            hasRoadmap={stored !== null}
            startDate={stored?.roadmap.startDate ?? null}
            completedPhases={phasesMarkedDone(stored?.roadmap ?? null)}
            busy={actions.pending}
            onGenerate={actions.generate}
          />
        )}
        {actions.error && (
          <ErrorMessage action={<Button onClick={() => void actions.reload()}>Reload the roadmap</Button>}>
            {actions.error}
          </ErrorMessage>
        )}
        {stored === null ? (
          <EmptyState title="No roadmap yet" headingLevel={3}>
            {canEdit
              ? 'Answer the self-assessment above, choose a start date and generate a roadmap.'
              : 'An editor of this project can generate the roadmap once the self-assessment is answered.'}
          </EmptyState>
        ) : (
          <>
            <ConflictsPanel
              roadmap={stored.roadmap}
              conflicts={stored.conflicts}
              canEdit={canEdit}
              busy={actions.pending}
              onResolve={actions.resolve}
            />
            <p>
              Starts {formatDay(stored.roadmap.phases[0]?.schedule.p50Start ?? stored.roadmap.startDate)}.
              Expected end <strong>{formatDay(stored.roadmap.end.p50)}</strong> (P50),{' '}
              <strong>{formatDay(stored.roadmap.end.p90)}</strong> (P90).
              {stored.roadmap.targetQuality !== null &&
                ` Target quality${targetText === null ? '' : ` (${targetText})`} expected by ${formatDay(stored.roadmap.targetQuality.p50)} (P50), ${formatDay(stored.roadmap.targetQuality.p90)} (P90).`}
            </p>
            {targetDateStale && (
              <p className="notice" data-testid="target-date-stale">
                The Tradeoff tab’s time to target has changed since this roadmap was generated, so its
                target-quality date is out of date (the report leaves it out).{' '}
                {canEdit
                  ? 'Regenerate the roadmap to date it again; your edits are kept.'
                  : 'An editor can regenerate the roadmap to date it again.'}
              </p>
            )}
            <GanttChart roadmap={stored.roadmap} today={localToday()} />
            <h3>Phases</h3>
            <PhaseTable
              roadmap={stored.roadmap}
              canEdit={canEdit}
              busy={actions.pending}
              onEdit={actions.edit}
            />
            {canEdit && <AddPhaseForm busy={actions.pending} onEdit={actions.edit} />}
            <h3>Export</h3>
            <ExportButtons projectId={projectId} />
          </>
        )}
      </section>
    </div>
  );
}

/** A `<details>` whose first state is chosen for the reader; afterwards only the reader opens or closes it. */
function OpenOnce({
  initiallyOpen,
  className,
  children,
}: {
  initiallyOpen: boolean;
  className: string;
  children: ReactNode;
}) {
  const [open] = useState(initiallyOpen);
  return (
    <details className={className} open={open}>
      {children}
    </details>
  );
}
