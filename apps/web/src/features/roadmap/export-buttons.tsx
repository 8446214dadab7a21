import { useState } from 'react';
import { Button, ErrorMessage } from '../../components';
import { trpcClient } from '../../lib/trpc';
import { roadmapErrorText } from './api';

const FORMATS = [
  { format: 'csv', label: 'Download CSV (issue trackers)' },
  { format: 'ics', label: 'Download iCalendar (.ics)' },
  { format: 'markdown', label: 'Download Markdown' },
] as const;

/** Saves text as a file through a temporary link, the one way every browser downloads generated content. */
function saveFile(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; a tick later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

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
                setError(roadmapErrorText(caught));
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
