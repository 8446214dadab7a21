import { useState } from 'react';
import { Button, ErrorMessage } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { saveFile } from '../../lib/save-file';
import { trpcClient } from '../../lib/trpc';

const FORMATS = [
  { format: 'csv', label: 'Download CSV (issue trackers)' },
  { format: 'ics', label: 'Download iCalendar (.ics)' },
  { format: 'markdown', label: 'Download Markdown' },
] as const;

/** Exports of the stored roadmap, produced by the server so every export matches what is saved. */
export function ExportButtons({ projectId }: { projectId: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="stack">
      <div className="actions">
        {FORMATS.map(({ format, label }) => (
          <Button
            key={format}
            busy={busy === format}
            onClick={async () => {
              setBusy(format);
              setError(null);
              try {
                const file = await trpcClient.roadmap.export.query({ projectId, format });
                saveFile(file.fileName, file.mimeType, file.content);
              } catch (caught) {
                setError(describeApiError(caught));
              } finally {
                setBusy(null);
              }
            }}
          >
            {label}
          </Button>
        ))}
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
