import { useId, useState } from 'react';
import { Button, ErrorMessage, Field } from '../../components';
import { describeUploadProgress } from './progress';
import type { UploadProgress } from './upload';
import { UploadForm } from './upload-form';
import { useUploadMachine } from './use-upload-machine';

/** The running upload's stage (announced when it changes) and a determinate bar, with a cancel button. */
function UploadProgressBar({
  fileName,
  progress,
  onCancel,
}: {
  fileName: string;
  progress: UploadProgress | null;
  onCancel: () => void;
}) {
  const id = useId();
  const { stage, detail, percent } = describeUploadProgress(progress);
  return (
    <div className="upload-progress">
      <p className="upload-progress__stage" aria-live="polite">
        <label htmlFor={id}>
          {fileName}: {stage}
        </label>
      </p>
      <div className="upload-progress__row">
        <progress
          id={id}
          max={100}
          {...(percent === null ? {} : { value: percent, 'aria-valuenow': percent })}
          aria-valuetext={detail === '' ? stage : `${stage}: ${detail}`}
        />
        <span className="upload-progress__detail">{detail}</span>
        <Button onClick={onCancel}>Cancel upload</Button>
      </div>
    </div>
  );
}

/** The file input, inside a zone that also takes a dropped file. */
function FileDropZone({ resetKey, onFile }: { resetKey: number; onFile: (file: File) => void }) {
  const [dragging, setDragging] = useState(false);
  return (
    <section
      className={`dropzone${dragging ? ' dropzone--active' : ''}`}
      aria-label="Drop zone: drop a file here to upload it"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const dropped = event.dataTransfer.files[0];
        if (dropped) onFile(dropped);
      }}
    >
      <Field
        label="Sample file"
        hint="Drop a file here or pick one: CSV or TSV (long: item, annotator, label; or wide: one column per annotator), JSON Lines, a Label Studio export or a Prodigy export."
        renderControl={(control) => (
          <input
            {...control}
            // A new input once a file is sent, so picking the same file again is a change.
            key={resetKey}
            type="file"
            accept=".csv,.tsv,.txt,.json,.jsonl,.ndjson,text/csv,application/json"
            onChange={(event) => {
              const picked = event.target.files?.[0];
              if (picked) onFile(picked);
            }}
          />
        )}
      />
    </section>
  );
}

/** Pick or drop a file, check its columns on a local preview, then upload it; later files wait their turn. */
export function UploadPanel({
  projectId,
  onUploaded,
}: {
  projectId: string;
  onUploaded: (sampleId: string) => void;
}) {
  const { state, dispatch, choose, cancel } = useUploadMachine(projectId, onUploaded);
  const { file, upload, queue } = state;
  return (
    <section className="panel agreement-upload" aria-labelledby="agreement-upload-title">
      <h3 id="agreement-upload-title">Upload a labeled sample</h3>
      <FileDropZone resetKey={state.submitted} onFile={choose} />
      {file.step === 'unreadable' && (
        <ErrorMessage>{`This file cannot be read: ${file.message}`}</ErrorMessage>
      )}
      {file.step === 'ready' && (
        <UploadForm
          fileName={file.file.name}
          preview={file.preview}
          settings={state.settings}
          queued={upload.step === 'uploading'}
          dispatch={dispatch}
        />
      )}
      {upload.step === 'uploading' && (
        <div className="stack">
          <UploadProgressBar fileName={upload.job.file.name} progress={upload.progress} onCancel={cancel} />
          {queue.length > 0 && <p className="muted">{queue.length} more waiting.</p>}
        </div>
      )}
      {state.notice && (
        <p className="notice" role="status">
          {state.notice}
        </p>
      )}
      {state.error && <ErrorMessage>{state.error}</ErrorMessage>}
    </section>
  );
}
