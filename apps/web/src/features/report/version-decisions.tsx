import { expectedDeciders, pendingDeciders } from '@raisin/core/report';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorMessage, Button, ConfirmButton, QueryStatus, TextField } from '../../components';
import { trpc } from '../../lib/trpc';
import { useInvalidate } from '../../lib/use-invalidate';
import { DecisionChoice, DecisionComment, useDecisionDraft } from './decision-fields';
import { DecisionEntry } from './shared-decisions';
import './decisions.css';

const SIGN_OFF_QUESTION = 'K.sign-off';

/** Who the worksheet's sign-off answer expects, and who of them has not decided on this version yet. */
function SignOffStatus(props: { projectId: string; decidedNames: readonly string[]; worksheetHref: string }) {
  const worksheet = useQuery(trpc.worksheet.get.queryOptions({ projectId: props.projectId }));
  if (!worksheet.data) return null;
  const answer = worksheet.data.answers.find((a) => a.questionId === SIGN_OFF_QUESTION)?.value;
  const expected = answer?.kind === 'short-text' ? expectedDeciders(answer.value) : [];
  if (expected.length === 0) {
    return (
      <p className="muted">
        Say who signs off in the <Link to={props.worksheetHref}>worksheet</Link> (Stakeholders, “Who signs off
        on launch?”) to see here who has not decided yet.
      </p>
    );
  }
  const pending = pendingDeciders(expected, props.decidedNames);
  return (
    <p className="decision-pending">
      Expected to sign off (worksheet): {expected.join(', ')}.{' '}
      {pending.length === 0 ? (
        <strong>Everyone expected has decided.</strong>
      ) : (
        <strong>Not decided yet: {pending.join(', ')}.</strong>
      )}
    </p>
  );
}

/** An owner records a decision taken in a meeting on this version. */
function MeetingDecisionForm(props: { projectId: string; versionId: string; onRecorded: () => void }) {
  const [recordedName, setRecordedName] = useState<string | null>(null);
  const form = useDecisionDraft(false, () => setRecordedName(null));
  const record = useMutation(
    trpc.report.recordMeetingDecision.mutationOptions({
      onSuccess: () => {
        setRecordedName(form.draft.name.trim());
        form.clear();
        props.onRecorded();
      },
    }),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ready = form.check();
    if (ready === null) return;
    const { decision, comment, name } = ready;
    record.mutate({ projectId: props.projectId, versionId: props.versionId, decision, comment, name });
  }
  return (
    <form className="decision-form" onSubmit={onSubmit} noValidate aria-labelledby="meeting-decision-heading">
      <h4 id="meeting-decision-heading">Record a meeting decision</h4>
      <DecisionChoice legend="Decision taken" form={form} />
      <TextField
        label="Who decided"
        hint="A person or a body, e.g. Steering committee."
        {...form.bind('name')}
      />
      <DecisionComment label="Meeting comment (conditions, changes or reasons)" form={form} />
      <Button type="submit" busy={record.isPending}>
        Record meeting decision
      </Button>
      {recordedName !== null && <p role="status">Recorded the decision of {recordedName}.</p>}
      <ApiErrorMessage error={record.error} />
    </form>
  );
}

/**
 * The decisions on one version, for the team: readers' names and e-mails, meeting entries, hidden entries
 * marked as such; who the worksheet expects and has not decided; for owners, Hide and a meeting decision.
 */
export function VersionDecisions(props: {
  projectId: string;
  versionId: string;
  versionNumber: number;
  isOwner: boolean;
  worksheetHref: string;
}) {
  const { projectId, versionId } = props;
  const decisions = useQuery(trpc.report.decisions.queryOptions({ projectId }));
  const refresh = useInvalidate(trpc.report.decisions.queryKey({ projectId }), trpc.portfolio.list.pathKey());
  const hide = useMutation(trpc.report.hideDecision.mutationOptions({ onSettled: refresh }));
  const mine = (decisions.data ?? []).filter((d) => d.versionId === versionId);
  const visible = mine.filter((d) => !d.hidden);

  return (
    <section aria-labelledby="decisions-heading" className="section panel report-controls">
      <h3 id="decisions-heading">Decisions on version {props.versionNumber}</h3>
      <QueryStatus query={decisions} loading="Loading decisions…" />
      <SignOffStatus
        projectId={projectId}
        decidedNames={visible.map((d) => d.name)}
        worksheetHref={props.worksheetHref}
      />
      {decisions.isSuccess && mine.length === 0 && (
        <p className="muted">
          No decision yet. Create a share link that allows feedback for readers to decide
          {props.isOwner ? ', or record a decision taken in a meeting below' : ''}.
        </p>
      )}
      <ApiErrorMessage error={hide.error} />
      {mine.length > 0 && (
        <ul className="decision-list" aria-label={`Decisions on version ${props.versionNumber}`}>
          {mine.map((entry) => (
            <DecisionEntry key={entry.id} entry={entry}>
              <p className="decision-entry__meta muted">
                {entry.email && <>From {entry.email} (only the team sees it). </>}
                {entry.hidden && <strong>Hidden from readers.</strong>}
              </p>
              {props.isOwner && !entry.hidden && (
                <ConfirmButton
                  variant="secondary"
                  aria-label={`Hide the decision of ${entry.name}`}
                  confirm="Hide this decision from readers, lists and the portfolio? The team still sees it here, marked hidden."
                  onConfirm={() => hide.mutate({ projectId, decisionId: entry.id })}
                >
                  Hide
                </ConfirmButton>
              )}
            </DecisionEntry>
          ))}
        </ul>
      )}
      {props.isOwner && (
        <MeetingDecisionForm projectId={projectId} versionId={versionId} onRecorded={refresh} />
      )}
    </section>
  );
}
