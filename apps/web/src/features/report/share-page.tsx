import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { Spinner } from '../../components';
import { getApiErrorCode } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';
import { PrintHeader, ReportHeader } from './print';
import { ReportView } from './report-view';
import { GuestDecisionForm, SharedDecisionList } from './shared-decisions';
import './report.css';

function Unavailable({ title, text }: { title: string; text: string }) {
  return (
    <main id="main" className="plain-main share-page">
      <title>{`${title} · Raisin`}</title>
      <h1>{title}</h1>
      <p>{text}</p>
    </main>
  );
}

/**
 * `/s/:token`: a shared report version, read-only, without login or the app's navigation. Revoked,
 * expired and unknown links say so and show nothing else. A link that allows feedback ends with the
 * reader's decision form; every link lists the version's decisions the team did not hide.
 */
export function SharePage() {
  const { token = '' } = useParams();
  const queryClient = useQueryClient();
  const sharedQuery = trpc.report.shared.queryOptions({ token });
  const shared = useQuery({ ...sharedQuery, retry: false, staleTime: Number.POSITIVE_INFINITY });
  if (shared.isPending) return <Spinner label="Opening the shared report…" />;
  if (shared.isError) {
    return getApiErrorCode(shared.error) === 'TOO_MANY_REQUESTS' ? (
      <Unavailable
        title="Too many requests"
        text="Too many links were opened from this address. Wait a minute and reload."
      />
    ) : getApiErrorCode(shared.error) === 'NOT_FOUND' ? (
      <Unavailable title="Link not found" text="This link does not exist. Check that it was copied whole." />
    ) : (
      <Unavailable title="Something went wrong" text="The report could not be loaded. Reload to try again." />
    );
  }
  const data = shared.data;
  if (data.status === 'revoked') {
    return (
      <Unavailable
        title="This link was revoked"
        text="Its owner revoked this link. Ask them for a new one."
      />
    );
  }
  if (data.status === 'expired') {
    return <Unavailable title="This link has expired" text="Ask the person who shared it for a new link." />;
  }
  return (
    <main id="main" className="plain-main share-page">
      <title>{`${data.projectName} — report v${data.versionNumber} · Raisin`}</title>
      <ReportHeader
        title={`${data.projectName} — report v${data.versionNumber}`}
        version={data.snapshot.version}
      />
      <PrintHeader projectName={data.projectName} version={data.snapshot.version} />
      {data.allowFeedback && (
        <p className="notice report-controls">
          The team asks for your decision on this version: <a href="#decide-heading">record it below</a> the
          report.
        </p>
      )}
      <ReportView snapshot={data.snapshot} />
      {(data.allowFeedback || data.decisions.length > 0) && (
        <SharedDecisionList decisions={data.decisions} versionNumber={data.versionNumber} />
      )}
      {data.allowFeedback && (
        <GuestDecisionForm
          token={token}
          versionNumber={data.versionNumber}
          onRecorded={() => queryClient.invalidateQueries({ queryKey: sharedQuery.queryKey })}
        />
      )}
    </main>
  );
}
