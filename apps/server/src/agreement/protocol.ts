/** Messages between the server and the scoring worker (score-worker.ts). */
import type {
  AgreementReport,
  ColumnMapping,
  Framing,
  MeasurementLevel,
  ParseOptions,
  SampleFormat,
  SampleIssue,
} from '@raisin/core/agreement';

export type ToWorker =
  | {
      readonly type: 'start';
      readonly job: JobData;
      /** Whether anyone reads this job's progress: posting a hundred messages costs a small job dearly. */
      readonly progress: boolean;
    }
  | { readonly type: 'chunk'; readonly bytes: Uint8Array }
  | { readonly type: 'end' }
  | {
      readonly type: 'rescore';
      readonly triples: Uint8Array;
      readonly framing: Framing;
      readonly level: MeasurementLevel;
      readonly order: readonly string[] | null;
    };

/** An upload job (the `start` message): how to parse and at which level to score. */
export interface UploadJobData {
  readonly kind: 'upload';
  readonly parse: ParseOptions;
  readonly level: MeasurementLevel;
  /** The request's Content-Length (the file plus a little multipart framing), when the client sent one. */
  readonly expectedBytes: number | null;
  /** The question of an export to lead with (Label Studio `from_name`); every question is scored. */
  readonly control?: string;
  /** The framing of a CSV/TSV or JSON Lines table (`--framing`); exports carry their own. */
  readonly framing?: Framing;
}

export interface RescoreJobData {
  readonly kind: 'rescore';
}

export type JobData = UploadJobData | RescoreJobData;

/** How far a job is: bytes parsed of `total` while reading, then computeAgreement's own stages. */
export interface JobProgress {
  readonly type: 'progress';
  readonly stage: 'reading' | 'coefficients' | 'bootstrap';
  readonly done: number;
  /** `null` while reading a body of unknown length. */
  readonly total: number | null;
}

/** Sent once the worker has loaded its modules: terminating a thread mid-load can abort the whole process. */
export interface WorkerReady {
  readonly type: 'ready';
}

export type FromWorker =
  | JobProgress
  | WorkerReady
  | { readonly type: 'parse-failed'; readonly issue: SampleIssue }
  | {
      readonly type: 'parsed';
      readonly format: SampleFormat;
      readonly columns: ColumnMapping | null;
      /** Non-empty cells read as missing, per spelling (`ParsedSample.missingSpellings`). */
      readonly missingSpellings: Readonly<Record<string, number>>;
      /** Conflicting repeated annotations resolved by the job's `duplicates` policy. */
      readonly duplicatesResolved: number;
      readonly annotations: number;
      readonly items: number;
      readonly parseMs: number;
    }
  | {
      readonly type: 'scored';
      readonly report: AgreementReport;
      readonly triples: Uint8Array;
      readonly scoreMs: number;
      /** Every question of an export that holds several, by name, the headline's included. */
      readonly controls?: Readonly<Record<string, AgreementReport>>;
      /** The headline question's name, when the export names its questions. */
      readonly control?: string;
    }
  | { readonly type: 'rescored'; readonly ok: true; readonly report: AgreementReport }
  | { readonly type: 'rescored'; readonly ok: false; readonly message: string }
  | { readonly type: 'failed'; readonly message: string };
