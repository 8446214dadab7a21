/**
 * The upload panel as a state machine (tested in upload-machine.test.ts). Two parts move side by side,
 * because a file can be prepared while earlier ones upload:
 * - the file being prepared: idle → previewing → ready (or unreadable) → back to idle once submitted;
 * - the uploads: idle → uploading(progress) → done, error or cancelled, then the next queued file or idle.
 * The reducer is pure; reading the file and sending it are the hook's (`use-upload-machine.ts`).
 */
import {
  type ColumnRole,
  countMissingSpellings,
  describeMissingSpellings,
  describeSampleIssue,
  type FramingSuggestion,
  type previewSample,
  type SamplePreview,
  suggestTableFraming,
} from '@raisin/core/agreement';
import { isOverLimit } from '../../lib/text-limit';
import { SAMPLE_NAME_MAX_LENGTH } from './sample-name';
import type { TableFraming, UploadFields, UploadProgress } from './upload';

/** A delimited file is either one row per label (long) or one column per annotator (wide). */
export type Layout = 'long' | 'wide';
export const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type Level = (typeof LEVELS)[number];

/** A table's framing (the CLI's --framing); the ones that read their own columns skip the mapping. */
export const FRAMING_OPTIONS: readonly { value: TableFraming; label: string }[] = [
  { value: 'categorical', label: 'One label per item' },
  { value: 'multilabel', label: 'Sets of labels: item, annotator, labels joined by |' },
  { value: 'ranking', label: 'Rankings: list, object, annotator, rank (or objects × annotators)' },
  { value: 'pairwise', label: 'Pairwise preferences: item_a, item_b, annotator, choice' },
  { value: 'continuous', label: 'Numbers (ICC)' },
];
/** JSON Lines records hold one label per item: a number, or a category. */
const JSONL_FRAMINGS: readonly TableFraming[] = ['categorical', 'continuous'];
/** The framings whose tables name their own columns, so nothing is mapped: the columns each reads. */
const OWN_COLUMNS: Partial<Record<TableFraming, string>> = {
  multilabel:
    'Columns item, annotator and labels; a cell joins its labels with |, an empty cell is the empty set.',
  ranking:
    'Columns list, object, annotator and rank (one row per ranked object), or an object column and one column per annotator.',
  pairwise: 'Columns item_a, item_b, annotator and choice (a, b or tie; left, right; first, second).',
};

/** What the user sets for a file; the level and the order carry over to the next file, the rest follows its preview. */
export interface UploadSettings {
  readonly name: string;
  readonly level: Level;
  readonly order: string;
  readonly orderError: string | undefined;
  readonly layout: Layout;
  readonly columns: Readonly<Record<ColumnRole, string>>;
  readonly framing: TableFraming;
  readonly control: string;
}

export type FileStep =
  | { readonly step: 'idle' }
  | { readonly step: 'previewing'; readonly file: File }
  | { readonly step: 'unreadable'; readonly file: File; readonly message: string }
  | { readonly step: 'ready'; readonly file: File; readonly preview: SamplePreview };

export interface UploadJob {
  readonly id: number;
  readonly file: File;
  readonly fields: UploadFields;
}

export type UploadStep =
  | { readonly step: 'idle' }
  | { readonly step: 'uploading'; readonly job: UploadJob; readonly progress: UploadProgress | null };

/** How an upload ended; `done` carries the stored sample, the others the sentence the panel shows. */
export type UploadOutcome =
  | { readonly kind: 'done'; readonly sampleId: string }
  | { readonly kind: 'error' | 'cancelled'; readonly message: string };

export interface UploadState {
  readonly file: FileStep;
  readonly settings: UploadSettings;
  readonly upload: UploadStep;
  readonly queue: readonly UploadJob[];
  /** The last failed upload's sentence, until another file is chosen. */
  readonly error: string | null;
  /** The last cancelled upload's sentence, until another file is chosen. */
  readonly notice: string | null;
  /** Counts submitted files: the next job's id, and what clears the file input. */
  readonly submitted: number;
}

export type UploadAction =
  | { readonly type: 'choose'; readonly file: File }
  | { readonly type: 'previewed'; readonly file: File; readonly result: ReturnType<typeof previewSample> }
  | { readonly type: 'edit'; readonly settings: Partial<Omit<UploadSettings, 'orderError' | 'columns'>> }
  | { readonly type: 'column'; readonly role: ColumnRole; readonly column: string }
  | { readonly type: 'submit' }
  | { readonly type: 'progress'; readonly jobId: number; readonly progress: UploadProgress }
  | { readonly type: 'finished'; readonly jobId: number; readonly outcome: UploadOutcome };

