import { describeFraming, type SamplePreview } from '@raisin/core/agreement';
import { Button, DataTable, ErrorMessage, NativeSelectField, TextField } from '../../components';
import { SAMPLE_NAME_MAX_LENGTH } from './sample-name';
import { describeUploadForm, LEVELS, type UploadAction, type UploadSettings } from './upload-machine';

const LAYOUT_OPTIONS = [
  { value: 'long', label: 'Long: one row per label (item, annotator, label columns)' },
  { value: 'wide', label: 'Wide: an item column and one column per annotator' },
] as const;
const ROLES = [
  { role: 'item', label: 'Item column' },
  { role: 'annotator', label: 'Annotator column' },
  { role: 'label', label: 'Label column' },
] as const;
const LEVEL_OPTIONS = LEVELS.map((value) => ({ value, label: value }));
/** The first rows of the file as the upload will read them. */
function PreviewTable({ fileName, preview }: { fileName: string; preview: SamplePreview }) {
  const header =
    preview.format === 'labelstudio' || preview.format === 'prodigy'
      ? ['item', 'annotator', 'label']
      : preview.header;
  return (
    <DataTable label="Preview of the file" caption={`First rows of ${fileName}`} columns={header}>
      {preview.rows.slice(0, 5).map((row, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no id of their own.
        <tr key={r}>
          {row.map((cell, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
            <td key={c}>{cell}</td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

/** A previewed file's format, framing, columns, name and level, and the button that sends (or queues) it. */
export function UploadForm({
  fileName,
  preview,
  settings,
  queued,
  dispatch,
}: {
  fileName: string;
  preview: SamplePreview;
  settings: UploadSettings;
  /** Another file is uploading: this one waits its turn. */
  queued: boolean;
  dispatch: (action: UploadAction) => void;
}) {
  const { layout, framing, columns } = settings;
  const form = describeUploadForm(preview, settings);
  const { delimited, ownColumns, framingOptions } = form;
  const edit = (change: Extract<UploadAction, { type: 'edit' }>['settings']) =>
    dispatch({ type: 'edit', settings: change });
  const headerOptions = [
    { value: '', label: '— choose a column —' },
    ...preview.header.map((h) => ({ value: h, label: h })),
  ];
  return (
    <div className="stack">
      <p className="muted">
        Detected format: <strong>{delimited ? layout : preview.format}</strong>
        {delimited && layout === 'wide' ? ` with annotators ${form.annotatorColumns.join(', ')}` : ''}.
      </p>
      {preview.ragged && (
        <p className="notice" role="alert">
          {`This file cannot be scored as it is: ${preview.ragged.message} Fix that line and choose the file again.`}
        </p>
      )}
      {form.previewMissing !== null && (
        <p className="notice" role="status">
          In the first {preview.rows.length === 1 ? 'row' : `${preview.rows.length} rows`},{' '}
          {form.previewMissing}
        </p>
      )}
      {framingOptions.length > 0 && (
        <NativeSelectField
          label="What each annotation is (framing)"
          value={framing}
          options={framingOptions}
          hint={
            form.framingSuggestion
              ? `${framing === form.framingSuggestion.framing ? 'Chosen from the file' : 'The file suggests another'}: ${form.framingSuggestion.reason}`
              : undefined
          }
          onValueChange={(next) => edit({ framing: next })}
        />
      )}
      {form.ownColumnsHint && (
        <p className="muted">{form.ownColumnsHint} Errors name the line and the column.</p>
      )}
      {delimited && !ownColumns && (
        <NativeSelectField
          label="Layout"
          value={layout}
          options={LAYOUT_OPTIONS}
          onValueChange={(next) => edit({ layout: next })}
        />
      )}
      {form.needsMapping && (
        <p className="notice" role="status">
          Some columns were not recognised. Choose which column holds the item, the annotator and the label.
        </p>
      )}
      {delimited && !ownColumns && layout === 'wide' && (
        <NativeSelectField
          label="Item column"
          value={columns.item}
          options={headerOptions}
          onValueChange={(column) => dispatch({ type: 'column', role: 'item', column })}
        />
      )}
      {form.mapsColumns && (
        <fieldset className="column-mapping">
          <legend>Columns</legend>
          {ROLES.map(({ role, label }) => (
            <NativeSelectField
              key={role}
              label={label}
              value={columns[role]}
              options={headerOptions}
              onValueChange={(column) => dispatch({ type: 'column', role, column })}
            />
          ))}
          {form.mappingError && <ErrorMessage>{form.mappingError}</ErrorMessage>}
        </fieldset>
      )}
      {preview.controls && preview.controls.length > 1 && (
        <>
          <NativeSelectField
            label="Question to lead with (Label Studio control)"
            value={settings.control}
            options={preview.controls.map((c) => ({
              value: c.name,
              label: `${c.name} (${describeFraming(c.framing)})`,
            }))}
            onValueChange={(control) => edit({ control })}
          />
          <p className="muted">
            This export holds {preview.controls.length} questions. Each is scored under its own framing and
            stored with the sample; this one is its headline (the trend, the Tradeoff tab and the report read
            its ceiling), and the results switch between them.
          </p>
        </>
      )}
      <PreviewTable fileName={fileName} preview={preview} />
      <TextField
        label="Sample name"
        value={settings.name}
        limit={SAMPLE_NAME_MAX_LENGTH}
        onChange={(event) => edit({ name: event.target.value })}
      />
      <NativeSelectField
        label="Level of measurement"
        value={settings.level}
        options={LEVEL_OPTIONS}
        onValueChange={(level) => edit({ level })}
      />
      {settings.level === 'ordinal' && (
        <TextField
          label="Category order (ordinal labels)"
          hint="Lowest first, separated by commas, e.g. bad, ok, good. Leave empty for numeric labels."
          value={settings.order}
          error={settings.orderError}
          onChange={(event) => edit({ order: event.target.value })}
        />
      )}
      <div className="actions">
        <Button
          variant="primary"
          onClick={() => dispatch({ type: 'submit' })}
          disabled={!form.mappingComplete || preview.ragged !== undefined}
        >
          {queued ? 'Queue upload' : 'Upload and score'}
        </Button>
      </div>
    </div>
  );
}
