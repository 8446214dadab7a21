import { useState } from 'react';
import { Button, ErrorMessage } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { fileStemOf, saveFile } from '../../lib/save-file';
import { trpcClient } from '../../lib/trpc';

/** Downloads the whole project as one `raisin-project` JSON file, importable into any workspace. */
export function ExportProjectButton({ projectId, projectName }: { projectId: string; projectName: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        busy={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const file = await trpcClient.portability.exportJson.query({ projectId });
            saveFile(
              `${fileStemOf(projectName)}.raisin.json`,
              'application/json',
              JSON.stringify(file, null, 2),
            );
          } catch (caught) {
            setError(describeApiError(caught));
          } finally {
            setBusy(false);
          }
        }}
      >
        Export project
      </Button>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </>
  );
}
