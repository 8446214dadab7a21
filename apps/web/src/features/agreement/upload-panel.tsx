import {
  type ColumnRole,
  countMissingSpellings,
  describeMissingSpellings,
  describeSampleIssue,
  previewSample,
  type SamplePreview,
} from '@raisin/core/agreement';
import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useId, useRef, useState } from 'react';
import { Button, ErrorMessage, ScrollBox, TextField } from '../../components';
import { isOverLimit } from '../../lib/text-limit';
import { trpc } from '../../lib/trpc';
import { describeFraming } from './format';
import { describeUploadProgress } from './progress';
import { SAMPLE_NAME_MAX_LENGTH } from './sample-name';
import { type TableFraming, type UploadFields, type UploadProgress, uploadSample } from './upload';

const PREVIEW_BYTES = 1024 * 1024;
/** A delimited file is either one row per label (long) or one column per annotator (wide). */
type Layout = 'long' | 'wide';
const LAYOUT_OPTIONS: readonly { value: Layout; label: string }[] = [
  { value: 'long', label: 'Long: one row per label (item, annotator, label columns)' },
  { value: 'wide', label: 'Wide: an item column and one column per annotator' },
];
/** A table's framing (the CLI's --framing); the ones that read their own columns skip the mapping. */
const FRAMING_OPTIONS: readonly { value: TableFraming; label: string }[] = [
  { value: 'categorical', label: 'One label per item' },
  { value: 'multilabel', label: 'Sets of labels: item, annotator, labels joined by |' },
  { value: 'ranking', label: 'Rankings: list, object, annotator, rank (or objects × annotators)' },
  { value: 'pairwise', label: 'Pairwise preferences: item_a, item_b, annotator, choice' },
  { value: 'continuous', label: 'Numbers (ICC)' },
];
/** JSON Lines records hold one label per item: a number, or a category. */
const JSONL_FRAMINGS: readonly TableFraming[] = ['categorical', 'continuous'];
const OWN_COLUMNS: readonly TableFraming[] = ['multilabel', 'ranking', 'pairwise'];
const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
type Level = (typeof LEVELS)[number];
const ROLE_LABELS: Record<ColumnRole, string> = {
  item: 'Item column',
  annotator: 'Annotator column',
  label: 'Label column',
};

interface Pending {
  file: File;
  fields: UploadFields;
}

function NativeSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__control"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

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

