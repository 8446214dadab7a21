/** Sends a sample to the server with XHR, for its upload progress events (fetch has none). */
import { parseUploadEvents, type UploadEvent } from './format';

export interface UploadFields {
  name: string;
  level: 'nominal' | 'ordinal' | 'interval' | 'ratio';
  order: string[] | null;
  columns: { item?: string; annotator?: string; label?: string } | null;
  /** `auto` lets the server detect it; `long`/`wide` is the layout the user chose for a CSV/TSV. */
  format: 'auto' | 'long' | 'wide';
  /** The question of a Label Studio export to lead with (`from_name`); null: the first. */
  control: string | null;
  /** What a CSV/TSV or JSON Lines table holds (the CLI's --framing); null: one label per item. */
  framing: TableFraming | null;
}

/** The framings a table can hold; spans and boxes come only in Label Studio or Prodigy exports. */
export type TableFraming = 'categorical' | 'multilabel' | 'ranking' | 'pairwise' | 'continuous';

export type UploadProgress =
  | { phase: 'uploading'; loaded: number; total: number }
  /** Server side: bytes parsed (of the request's length, when known), coefficient steps, resamples. */
  | { phase: 'reading' | 'coefficients' | 'bootstrap'; done: number; total: number | null }
  | { phase: 'scoring'; annotations: number | null }
  | { phase: 'saving' };

export type UploadOutcome =
  | { ok: true; sampleId: string; name: string }
  | { ok: false; message: string; line: number | null; cancelled?: true };

const STEPPED_PHASES = ['reading', 'coefficients', 'bootstrap'] as const;

/** The panel's view of a progress line of the answer; `null` for a line it does not know. */
function toProgress(event: UploadEvent): UploadProgress | null {
  if (event.type !== 'progress') return null;
  if (event.phase === 'scoring') return { phase: 'scoring', annotations: event.annotations ?? null };
  if (event.phase === 'saving') return { phase: 'saving' };
  const phase = STEPPED_PHASES.find((candidate) => candidate === event.phase);
  return phase === undefined ? null : { phase, done: event.done ?? 0, total: event.total ?? null };
}

function errorFrom(xhr: XMLHttpRequest): UploadOutcome {
  try {
    const body = JSON.parse(xhr.responseText) as { message?: unknown; issue?: { line?: unknown } };
    const message = typeof body.message === 'string' ? body.message : `Upload failed (${xhr.status}).`;
    const line = typeof body.issue?.line === 'number' ? body.issue.line : null;
    return { ok: false, message, line };
  } catch {
    return { ok: false, message: `Upload failed (${xhr.status}).`, line: null };
  }
}

export function uploadSample(
  projectId: string,
  file: File,
  fields: UploadFields,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<UploadOutcome> {
  const form = new FormData();
  // Text fields first: the server reads them before it streams the file.
  if (fields.name.trim() !== '') form.append('name', fields.name.trim());
  form.append('level', fields.level);
  form.append('format', fields.format);
  if (fields.order) form.append('order', JSON.stringify(fields.order));
  if (fields.columns) form.append('columns', JSON.stringify(fields.columns));
  if (fields.control) form.append('control', fields.control);
  if (fields.framing && fields.framing !== 'categorical') form.append('framing', fields.framing);
  form.append('file', file, file.name);

  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/projects/${encodeURIComponent(projectId)}/agreement/samples`);
    xhr.withCredentials = true;
    // Asks for the answer as a stream from the first byte: reading and scoring progress, and a
    // malformed file's line as the last line instead of a 400.
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    xhr.upload.onprogress = (event) => {
      onProgress({
        phase: 'uploading',
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : file.size,
      });
    };
    let seen = 0;
    xhr.onprogress = () => {
      const events = parseUploadEvents(xhr.responseText);
      for (const event of events.slice(seen)) {
        const progress = toProgress(event);
        if (progress !== null) onProgress(progress);
      }
      seen = events.length;
    };
    xhr.onload = () => {
      if (xhr.status !== 200) {
        resolve(errorFrom(xhr));
        return;
      }
      const last: UploadEvent | undefined = parseUploadEvents(xhr.responseText).at(-1);
      if (last?.type === 'done') resolve({ ok: true, sampleId: last.sample.id, name: last.sample.name });
      else if (last?.type === 'error')
        resolve({ ok: false, message: last.message, line: last.issue?.line ?? null });
      else resolve({ ok: false, message: 'The upload ended unexpectedly.', line: null });
    };
    // Closing the request also stops the server's work on it.
    xhr.onabort = () => resolve({ ok: false, message: 'Upload cancelled.', line: null, cancelled: true });
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.onerror = () =>
      resolve({ ok: false, message: 'The upload failed: check your connection and try again.', line: null });
    xhr.send(form);
  });
}