export const initialUploadState: UploadState = {
  file: { step: 'idle' },
  settings: {
    name: '',
    level: 'nominal',
    order: '',
    orderError: undefined,
    layout: 'long',
    columns: { item: '', annotator: '', label: '' },
    framing: 'categorical',
    control: '',
  },
  upload: { step: 'idle' },
  queue: [],
  error: null,
  notice: null,
  submitted: 0,
};

const ORDER_TOO_SHORT = 'Category order: list at least two labels, lowest first, separated by commas.';

/** What the form asks and allows for a previewed file under the current settings. */
export interface UploadForm {
  /** CSV or TSV: the user confirms the layout and may pick a framing among all of them. */
  readonly delimited: boolean;
  /** The framings this file may declare; empty when its format decides (Label Studio, Prodigy). */
  readonly framingOptions: readonly { value: TableFraming; label: string }[];
  /** CSV/TSV: the framing its columns point to, pre-selected on preview, with why; null when none. */
  readonly framingSuggestion: FramingSuggestion | null;
  /** Sets, rankings and preferences find their own columns by name, in either layout. */
  readonly ownColumns: boolean;
  /** Which columns those are, in words. */
  readonly ownColumnsHint: string | undefined;
  /** The user maps item, annotator and label columns. */
  readonly mapsColumns: boolean;
  readonly needsMapping: boolean;
  readonly mappingError: string | undefined;
  readonly mappingComplete: boolean;
  /** A wide table's columns other than the item's. */
  readonly annotatorColumns: readonly string[];
  /** How the previewed label cells spell a missing label, in words; null when none or not a table. */
  readonly previewMissing: string | null;
}

/** A CSV/TSV preview's suggested framing (`suggestTableFraming`); JSON formats name their own. */
function suggestedFraming(preview: SamplePreview): FramingSuggestion | null {
  const delimited = preview.format === 'long' || preview.format === 'wide';
  return delimited ? suggestTableFraming(preview.header, preview.rows) : null;
}

export function describeUploadForm(preview: SamplePreview, settings: UploadSettings): UploadForm {
  const { columns, layout, framing } = settings;
  const delimited = preview.format === 'long' || preview.format === 'wide';
  const framingOptions = delimited
    ? FRAMING_OPTIONS
    : preview.format === 'jsonl'
      ? FRAMING_OPTIONS.filter((option) => JSONL_FRAMINGS.includes(option.value))
      : [];
  const ownColumnsHint = delimited ? OWN_COLUMNS[framing] : undefined;
  const framingSuggestion = suggestedFraming(preview);
  const ownColumns = ownColumnsHint !== undefined;
  const mapsColumns = !ownColumns && (preview.format === 'jsonl' || (delimited && layout === 'long'));
  const chosen = mapsColumns ? [columns.item, columns.annotator, columns.label] : [columns.item];
  const needsMapping = mapsColumns && chosen.some((column) => column === '');
  const mappingError =
    mapsColumns && !needsMapping && new Set(chosen).size < chosen.length
      ? 'Columns: the item, annotator and label must be three different columns.'
      : undefined;
  const mappingComplete =
    ownColumns || (!needsMapping && mappingError === undefined && (!delimited || columns.item !== ''));
  const annotatorColumns = preview.header.filter((h) => h !== columns.item);
  // CSV/TSV only (in JSON, "NA" is a label): the label cells of the previewed rows, read as the upload will be.
  const labelColumns = new Set(delimited ? (layout === 'wide' ? annotatorColumns : [columns.label]) : []);
  const previewMissing =
    labelColumns.size === 0
      ? null
      : describeMissingSpellings(
          countMissingSpellings(
            preview.rows.flatMap((row) => row.filter((_, c) => labelColumns.has(preview.header[c] ?? ''))),
          ),
          'future',
        );
  return {
    delimited,
    framingOptions,
    framingSuggestion,
    ownColumns,
    ownColumnsHint,
    mapsColumns,
    needsMapping,
    mappingError,
    mappingComplete,
    annotatorColumns,
    previewMissing,
  };
}

