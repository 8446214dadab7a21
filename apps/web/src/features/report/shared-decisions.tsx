import { formatDateTime } from '@raisin/core/format';
import { DECISION_LABELS, type ReportDecisionKind } from '@raisin/core/report';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Button, ErrorMessage, TextField } from '../../components';
import { readApiError } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';
import { DecisionChoice, DecisionComment, useDecisionDraft } from './decision-fields';
import './decisions.css';

/** A decision as a reader of the link sees it: a name, never an e-mail. */
export interface ReaderDecision {
  id: string;
  decision: ReportDecisionKind;
  comment: string;
  name: string;
  meeting: boolean;
  createdAt: string;
}

/** One decision as a list entry; every text is rendered as text. */
export function DecisionEntry({ entry, children }: { entry: ReaderDecision; children?: React.ReactNode }) {
  return (
    <li className="decision-entry">
      <p className="decision-entry__head">
        <span className={`decision-badge decision-badge--${entry.decision}`}>
          {DECISION_LABELS[entry.decision]}
        </span>{' '}
        <strong>{entry.name}</strong>
        {entry.meeting && ' (recorded from a meeting)'}
        <span className="muted"> · {formatDateTime(entry.createdAt)}</span>
      </p>
      {entry.comment !== '' && <p className="decision-entry__comment">{entry.comment}</p>}
      {children}
    </li>
  );
}

/** The version's decisions that the team did not hide, for the link's readers. */
export function SharedDecisionList(props: { decisions: readonly ReaderDecision[]; versionNumber: number }) {
  return (
    <section aria-labelledby="shared-decisions-heading" className="section report-controls">
      <h2 id="shared-decisions-heading">Decisions on version {props.versionNumber}</h2>
      {props.decisions.length === 0 ? (
        <p className="muted">No decision recorded yet.</p>
      ) : (
        <ul className="decision-list">
          {props.decisions.map((entry) => (
            <DecisionEntry key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The refusal in the reader's terms; the server's sentence where it names the cause (revoked, too long…). */
function describeRefusal(error: unknown): string {
  const { code, message } = readApiError(error);
  switch (code) {
    case 'FORBIDDEN':
    case 'BAD_REQUEST':
      return message || 'This link takes no decisions.';
    case 'TOO_MANY_REQUESTS':
      return 'Too many decisions were recorded from this address or through this link just now. Wait a few minutes and try again.';
    case 'NOT_FOUND':
      return 'This link no longer exists: ask the team for a new one.';
    default:
      return 'Your decision could not be sent. Check your connection and try again; nothing was recorded.';
  }
}

/**
 * A reader's decision on the shared version: the choice, a comment with a counter, their name and e-mail
 * (which only the team sees). After it is recorded the form gives way to a confirmation.
 */
export function GuestDecisionForm(props: { token: string; versionNumber: number; onRecorded: () => void }) {
  const form = useDecisionDraft(true);
  const record = useMutation(trpc.report.recordDecision.mutationOptions({ onSuccess: props.onRecorded }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ready = form.check();
    if (ready) record.mutate({ token: props.token, ...ready });
  }

  if (record.isSuccess && record.variables) {
    return (
      <section aria-labelledby="decide-heading" className="section panel report-controls">
        <h2 id="decide-heading">Your decision</h2>
        <p role="status" className="decision-success">
          Thank you: your decision ({DECISION_LABELS[record.variables.decision]}) is recorded on version{' '}
          {props.versionNumber}. The team sees it in their report.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="decide-heading" className="section panel report-controls">
      <h2 id="decide-heading">Your decision on version {props.versionNumber}</h2>
      <p className="muted">
        The team asked for your decision on this version. Other readers of the report see your name, your
        decision and your comment; only the team sees your e-mail.
      </p>
      <form className="decision-form" onSubmit={onSubmit} noValidate>
        <DecisionChoice legend="Decision" form={form} />
        <DecisionComment label="Comment (conditions, changes or reasons)" form={form} />
        <div className="decision-form__row">
          <TextField label="Your name" autoComplete="name" {...form.bind('name')} />
          <TextField
            label="Your e-mail"
            type="email"
            autoComplete="email"
            hint="Only the team sees it."
            {...form.bind('email')}
          />
        </div>
        <Button type="submit" variant="primary" busy={record.isPending}>
          Record my decision
        </Button>
        {record.isError && <ErrorMessage>{describeRefusal(record.error)}</ErrorMessage>}
      </form>
    </section>
  );
}
