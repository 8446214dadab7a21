/** What the upload panel shows of an upload's progress (tested in progress.test.ts). */
import type { UploadProgress } from './upload';

export interface ProgressView {
  /** The stage, announced when it changes. */
  readonly stage: string;
  /** How far within the stage, in words. */
  readonly detail: string;
  /** Whole percent for the bar; `null` when the stage's end is unknown. */
  readonly percent: number | null;
}

const percentOf = (done: number, total: number) =>
  total > 0 ? Math.min(100, Math.max(0, Math.floor((done / total) * 100))) : 0;

const count = (n: number) => n.toLocaleString('en');

export function describeUploadProgress(progress: UploadProgress | null): ProgressView {
  if (progress === null) return { stage: 'Starting', detail: '', percent: 0 };
  switch (progress.phase) {
    case 'uploading': {
      const percent = percentOf(progress.loaded, progress.total);
      return { stage: 'Uploading', detail: `${percent}%`, percent };
    }
    case 'reading': {
      if (progress.total === null) {
        const mb = (progress.done / 1e6).toFixed(1);
        return { stage: 'Reading the file', detail: `${mb} MB read`, percent: null };
      }
      const percent = percentOf(progress.done, progress.total);
      return { stage: 'Reading the file', detail: `${percent}%`, percent };
    }
    case 'scoring': {
      const detail = progress.annotations === null ? '' : `${count(progress.annotations)} annotations`;
      return { stage: 'Computing coefficients', detail, percent: 0 };
    }
    case 'coefficients': {
      const percent = percentOf(progress.done, progress.total ?? 0);
      return { stage: 'Computing coefficients', detail: `${percent}%`, percent };
    }
    case 'bootstrap': {
      const total = progress.total ?? 0;
      return {
        stage: 'Confidence intervals',
        detail: `${count(progress.done)}/${count(total)} resamples`,
        percent: percentOf(progress.done, total),
      };
    }
    case 'saving':
      return { stage: 'Saving the result', detail: '', percent: 100 };
  }
}
