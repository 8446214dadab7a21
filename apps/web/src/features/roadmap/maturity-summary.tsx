import {
  assessMaturity,
  MATURITY_ITEMS,
  type MaturityAnswer,
  type MaturityLevel,
} from '@raisin/core/roadmap';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, ErrorMessage, NativeSelectField, SavedAt, TextAreaField } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { isOverLimit } from '../../lib/text-limit';
import { trpc } from '../../lib/trpc';
import type { AssessmentDto } from './api';

/** The longest reason the API stores for planning another level (packages/api/src/schemas/roadmap.ts). */
const OVERRIDE_REASON_MAX_LENGTH = 500;

export const LEVEL_NAMES: Readonly<Record<MaturityLevel, string>> = {
  0: 'Manual process',
  1: 'ML pipeline automation',
  2: 'CI/CD pipeline automation',
};

/** The override's choices; a select's values are text, so each keeps its level beside it. */
const LEVEL_OPTIONS = ([0, 1, 2] as const).map((level) => ({
  level,
  value: String(level),
  label: `Level ${level}: ${LEVEL_NAMES[level]}`,
}));

export interface MaturitySummaryProps {
  projectId: string;
  assessment: AssessmentDto;
  /** The answers on screen (including ones still being saved), so the level follows every click. */
  answers: Readonly<Record<string, MaturityAnswer>>;
  canEdit: boolean;
}

/** The current level with what holds it back, and the target level with its reasons and override. */
export function MaturitySummary({ projectId, assessment, answers, canEdit }: MaturitySummaryProps) {
  const current = assessMaturity(answers);
  const { target } = assessment;
  return (
    <div className="maturity-summary">
      <section className="panel" aria-labelledby="current-level-heading">
        <h3 id="current-level-heading">Current level</h3>
        <p className="maturity-summary__level" aria-live="polite">
          Level {current.level}: {LEVEL_NAMES[current.level]}
        </p>
        <p className="muted">
          {current.answered} of {current.total} items answered.
        </p>
        {current.level < 2 && (
          <details>
            <summary>
              {current.blockers.length === 1 ? '1 item holds' : `${current.blockers.length} items hold`} back
              level {current.level + 1}
            </summary>
            <ul className="maturity-summary__blockers">
              {current.blockers.map((item) => (
                <li key={item.id}>{item.text}</li>
              ))}
            </ul>
          </details>
        )}
      </section>
      <section className="panel" aria-labelledby="target-level-heading">
        <h3 id="target-level-heading">Target level</h3>
        <p className="maturity-summary__level">
          Level {target.level}: {LEVEL_NAMES[target.level]}
        </p>
        {target.overridden && (
          <p className="muted">Overridden; the worksheet recommends level {target.recommendedLevel}.</p>
        )}
        <ul>
          {target.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        {canEdit && <TargetOverrideForm projectId={projectId} assessment={assessment} />}
      </section>
    </div>
  );
}

function TargetOverrideForm({ projectId, assessment }: { projectId: string; assessment: AssessmentDto }) {
  const queryClient = useQueryClient();
  const [level, setLevel] = useState<MaturityLevel>(assessment.override?.level ?? assessment.target.level);
  const [reason, setReason] = useState(assessment.override?.reason ?? '');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const save = useMutation(
    trpc.roadmap.setTargetOverride.mutationOptions({
      onSuccess: (saved) => {
        setSavedAt(new Date());
        queryClient.setQueryData(trpc.roadmap.assessment.queryKey({ projectId }), saved);
      },
    }),
  );
  return (
    <form
      className="stack"
      aria-label="Override the target level"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() === '') {
          setReasonError('Give a reason for planning another level than the recommended one.');
          return;
        }
        if (isOverLimit(reason, OVERRIDE_REASON_MAX_LENGTH)) return;
        setReasonError(undefined);
        save.mutate({ projectId, version: assessment.version, override: { level, reason: reason.trim() } });
      }}
    >
      <NativeSelectField
        label="Plan for level"
        value={String(level)}
        options={LEVEL_OPTIONS}
        onValueChange={(value) => {
          const next = LEVEL_OPTIONS.find((option) => option.value === value);
          if (next) setLevel(next.level);
        }}
      />
      <TextAreaField
        label="Reason for the override"
        value={reason}
        error={reasonError}
        limit={OVERRIDE_REASON_MAX_LENGTH}
        rows={2}
        onChange={(event) => setReason(event.target.value)}
      />
      {save.isError && <ErrorMessage>{describeApiError(save.error)}</ErrorMessage>}
      <div className="actions">
        <Button type="submit" busy={save.isPending}>
          Save override
        </Button>
        {assessment.override !== null && (
          <Button
            variant="ghost"
            disabled={save.isPending}
            onClick={() => {
              setReason('');
              save.mutate({ projectId, version: assessment.version, override: null });
            }}
          >
            Use the recommendation
          </Button>
        )}
        <SavedAt at={savedAt} />
      </div>
    </form>
  );
}

/** Item texts by id, for lists of item ids (a phase's `closes`). */
export const ITEM_TEXT = new Map(MATURITY_ITEMS.map((item) => [item.id, item.text]));
