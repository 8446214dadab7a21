import { formatDateTime } from '@raisin/core/format';
import type { ReportDecisionLine, ReportSnapshot } from '@raisin/core/report';
import { calendarDateIn } from '@raisin/core/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { Button, ErrorMessage, Spinner, TextField } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';
import { type ProjectTab, projectTabPath } from '../project-shell/project-tabs';
import { ReportExportButtons } from './export-buttons';
import { PrintButton, PrintHeader } from './print';
import { ReportView } from './report-view';
import { ShareLinks } from './share-links';
import { VersionDecisions } from './version-decisions';
import { LIVE_PREVIEW, VersionPicker } from './version-picker';
import { WhatChanged } from './what-changed';
import './report.css';
import { isOverLimit } from '../../lib/text-limit';

/** The longest note the API stores for a published version. */
const VERSION_NOTE_MAX_LENGTH = 500;

function fileStem(projectName: string, version: number | null): string {
  const slug = projectName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'project'}-report-${version === null ? 'preview' : `v${version}`}`;
}

function SnapshotPanel(props: {
  snapshot: ReportSnapshot;
  projectName: string;
  decisions?: readonly ReportDecisionLine[] | undefined;
}) {
  const { snapshot, projectName, decisions } = props;
  const { workspaceId = '' } = useParams();
  const tabHref = (tab: ProjectTab) => projectTabPath(workspaceId, snapshot.project.id, tab);
  const number = snapshot.version?.number ?? null;
  return (
    <>
      <div className="toolbar report-controls">
        <PrintButton />
        <ReportExportButtons
          snapshot={snapshot}
          fileStem={fileStem(projectName, number)}
          decisions={decisions}
        />
      </div>
      <PrintHeader projectName={projectName} version={snapshot.version} />
      <ReportView snapshot={snapshot} tabHref={tabHref} decisions={decisions} />
    </>
  );
}

function PublishForm({ projectId, onPublished }: { projectId: string; onPublished: (id: string) => void }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const publish = useMutation(
    trpc.report.publish.mutationOptions({
      onSuccess: async (version) => {
        setNote('');
        await queryClient.invalidateQueries({ queryKey: trpc.report.versions.queryKey({ projectId }) });
        onPublished(version.id);
      },
    }),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isOverLimit(note, VERSION_NOTE_MAX_LENGTH)) return;
    publish.mutate({
      projectId,
      today: calendarDateIn(new Date()),
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    });
  }
  return (
    <form className="inline-form report-controls" onSubmit={onSubmit} noValidate>
      <TextField
        label="Note for this version (optional)"
        value={note}
        limit={VERSION_NOTE_MAX_LENGTH}
        placeholder="For the steering committee, March"
        onChange={(event) => setNote(event.target.value)}
      />
      <Button type="submit" variant="primary" busy={publish.isPending}>
        Publish version
      </Button>
      {publish.isError && <ErrorMessage>{describeApiError(publish.error)}</ErrorMessage>}
    </form>
  );
}

function VersionPanel(props: {
  projectId: string;
  versionId: string;
  projectName: string;
  canEdit: boolean;
  isOwner: boolean;
}) {
  const { projectId, versionId } = props;
  const { workspaceId = '' } = useParams();
  const version = useQuery(trpc.report.getVersion.queryOptions({ projectId, versionId }));
  // The same query as the decisions panel: the version's visible decisions go into its downloads and print.
  const decisions = useQuery(trpc.report.decisions.queryOptions({ projectId }));
  const versionDecisions: ReportDecisionLine[] | undefined = decisions.data
    ?.filter((d) => d.versionId === versionId && !d.hidden)
    .map((d) => ({
      decision: d.decision,
      name: d.name,
      comment: d.comment,
      meeting: d.meeting,
      decidedAt: d.createdAt,
    }));
  if (version.isPending) return <Spinner label="Loading version…" />;
  if (version.isError) return <ErrorMessage>{describeApiError(version.error)}</ErrorMessage>;
  return (
    <>
      <p className="report-controls">
        Version {version.data.number}, published {formatDateTime(version.data.publishedAt)}
        {version.data.publishedByName && ` by ${version.data.publishedByName}`}
        {version.data.note && `: “${version.data.note}”`}
      </p>
      <WhatChanged projectId={projectId} versionId={versionId} />
      <VersionDecisions
        projectId={projectId}
        versionId={versionId}
        versionNumber={version.data.number}
        isOwner={props.isOwner}
        worksheetHref={projectTabPath(workspaceId, projectId, 'worksheet')}
      />
      <ShareLinks
        projectId={projectId}
        versionId={versionId}
        versionNumber={version.data.number}
        canEdit={props.canEdit}
      />
      <SnapshotPanel
        snapshot={version.data.snapshot}
        projectName={props.projectName}
        decisions={versionDecisions}
      />
    </>
  );
}

function Preview({ projectId, projectName }: { projectId: string; projectName: string }) {
  // "Next milestones" start on the reader's own day, which is not UTC's for part of every day.
  const preview = useQuery(
    trpc.report.preview.queryOptions({ projectId, today: calendarDateIn(new Date()) }),
  );
  if (preview.isPending) return <Spinner label="Building the report…" />;
  if (preview.isError) return <ErrorMessage>{describeApiError(preview.error)}</ErrorMessage>;
  return <SnapshotPanel snapshot={preview.data} projectName={projectName} />;
}

/**
 * The Report tab: the live preview, Publish (with a note), the published versions, and for a version
 * what changed since the one before, its decisions, its share links and its downloads. Print uses the print stylesheet.
 */
export function ReportTab(props: {
  projectId: string;
  projectName: string;
  canEdit: boolean;
  /** Owners hide decisions and record those taken in a meeting. */
  isOwner: boolean;
}) {
  const { projectId, projectName, canEdit } = props;
  const [selected, setSelected] = useState(LIVE_PREVIEW);

  return (
    <div className="report-tab">
      <section aria-labelledby="report-versions-heading" className="section report-controls">
        <h2 id="report-versions-heading">Versions</h2>
        {canEdit && <PublishForm projectId={projectId} onPublished={setSelected} />}
        <VersionPicker projectId={projectId} selected={selected} canEdit={canEdit} onSelect={setSelected} />
      </section>
      {selected === LIVE_PREVIEW ? (
        <Preview projectId={projectId} projectName={projectName} />
      ) : (
        <VersionPanel
          projectId={projectId}
          versionId={selected}
          projectName={projectName}
          canEdit={canEdit}
          isOwner={props.isOwner}
        />
      )}
    </div>
  );
}
