/** Sends a sample to the server with XHR, for its upload progress events (fetch has none). */
import { parseUploadEvents, type UploadEvent } from './format';

export interface UploadFields {
  name: string;
  level: 'nominal' | 'ordinal' | 'interval' | 'ratio';
  order: string[] | null;
  columns: { item?: string; annotator?: string; label?: string } | null;
}

export type UploadProgress =
  | { phase: 'uploading'; loaded: number; total: number }
  | { phase: 'scoring'; annotations: number | null };

export type UploadOutcome =
  | { ok: true; sampleId: string; name: string }
  | { ok: false; message: string; line: number | null };

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
): Promise<UploadOutcome> {
  const form = new FormData();
  // Text fields first: the server reads them before it streams the file.
  if (fields.name.trim() !== '') form.append('name', fields.name.trim());
  form.append('level', fields.level);
  if (fields.order) form.append('order', JSON.stringify(fields.order));
  if (fields.columns) form.append('columns', JSON.stringify(fields.columns));
  form.append('file', file, file.name);

  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/projects/${encodeURIComponent(projectId)}/agreement/samples`);
    xhr.withCredentials = true;
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
        if (event.type === 'progress')
          onProgress({ phase: 'scoring', annotations: event.annotations ?? null });
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
      else
        resolve({
          ok: false,
          message: last?.type === 'error' ? last.message : 'The upload ended unexpectedly.',
          line: null,
        });
    };
    xhr.onerror = () =>
      resolve({ ok: false, message: 'The upload failed: check your connection and try again.', line: null });
    xhr.send(form);
  });
}
