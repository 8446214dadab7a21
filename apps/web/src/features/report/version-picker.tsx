import { useQuery } from '@tanstack/react-query';
import { Button, ErrorMessage, Spinner } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';

export const LIVE_PREVIEW = 'live';

/** Notes can be 500 characters; the picker shows their start, the version panel the whole note. */
const MAX_NOTE_IN_PICKER = 60;

function shortNote(note: string): string {
  return note.length > MAX_NOTE_IN_PICKER ? `${note.slice(0, MAX_NOTE_IN_PICKER - 1)}…` : note;
}

/**
 * Which report to show: the live preview or one published version, newest first. The buttons wrap and
 * the list scrolls past a few rows (report.css), so dozens of versions never push the report away.
 */
export function VersionPicker(props: {
  projectId: string;
  selected: string;
  canEdit: boolean;
  onSelect: (versionId: string) => void;
}) {
  const { selected, onSelect } = props;
  const versions = useQuery(trpc.report.versions.queryOptions({ projectId: props.projectId }));
  if (versions.isPending) return <Spinner label="Loading versions…" />;
  if (versions.isError) return <ErrorMessage>{describeApiError(versions.error)}</ErrorMessage>;
  return (
    <>
      <nav aria-label="Report versions" className="report-versions">
        <Button aria-pressed={selected === LIVE_PREVIEW} onClick={() => onSelect(LIVE_PREVIEW)}>
          Live preview
        </Button>
        {versions.data.map((v) => (
          <Button key={v.id} aria-pressed={selected === v.id} onClick={() => onSelect(v.id)}>
            {`Version ${v.number}`}
            {v.note && <span className="muted"> · {shortNote(v.note)}</span>}
          </Button>
        ))}
      </nav>
      {versions.data.length === 0 && (
        <p className="muted">
          No version published yet.{' '}
          {props.canEdit
            ? 'Publish one to freeze it, share it by link and see what changed next time.'
            : 'Editors publish versions; they will be listed here.'}
        </p>
      )}
    </>
  );
}