/** The declared category order: labels separated by commas or lines, blanks dropped. */
function declaredOrder(order: string): string[] {
  return order
    .split(/[,\n]/)
    .map((label) => label.trim())
    .filter((label) => label !== '');
}

/** The form fields sent with a file, from the settings the user confirmed on its preview. */
function uploadFields(preview: SamplePreview, settings: UploadSettings, declared: string[]): UploadFields {
  const { columns, framing, control } = settings;
  const form = describeUploadForm(preview, settings);
  const mapping = form.ownColumns
    ? null
    : form.mapsColumns
      ? Object.fromEntries(Object.entries(columns).filter(([, column]) => column !== ''))
      : form.delimited && columns.item !== ''
        ? { item: columns.item }
        : null;
  return {
    name: settings.name,
    level: settings.level,
    order: declared.length > 0 ? declared : null,
    columns: mapping,
    // The layout the user confirmed, so the server reads the file the way the preview showed it.
    format: form.delimited && !form.ownColumns ? settings.layout : 'auto',
    framing: form.framingOptions.length > 0 ? framing : null,
    control: (preview.controls?.length ?? 0) > 1 && control !== '' ? control : null,
  };
}

function submit(state: UploadState): UploadState {
  const { file, settings } = state;
  if (file.step !== 'ready' || isOverLimit(settings.name, SAMPLE_NAME_MAX_LENGTH)) return state;
  const declared = declaredOrder(settings.order);
  if (declared.length === 1) return { ...state, settings: { ...settings, orderError: ORDER_TOO_SHORT } };
  const job: UploadJob = {
    id: state.submitted + 1,
    file: file.file,
    fields: uploadFields(file.preview, settings, declared),
  };
  const started = state.upload.step === 'idle';
  return {
    ...state,
    file: { step: 'idle' },
    settings: { ...settings, name: '', orderError: undefined },
    upload: started ? { step: 'uploading', job, progress: null } : state.upload,
    queue: started ? state.queue : [...state.queue, job],
    submitted: job.id,
  };
}

/** The file being prepared, if the action is about it: a slower preview of an earlier pick is dropped. */
function isCurrentFile(state: UploadState, file: File): boolean {
  return state.file.step !== 'idle' && state.file.file === file;
}

export function uploadReducer(state: UploadState, action: UploadAction): UploadState {
  switch (action.type) {
    case 'choose':
      return {
        ...state,
        file: { step: 'previewing', file: action.file },
        settings: { ...state.settings, name: action.file.name.replace(/\.[^.]+$/, '') },
        error: null,
        notice: null,
      };
    case 'previewed': {
      if (!isCurrentFile(state, action.file)) return state;
      const { result, file } = action;
      if (!result.ok) {
        return { ...state, file: { step: 'unreadable', file, message: describeSampleIssue(result.error) } };
      }
      const preview = result.value;
      return {
        ...state,
        file: { step: 'ready', file, preview },
        settings: {
          ...state.settings,
          control: preview.controls?.[0]?.name ?? '',
          // Pre-selected from the columns when they name a framing; the user may pick another.
          framing: suggestedFraming(preview)?.framing ?? 'categorical',
          layout: preview.format === 'wide' ? 'wide' : 'long',
          columns: {
            item: preview.columns.item ?? '',
            annotator: preview.columns.annotator ?? '',
            label: preview.columns.label ?? '',
          },
        },
      };
    }
    case 'edit':
      return { ...state, settings: { ...state.settings, ...action.settings } };
    case 'column':
      return {
        ...state,
        settings: { ...state.settings, columns: { ...state.settings.columns, [action.role]: action.column } },
      };
    case 'submit':
      return submit(state);
    case 'progress':
      if (state.upload.step !== 'uploading' || state.upload.job.id !== action.jobId) return state;
      return { ...state, upload: { ...state.upload, progress: action.progress } };
    case 'finished': {
      if (state.upload.step !== 'uploading' || state.upload.job.id !== action.jobId) return state;
      const { outcome } = action;
      const [next, ...rest] = state.queue;
      return {
        ...state,
        upload: next === undefined ? { step: 'idle' } : { step: 'uploading', job: next, progress: null },
        queue: rest,
        error: outcome.kind === 'error' ? outcome.message : state.error,
        notice: outcome.kind === 'cancelled' ? outcome.message : state.notice,
      };
    }
  }
}
