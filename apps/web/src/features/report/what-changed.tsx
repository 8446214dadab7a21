import { describeDecision } from '@raisin/core/report';
import { useQuery } from '@tanstack/react-query';
import { ErrorMessage, Spinner } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';

/**
 * What changed from the previous version to this one, section by section, led by the decisions taken on
 * the previous version ("Dana Reyes approved v2 with conditions: …"), which this version answers.
 */
export function WhatChanged({ projectId, versionId }: { projectId: string; versionId: string }) {
  const diff = useQuery(trpc.report.diff.queryOptions({ projectId, to: versionId }));
  if (diff.isPending) return <Spinner label="Comparing with the previous version…" />;
  if (diff.isError) return <ErrorMessage>{describeApiError(diff.error)}</ErrorMessage>;
  const { from, diff: changes, fromDecisions } = diff.data;
  return (
    <section aria-labelledby="what-changed-heading" className="section panel report-controls">
      <h3 id="what-changed-heading">What changed{from ? ` since version ${from.number}` : ''}</h3>
      {from && fromDecisions.length > 0 && (
        <div>
          <h4>Decisions on version {from.number}</h4>
          <ul>
            {fromDecisions.map((decision) => (
              <li key={decision.id} className="decision-carried">
                {describeDecision(decision, from.number)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {changes === null ? (
        <p className="muted">This is the first version: there is nothing to compare it with.</p>
      ) : changes.unchanged ? (
        <p>Nothing changed since version {from?.number}.</p>
      ) : (
        changes.sections.map((section) => (
          <div key={section.key}>
            <h4>{section.title}</h4>
            <ul>
              {section.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
