import { useQuery } from '@tanstack/react-query';
import { ErrorMessage, Spinner } from '../../components';
import { Select } from '../../components/select';
import { describeApiError } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';

export const LIVE_PREVIEW = 'live';

/** Notes can be 500 characters; the picker shows their start, the version panel the whole note. */
const MAX_NOTE_IN_PICKER = 60;

function shortNote(note: string): string {
  return note.length > MAX_NOTE_IN_PICKER ? `${note.slice(0, MAX_NOTE_IN_PICKER - 1)}…` : note;
}

/**
 * Which report to show: the live preview or one published version, newest first. A select rather than
 * a row of buttons, so a project with dozens of versions still fits on one line.
 */
export function VersionPicker(props: {
  projectId: string;
  selected: string;
  canEdit: boolean;
  onSelect: (versionId: string) => void;
}) {
  const versions = useQuery(trpc.report.versions.queryOptions({ projectId: props.projectId }));
  if (versions.isPending) return <Spinner label="Loading versions…" />;
  if (versions.isError) return <ErrorMessage>{describeApiError(versions.error)}</ErrorMessage>;
  const options = [
    { value: LIVE_PREVIEW, label: 'Live preview (not published)' },
    ...versions.data.map((v) => ({
      value: v.id,
      label: `Version ${v.number} · ${v.publishedAt.slice(0, 10)}${v.note ? ` · ${shortNote(v.note)}` : ''}`,
    })),
  ];
  return (
    <>
      <Select label="Report shown" value={props.selected} options={options} onValueChange={props.onSelect} />
      {versions.data.length === 0 && (
        <p className="muted">
          No version published yet.{' '}
          {props.canEdit
            ? 'Publish one to freeze it, share it by link and see what changes next time.'
            : 'An editor publishes versions; you will find them here.'}
        </p>
      )}
    </>
  );
}
