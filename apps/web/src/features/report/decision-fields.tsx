import {
  DECISION_LABELS,
  MAX_DECISION_COMMENT_LENGTH,
  MAX_DECISION_NAME_LENGTH,
  REPORT_DECISIONS,
  type ReportDecisionKind,
} from '@raisin/core/report';
import { type ChangeEvent, useId, useState } from 'react';
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

/** A decision form's draft and its errors, as `useDecisionDraft` keeps them. */
export interface DecisionForm {
  draft: DecisionDraft;
  errors: DecisionErrors;
  /** Changes part of the draft; the errors shown go until the next check. */
  set: (patch: Partial<DecisionDraft>) => void;
  /** A text field's value, error and change handler, for `TextField`. */
  bind: (key: 'name' | 'email') => {
    value: string;
    error: string | undefined;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  };
  /** Checks the draft (`readyDecision`) and shows its errors: the decision ready to send, or null. */
  check: () => ReturnType<typeof readyDecision>['ready'];
  /** Empties the draft, after it was recorded. */
  clear: () => void;
}

/**
 * The draft of a decision form, starting empty; `needEmail` for a reader's decision (the team replies to
 * it), `onEdit` for whatever else an edit should clear.
 */
export function useDecisionDraft(needEmail: boolean, onEdit?: () => void): DecisionForm {
  const [draft, setDraft] = useState<DecisionDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<DecisionErrors>({});
  const set = (patch: Partial<DecisionDraft>) => {
    setDraft({ ...draft, ...patch });
    setErrors({});
    onEdit?.();
  };
  return {
    draft,
    errors,
    set,
    bind: (key) => ({
      value: draft[key],
      error: errors[key],
      onChange: (event) => set({ [key]: event.target.value }),
    }),
    check: () => {
      const { errors: found, ready } = readyDecision(draft, needEmail);
      setErrors(found);
      return ready;
    },
    clear: () => setDraft(EMPTY_DRAFT),
  };
}

/** The four choices as radio buttons in one labelled group. */
export function DecisionChoice({ legend, form }: { legend: string; form: DecisionForm }) {
  const name = useId();
  const errorId = `${name}-error`;
  const error = form.errors.decision;
  return (
    <fieldset
      className="decision-choices"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="field__label">{legend}</legend>
      <div className="choices">
        {REPORT_DECISIONS.map((kind) => (
          <label key={kind} className="choice choice--roomy">
            <input
              type="radio"
              name={name}
              value={kind}
              checked={form.draft.decision === kind}
              onChange={() => form.set({ decision: kind })}
            />
            {DECISION_LABELS[kind]}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The comment with a counter of what is left; past the limit the counter says by how much, nothing is cut. */
export function DecisionComment({ label, form }: { label: string; form: DecisionForm }) {
  const used = form.draft.comment.trim().length;
  const left = MAX_DECISION_COMMENT_LENGTH - used;
  return (
    <TextAreaField
      label={label}
      rows={4}
      value={form.draft.comment}
      error={form.errors.comment}
      hint={
        left >= 0
          ? `${count(used)} of ${count(MAX_DECISION_COMMENT_LENGTH)} characters (${count(left)} left)`
          : `${count(used)} of ${count(MAX_DECISION_COMMENT_LENGTH)} characters: ${count(-left)} too many`
      }
      onChange={(event) => form.set({ comment: event.target.value })}
    />
  );
}
