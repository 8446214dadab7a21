import {
  DECISION_LABELS,
  MAX_DECISION_COMMENT_LENGTH,
  MAX_DECISION_NAME_LENGTH,
  REPORT_DECISIONS,
  type ReportDecisionKind,
} from '@raisin/core/report';
import { useId } from 'react';
import { TextAreaField } from '../../components';

/** What a decision form holds while it is filled in. */
export interface DecisionDraft {
  decision: ReportDecisionKind | null;
  comment: string;
  name: string;
  email: string;
}

export const EMPTY_DRAFT: DecisionDraft = { decision: null, comment: '', name: '', email: '' };

export type DecisionErrors = Partial<Record<keyof DecisionDraft, string>>;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Checks a draft before sending it, naming the field at fault. Text is never cut to fit: a comment over
 * the limit is refused with how much to shorten it.
 */
export function checkDecisionDraft(draft: DecisionDraft, needEmail: boolean): DecisionErrors {
  const errors: DecisionErrors = {};
  if (draft.decision === null) errors.decision = 'Decision: choose one.';
  const comment = draft.comment.trim().length;
  if (comment > MAX_DECISION_COMMENT_LENGTH) {
    errors.comment = `Comment: shorten it by ${count(comment - MAX_DECISION_COMMENT_LENGTH)} characters (at most ${count(MAX_DECISION_COMMENT_LENGTH)}).`;
  } else if (draft.decision === 'approve-with-conditions' && comment === 0) {
    errors.comment = 'Comment: say which conditions.';
  }
  const name = draft.name.trim().length;
  if (name === 0) errors.name = 'Name: say who decides.';
  else if (name > MAX_DECISION_NAME_LENGTH) {
    errors.name = `Name: use at most ${MAX_DECISION_NAME_LENGTH} characters.`;
  }
  if (needEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())) {
    errors.email = 'E-mail: give an address the team can reply to.';
  }
  return errors;
}

/** A draft checked and trimmed for sending, or the errors that stop it (then `ready` is null). */
export function readyDecision(
  draft: DecisionDraft,
  needEmail: boolean,
): {
  errors: DecisionErrors;
  ready: (Omit<DecisionDraft, 'decision'> & { decision: ReportDecisionKind }) | null;
} {
  const errors = checkDecisionDraft(draft, needEmail);
  if (Object.keys(errors).length > 0 || draft.decision === null) return { errors, ready: null };
  const ready = {
    decision: draft.decision,
    comment: draft.comment.trim(),
    name: draft.name.trim(),
    email: draft.email.trim(),
  };
  return { errors, ready };
}

/** The four choices as radio buttons in one labelled group. */
export function DecisionChoice(props: {
  value: ReportDecisionKind | null;
  onChange: (value: ReportDecisionKind) => void;
  error: string | undefined;
  legend: string;
}) {
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset
      className="decision-choices"
      aria-invalid={props.error ? true : undefined}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend className="field__label">{props.legend}</legend>
      <div className="choices">
        {REPORT_DECISIONS.map((kind) => (
          <label key={kind} className="choice choice--roomy">
            <input
              type="radio"
              name={name}
              value={kind}
              checked={props.value === kind}
              onChange={() => props.onChange(kind)}
            />
            {DECISION_LABELS[kind]}
          </label>
        ))}
      </div>
      {props.error && (
        <p id={errorId} className="field__error">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

/** The comment with a counter of what is left; past the limit the counter says by how much, nothing is cut. */
export function DecisionComment(props: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  label: string;
}) {
  const used = props.value.trim().length;
  const left = MAX_DECISION_COMMENT_LENGTH - used;
  return (
    <TextAreaField
      label={props.label}
      rows={4}
      value={props.value}
      error={props.error}
      hint={
        left >= 0
          ? `${count(used)} of ${count(MAX_DECISION_COMMENT_LENGTH)} characters (${count(left)} left)`
          : `${count(used)} of ${count(MAX_DECISION_COMMENT_LENGTH)} characters: ${count(-left)} too many`
      }
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}
