import {
  type Answer,
  describeTargetOverride,
  formatAnswer,
  formatDerivedValue,
  hasDerivedValue,
  isAnswered,
  type Question,
  validateAnswer,
  type WorksheetContext,
} from '@raisin/core/worksheet';
import { memo, type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components';
import { type ProjectTab, projectTabPath } from '../project-shell/project-tabs';
import { QuestionControl } from './question-field';
import { parseRaw, type RawAnswer } from './raw-answer';
import type { AnswerConflict } from './use-answer-sync';

const DERIVED_TAB = {
  'agreement.humanCeiling': { tab: 'agreement', label: 'Agreement', verb: 'measured' },
  'agreement.sampleMeasured': { tab: 'agreement', label: 'Agreement', verb: 'measured' },
  'tradeoff.attackAngles': { tab: 'tradeoff', label: 'Tradeoff', verb: 'estimated' },
  'tradeoff.timeToTarget': { tab: 'tradeoff', label: 'Tradeoff', verb: 'estimated' },
  'roadmap.maturityLevel': { tab: 'roadmap', label: 'Roadmap', verb: 'assessed' },
} as const satisfies Record<string, { tab: ProjectTab; label: string; verb: string }>;

/** Kinds whose hand-entered answer to a derived question is an estimate of the other tab's number. */
const ESTIMATED_KINDS: ReadonlySet<Question['kind']> = new Set(['number', 'duration', 'range']);

/** The DOM id of a question's block, for the verdict's links. */
export const questionAnchor = (questionId: string) => `question-${questionId}`;

export interface QuestionItemProps {
  question: Question;
  raw: RawAnswer;
  /** The saved answer (what viewers see, and what "their" value is compared with). */
  saved: Answer | null;
  updatedByName: string | null;
  context: WorksheetContext;
  canEdit: boolean;
  conflict: AnswerConflict | undefined;
  serverError: string | undefined;
  workspaceId: string;
  projectId: string;
  onEdit: (questionId: string, raw: RawAnswer) => void;
  onKeepMine: (questionId: string) => void;
  onTakeTheirs: (questionId: string) => void;
}

function describeValue(question: Question, value: Answer | null): string {
  return value !== null && isAnswered(question, value) ? formatAnswer(question, value) : 'No answer';
}

function Guidance({ question, id }: { question: Question; id: string }) {
  const { why, ruleOfThumb, example } = question.guidance;
  return (
    <div id={id} className="question__guidance">
      <p>{why}</p>
      {ruleOfThumb && (
        <p>
          <span className="question__guidance-label">Rule of thumb:</span> {ruleOfThumb}
        </p>
      )}
      {example && (
        <p>
          <span className="question__guidance-label">Example:</span> <code>{example}</code>
        </p>
      )}
    </div>
  );
}

/** One question: its control (or, for viewers, its answer), guidance, live value from another tab, conflict. */
export const QuestionItem = memo(function QuestionItem(props: QuestionItemProps) {
  const { question, raw, saved, context, canEdit, conflict, serverError } = props;
  const baseId = useId();
  const guidanceId = `${baseId}-guidance`;
  const errorId = `${baseId}-error`;
  const parsed = parseRaw(question, raw);
  const localError =
    parsed.status === 'invalid'
      ? parsed.message
      : parsed.status === 'incomplete'
        ? parsed.message
        : undefined;
  const error = localError ?? serverError;
  const derived = question.derivedFrom === undefined ? undefined : DERIVED_TAB[question.derivedFrom];
  const live = hasDerivedValue(question, context) ? formatDerivedValue(question, context) : undefined;
  // The target set on Tradeoff replaces this answer in every rule: say so where the answer is typed.
  const overriddenBy = describeTargetOverride(question, saved, context);
  const tabLink = derived && (
    <Link to={projectTabPath(props.workspaceId, props.projectId, derived.tab)}>
      {live ? `Open the ${derived.label} tab` : `go to the ${derived.label} tab`}
    </Link>
  );

  let body: ReactNode;
  if (live !== undefined) {
    // Answered by another tab: show its value instead of asking twice.
    body = (
      <div className="question__derived">
        <p className="field__label">{question.prompt}</p>
        <p>
          <strong>{live}</strong> · {tabLink}
        </p>
      </div>
    );
  } else if (!canEdit) {
    body = (
      <div>
        <p className="field__label">{question.prompt}</p>
        <p className={saved && isAnswered(question, saved) ? 'question__answer' : 'muted'}>
          {describeValue(question, saved)}
        </p>
      </div>
    );
  } else {
    body = (
      <QuestionControl
        question={question}
        raw={raw}
        onChange={(next) => props.onEdit(question.id, next)}
        describedBy={error ? `${guidanceId} ${errorId}` : guidanceId}
        invalid={error !== undefined}
      />
    );
  }

  return (
    <div className="question" id={questionAnchor(question.id)} tabIndex={-1}>
      {body}
      {derived && live === undefined && (
        <p className="question__derived-note">
          Not {derived.verb} yet — {tabLink}
          {canEdit
            ? `, or ${ESTIMATED_KINDS.has(question.kind) ? 'enter an estimate' : 'answer'} here.`
            : '.'}
        </p>
      )}
      {overriddenBy && (
        <p className="question__derived-note" data-testid="target-override">
          Target in use: {overriddenBy}.{' '}
          <Link to={projectTabPath(props.workspaceId, props.projectId, 'tradeoff')}>
            Open the Tradeoff tab
          </Link>
        </p>
      )}
      {live === undefined && <Guidance question={question} id={guidanceId} />}
      {error && canEdit && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {props.updatedByName && live === undefined && (
        <p className="question__meta">Last changed by {props.updatedByName}</p>
      )}
      {conflict && canEdit && (
        <ConflictNotice
          question={question}
          raw={raw}
          conflict={conflict}
          onKeepMine={() => {
            props.onKeepMine(question.id);
            focusControl(question.id);
          }}
          onTakeTheirs={() => {
            props.onTakeTheirs(question.id);
            focusControl(question.id);
          }}
        />
      )}
    </div>
  );
});

/** After a choice the notice (and its focused button) goes away: focus returns to the question's control. */
function focusControl(questionId: string) {
  document
    .getElementById(questionAnchor(questionId))
    ?.querySelector<HTMLElement>('input, textarea, select')
    ?.focus();
}

function ConflictNotice({
  question,
  raw,
  conflict,
  onKeepMine,
  onTakeTheirs,
}: {
  question: Question;
  raw: RawAnswer;
  conflict: AnswerConflict;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const parsed = parseRaw(question, raw);
  const mine =
    parsed.status !== 'value' || parsed.value === null
      ? null
      : (() => {
          const answer = validateAnswer(question, parsed.value);
          return answer.ok ? answer.value : null;
        })();
  const who = conflict.theirs.updatedByName ?? 'Someone else';
  return (
    <div className="worksheet-conflict" role="alert">
      <p className="worksheet-conflict__title">
        {who} saved a different answer while you were editing. Choose which one to keep.
      </p>
      <dl className="facts">
        <dt>Your answer</dt>
        <dd>{describeValue(question, mine)}</dd>
        <dt>{`${who}’s answer`}</dt>
        <dd>{describeValue(question, conflict.theirs.value)}</dd>
      </dl>
      <div className="actions">
        <Button variant="primary" onClick={onKeepMine}>
          Keep mine
        </Button>
        <Button onClick={onTakeTheirs}>Take theirs</Button>
      </div>
    </div>
  );
}