/** Pick or drop a file, check its columns on a local preview, then upload it; later files wait their turn. */
export function UploadPanel({
  projectId,
  onUploaded,
}: {
  projectId: string;
  onUploaded: (sampleId: string) => void;
}) {
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<SamplePreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [columns, setColumns] = useState<Record<ColumnRole, string>>({ item: '', annotator: '', label: '' });
  const [layout, setLayout] = useState<Layout>('long');
  const [name, setName] = useState('');
  const [level, setLevel] = useState<Level>('nominal');
  const [order, setOrder] = useState('');
  const [control, setControl] = useState('');
  const [framing, setFraming] = useState<TableFraming>('categorical');
  const [orderError, setOrderError] = useState<string | undefined>(undefined);
  const [queue, setQueue] = useState<Pending[]>([]);
  const [running, setRunning] = useState<Pending | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cancelRef = useRef<AbortController | null>(null);
  const [dragging, setDragging] = useState(false);

  const delimited = preview !== null && (preview.format === 'long' || preview.format === 'wide');
  const framingOptions = delimited
    ? FRAMING_OPTIONS
    : preview?.format === 'jsonl'
      ? FRAMING_OPTIONS.filter((option) => JSONL_FRAMINGS.includes(option.value))
      : [];
  // Sets, rankings and preferences find their own columns by name, in either layout.
  const ownColumns = delimited && OWN_COLUMNS.includes(framing);
  const mapsColumns =
    preview !== null && !ownColumns && (preview.format === 'jsonl' || (delimited && layout === 'long'));
  const chosen = mapsColumns ? [columns.item, columns.annotator, columns.label] : [columns.item];
  const needsMapping = mapsColumns && chosen.some((column) => column === '');
  const mappingError =
    mapsColumns && !needsMapping && new Set(chosen).size < chosen.length
      ? 'Columns: the item, annotator and label must be three different columns.'
      : undefined;
  const mappingComplete =
    ownColumns || (!needsMapping && mappingError === undefined && (!delimited || columns.item !== ''));
  const annotatorColumns = (preview?.header ?? []).filter((h) => h !== columns.item);
  // CSV/TSV only (in JSON, "NA" is a label): the label cells of the previewed rows, read as the upload will be.
  const labelColumns = new Set(delimited ? (layout === 'wide' ? annotatorColumns : [columns.label]) : []);
  const previewMissing =
    preview === null || labelColumns.size === 0
      ? null
      : describeMissingSpellings(
          countMissingSpellings(
            preview.rows.flatMap((row) => row.filter((_, c) => labelColumns.has(preview.header[c] ?? ''))),
          ),
          'future',
        );

  async function choose(next: File) {
    setFile(next);
    setError(null);
    setNotice(null);
    setPreviewError(null);
    setName(next.name.replace(/\.[^.]+$/, ''));
    // One byte past the window tells the preview that the file goes on (its last row may be cut off).
    const bytes = new Uint8Array(await next.slice(0, PREVIEW_BYTES + 1).arrayBuffer());
    const result = previewSample(bytes);
    if (!result.ok) {
      setPreview(null);
      setPreviewError(describeSampleIssue(result.error));
      return;
    }
    setPreview(result.value);
    setControl(result.value.controls?.[0]?.name ?? '');
    setFraming('categorical');
    setLayout(result.value.format === 'wide' ? 'wide' : 'long');
    setColumns({
      item: result.value.columns.item ?? '',
      annotator: result.value.columns.annotator ?? '',
      label: result.value.columns.label ?? '',
    });
  }

  async function run(first: Pending) {
    let current: Pending | undefined = first;
    while (current) {
      setRunning(current);
      setProgress(null);
      const controller = new AbortController();
      cancelRef.current = controller;
      const listQuery = trpc.agreement.list.queryOptions({ projectId });
      const listedBefore = await queryClient.ensureQueryData(listQuery).catch(() => null);
      const storedBefore = new Set((listedBefore ?? []).map((sample) => sample.id));
      const outcome = await uploadSample(
        projectId,
        current.file,
        current.fields,
        setProgress,
        controller.signal,
      );
      cancelRef.current = null;
      await queryClient.invalidateQueries({ queryKey: listQuery.queryKey });
      if (outcome.ok) onUploaded(outcome.sampleId);
      else if (outcome.cancelled) {
        // A cancel can cross the server's answer: the list, not the cancel, says whether it was stored.
        const storedNow = await queryClient.fetchQuery(listQuery).catch(() => null);
        const storedAnyway =
          listedBefore === null ? undefined : storedNow?.find((sample) => !storedBefore.has(sample.id));
        setNotice(
          storedAnyway === undefined
            ? `${current.file.name}: upload cancelled; nothing was stored.`
            : `${current.file.name}: the cancel arrived after the sample was stored; it is in the list as “${storedAnyway.name}”.`,
        );
      } else setError(`${current.file.name}: ${outcome.message}`);
      current = await new Promise<Pending | undefined>((resolve) =>
        setQueue((waiting) => {
          resolve(waiting[0]);
          return waiting.slice(1);
        }),
      );
    }
    setRunning(null);
    setProgress(null);
  }

  function submit() {
    if (!file || isOverLimit(name, SAMPLE_NAME_MAX_LENGTH)) return;
    const declared = order
      .split(/[,\n]/)
      .map((label) => label.trim())
      .filter((label) => label !== '');
    if (declared.length === 1) {
      setOrderError('Category order: list at least two labels, lowest first, separated by commas.');
      return;
    }
    setOrderError(undefined);
    const mapping = ownColumns
      ? null
      : mapsColumns
        ? Object.fromEntries(Object.entries(columns).filter(([, column]) => column !== ''))
        : delimited && columns.item !== ''
          ? { item: columns.item }
          : null;
    const pending: Pending = {
      file,
      fields: {
        name,
        level,
        order: declared.length > 0 ? declared : null,
        columns: mapping,
        // The layout the user confirmed, so the server reads the file the way the preview showed it.
        format: delimited && !ownColumns ? layout : 'auto',
        framing: framingOptions.length > 0 ? framing : null,
        control: (preview?.controls?.length ?? 0) > 1 && control !== '' ? control : null,
      },
    };
    setFile(null);
    setPreview(null);
    setName('');
    if (inputRef.current) inputRef.current.value = '';
    if (running) setQueue((waiting) => [...waiting, pending]);
    else void run(pending);
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) void choose(dropped);
  }

  const headerOptions = [
    { value: '', label: '— choose a column —' },
    ...(preview?.header ?? []).map((h) => ({ value: h, label: h })),
  ];

  return (
    <section className="panel agreement-upload" aria-labelledby="agreement-upload-title">
      <h3 id="agreement-upload-title">Upload a labeled sample</h3>
      <section
        className={`dropzone${dragging ? ' dropzone--active' : ''}`}
        aria-label="Drop zone: drop a file here to upload it"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <div className="field">
          <label className="field__label" htmlFor="agreement-file">
            Sample file
          </label>
          <input
            ref={inputRef}
            id="agreement-file"
            type="file"
            accept=".csv,.tsv,.txt,.json,.jsonl,.ndjson,text/csv,application/json"
            onChange={(event) => {
              const picked = event.target.files?.[0];
              if (picked) void choose(picked);
            }}
          />
          <p className="field__hint">
            Drop a file here or pick one: CSV or TSV (long: item, annotator, label; or wide: one column per
            annotator), JSON Lines, a Label Studio export or a Prodigy export.
          </p>
        </div>
      </section>

      {previewError && <ErrorMessage>{`This file cannot be read: ${previewError}`}</ErrorMessage>}

      {file && preview && (
        <div className="stack">
          <p className="muted">
            Detected format: <strong>{delimited ? layout : preview.format}</strong>
            {delimited && layout === 'wide' ? ` with annotators ${annotatorColumns.join(', ')}` : ''}.
          </p>
          {preview.ragged && (
            <p className="notice" role="alert">
              {`This file cannot be scored as it is: ${preview.ragged.message} Fix that line and choose the file again.`}
            </p>
          )}
          {previewMissing !== null && (
            <p className="notice" role="status">
              In the first {preview.rows.length === 1 ? 'row' : `${preview.rows.length} rows`},{' '}
              {previewMissing}
            </p>
          )}
          {framingOptions.length > 0 && (
            <NativeSelect
              label="What each annotation is (framing)"
              value={framing}
              options={framingOptions}
              onChange={(value) => {
                const next = framingOptions.find((option) => option.value === value);
                if (next) setFraming(next.value);
              }}
            />
          )}
          {ownColumns && (
            <p className="muted">
              {framing === 'multilabel'
                ? 'Columns item, annotator and labels; a cell joins its labels with |, an empty cell is the empty set.'
                : framing === 'ranking'
                  ? 'Columns list, object, annotator and rank (one row per ranked object), or an object column and one column per annotator.'
                  : 'Columns item_a, item_b, annotator and choice (a, b or tie; left, right; first, second).'}{' '}
              Errors name the line and the column.
            </p>
          )}
          {delimited && !ownColumns && (
            <NativeSelect
              label="Layout"
              value={layout}
              options={LAYOUT_OPTIONS}
              onChange={(value) => setLayout(value === 'wide' ? 'wide' : 'long')}
            />
          )}
          {needsMapping && (
            <p className="notice" role="status">
              Some columns were not recognised. Choose which column holds the item, the annotator and the
              label.
            </p>
          )}
          {delimited && !ownColumns && layout === 'wide' && (
            <NativeSelect
              label="Item column"
              value={columns.item}
              options={headerOptions}
              onChange={(value) => setColumns((current) => ({ ...current, item: value }))}
            />
          )}
          {mapsColumns && (
            <fieldset className="column-mapping">
              <legend>Columns</legend>
              {(['item', 'annotator', 'label'] as const).map((role) => (
                <NativeSelect
                  key={role}
                  label={ROLE_LABELS[role]}
                  value={columns[role]}
                  options={headerOptions}
                  onChange={(value) => setColumns((current) => ({ ...current, [role]: value }))}
                />
              ))}
              {mappingError && <ErrorMessage>{mappingError}</ErrorMessage>}
            </fieldset>
          )}
          {preview.controls && preview.controls.length > 1 && (
            <>
              <NativeSelect
                label="Question to lead with (Label Studio control)"
                value={control}
                options={preview.controls.map((c) => ({
                  value: c.name,
                  label: `${c.name} (${describeFraming(c.framing)})`,
                }))}
                onChange={setControl}
              />
              <p className="muted">
                This export holds {preview.controls.length} questions. Each is scored under its own framing
                and stored with the sample; this one is its headline (the trend, the Tradeoff tab and the
                report read its ceiling), and the results switch between them.
              </p>
            </>
          )}
          <ScrollBox label="Preview of the file">
            <table className="table">
              <caption>First rows of {file.name}</caption>
              <thead>
                <tr>
                  {(preview.format === 'labelstudio' || preview.format === 'prodigy'
                    ? ['item', 'annotator', 'label']
                    : preview.header
                  ).map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, 5).map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no id of their own.
                  <tr key={r}>
                    {row.map((cell, c) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                      <td key={c}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <TextField
            label="Sample name"
            value={name}
            limit={SAMPLE_NAME_MAX_LENGTH}
            onChange={(event) => setName(event.target.value)}
          />
          <NativeSelect
            label="Level of measurement"
            value={level}
            options={LEVELS.map((value) => ({ value, label: value }))}
            onChange={(value) => {
              const next = LEVELS.find((candidate) => candidate === value);
              if (next) setLevel(next);
            }}
          />
          {level === 'ordinal' && (
            <TextField
              label="Category order (ordinal labels)"
              hint="Lowest first, separated by commas, e.g. bad, ok, good. Leave empty for numeric labels."
              value={order}
              error={orderError}
              onChange={(event) => setOrder(event.target.value)}
            />
          )}
          <div className="actions">
            <Button
              variant="primary"
              onClick={submit}
              disabled={!mappingComplete || preview.ragged !== undefined}
            >
              {running ? 'Queue upload' : 'Upload and score'}
            </Button>
          </div>
        </div>
      )}

      {running && (
        <div className="stack">
          <UploadProgressBar
            fileName={running.file.name}
            progress={progress}
            onCancel={() => cancelRef.current?.abort()}
          />
          {queue.length > 0 && <p className="muted">{queue.length} more waiting.</p>}
        </div>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </section>
  );
}
