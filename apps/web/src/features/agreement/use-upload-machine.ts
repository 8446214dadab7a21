import { previewSample } from '@raisin/core/agreement';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useReducer, useRef } from 'react';
import { trpc } from '../../lib/trpc';
import { type UploadProgress, uploadSample } from './upload';
import {
  initialUploadState,
  type UploadAction,
  type UploadJob,
  type UploadOutcome,
  type UploadState,
  uploadReducer,
} from './upload-machine';

const PREVIEW_BYTES = 1024 * 1024;

/** Sends one file and says how it ended, asking the list when a cancel may have crossed the stored answer. */
async function sendJob(
  queryClient: QueryClient,
  projectId: string,
  job: UploadJob,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
): Promise<UploadOutcome> {
  const listQuery = trpc.agreement.list.queryOptions({ projectId });
  const listedBefore = await queryClient.ensureQueryData(listQuery).catch(() => null);
  const storedBefore = new Set((listedBefore ?? []).map((sample) => sample.id));
  const outcome = await uploadSample(projectId, job.file, job.fields, onProgress, signal);
  await queryClient.invalidateQueries({ queryKey: listQuery.queryKey });
  if (outcome.ok) return { kind: 'done', sampleId: outcome.sampleId };
  if (!outcome.cancelled) return { kind: 'error', message: `${job.file.name}: ${outcome.message}` };
  // A cancel can cross the server's answer: the list, not the cancel, says whether it was stored.
  const storedNow = await queryClient.fetchQuery(listQuery).catch(() => null);
  const storedAnyway =
    listedBefore === null ? undefined : storedNow?.find((sample) => !storedBefore.has(sample.id));
  return {
    kind: 'cancelled',
    message:
      storedAnyway === undefined
        ? `${job.file.name}: upload cancelled; nothing was stored.`
        : `${job.file.name}: the cancel arrived after the sample was stored; it is in the list as “${storedAnyway.name}”.`,
  };
}

export interface UploadMachine {
  readonly state: UploadState;
  readonly dispatch: (action: UploadAction) => void;
  /** Previews a picked or dropped file, which then waits for the user to submit it. */
  readonly choose: (file: File) => void;
  /** Stops the running upload (and the server's work on it). */
  readonly cancel: () => void;
}

/** The upload panel's state (`upload-machine.ts`) with its effects: reading a preview, sending files one at a time. */
export function useUploadMachine(projectId: string, onUploaded: (sampleId: string) => void): UploadMachine {
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(uploadReducer, initialUploadState);
  const cancelRef = useRef<AbortController | null>(null);
  const running = state.upload.step === 'uploading' ? state.upload.job : null;

  const send = useEffectEvent(async (job: UploadJob) => {
    const controller = new AbortController();
    cancelRef.current = controller;
    const onProgress = (progress: UploadProgress) => dispatch({ type: 'progress', jobId: job.id, progress });
    const outcome = await sendJob(queryClient, projectId, job, onProgress, controller.signal);
    cancelRef.current = null;
    if (outcome.kind === 'done') onUploaded(outcome.sampleId);
    dispatch({ type: 'finished', jobId: job.id, outcome });
  });

  // Each job starts once, when it becomes the running one; leaving the tab does not stop it.
  useEffect(() => {
    if (running !== null) void send(running);
  }, [running]);

  async function choose(file: File) {
    dispatch({ type: 'choose', file });
    // One byte past the window tells the preview that the file goes on (its last row may be cut off).
    const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES + 1).arrayBuffer());
    dispatch({ type: 'previewed', file, result: previewSample(bytes) });
  }

  return {
    state,
    dispatch,
    choose: (file) => void choose(file),
    cancel: () => cancelRef.current?.abort(),
  };
}
