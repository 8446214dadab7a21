import type { Framing } from '@raisin/core/agreement';
import { formatDateTime } from '@raisin/core/format';
import './agreement.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, DataTable, EmptyState, ErrorMessage, Spinner, TextField } from '../../components';
import { Dialog, DialogCancel } from '../../components/dialog';
import { describeApiError } from '../../lib/api-error';
import { isOverLimit } from '../../lib/text-limit';
import { trpc } from '../../lib/trpc';
import { DEMO_SAMPLE_URL } from '../demo/demo-links';
import { BatchMarks, ThresholdField } from './batch-marks';
import { formatInterval, formatNumber } from './format';
import { SampleResults } from './results';
import { SAMPLE_NAME_MAX_LENGTH } from './sample-name';
import { TrendChart } from './trend-chart';
import type { AgreementSample } from './types';
import { UploadPanel } from './upload-panel';

const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
type Level = (typeof LEVELS)[number];

function RenameSample({ projectId, sample }: { projectId: string; sample: AgreementSample }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(sample.name);
  const rename = useMutation(
    trpc.agreement.rename.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.agreement.pathKey() });
        setOpen(false);
      },
    }),
  );
  const trimmed = name.trim();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setName(sample.name);
      }}
      title={`Rename ${sample.name}`}
      trigger={<Button aria-label={`Rename ${sample.name}`}>Rename</Button>}
    >
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed === '' || isOverLimit(trimmed, SAMPLE_NAME_MAX_LENGTH)) return;
          rename.mutate({ projectId, sampleId: sample.id, version: sample.version, name: trimmed });
        }}
      >
        <TextField
          label="Sample name"
          value={name}
          limit={SAMPLE_NAME_MAX_LENGTH}
          error={trimmed === '' ? 'Sample name: enter a name.' : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {rename.isError && <ErrorMessage>{describeApiError(rename.error)}</ErrorMessage>}
        <div className="actions">
          <DialogCancel />
          <Button type="submit" variant="primary" busy={rename.isPending} disabled={trimmed === ''}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The labels of a category order typed as a comma (or line) separated list. */
function parseOrder(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((label) => label.trim())
    .filter((label) => label !== '');
}

function SampleActions({
  projectId,
  sample,
  categories,
  framing,
  onDeleted,
}: {
  projectId: string;
  sample: AgreementSample;
  /** The sample's labels, listed beside the order field so the user can put them in order. */
  categories: readonly string[];
  /** The framing the sample was scored under: re-scoring keeps it. */
  framing: Framing;
  onDeleted: () => void;
}) {
  // Re-scoring keeps the framing (the server refuses the rest, naming why): a level and an order for one
  // label per item; a level for numbers, already ordered by their values; nothing to change for pairwise
  // answers (nominal only) or structured annotations (no level applies).
  const canRescore = framing === 'categorical' || framing === 'continuous';
  const canOrder = framing === 'categorical';
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.agreement.pathKey() });
  const setReference = useMutation(trpc.agreement.setReference.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(
    trpc.agreement.delete.mutationOptions({
      onSuccess: async () => {
        onDeleted();
        await invalidate();
      },
    }),
  );
  const rescore = useMutation(trpc.agreement.rescore.mutationOptions({ onSuccess: invalidate }));
  const [level, setLevel] = useState<Level>(sample.level);
  const storedOrder = sample.categoryOrder?.join(', ') ?? '';
  const [order, setOrder] = useState(storedOrder);
  const declared = parseOrder(order);
  const orderError =
    canOrder && level === 'ordinal' && declared.length === 1
      ? 'Category order: list at least two labels, lowest first, separated by commas.'
      : undefined;
  // Text labels need a declared order at the ordinal level; without one the server says so.
  const nextOrder = canOrder && level === 'ordinal' && declared.length > 0 ? declared : null;
  const unchanged =
    level === sample.level &&
    (nextOrder?.join('\u0000') ?? null) === (sample.categoryOrder?.join('\u0000') ?? null);
  const [confirming, setConfirming] = useState(false);
  const error = setReference.error ?? remove.error ?? rescore.error;
  return (
    <div className="stack">
      <div className="toolbar">
        <RenameSample projectId={projectId} sample={sample} />
        {!sample.isReference && (
          <Button
            busy={setReference.isPending}
            onClick={() => setReference.mutate({ projectId, sampleId: sample.id })}
          >
            Mark as reference
          </Button>
        )}
        {canRescore && (
          <>
            <div className="field">
              <label className="field__label" htmlFor="agreement-rescore-level">
                Re-score at level
              </label>
              <select
                id="agreement-rescore-level"
                className="field__control"
                value={level}
                onChange={(event) => {
                  const next = LEVELS.find((candidate) => candidate === event.target.value);
                  if (next) setLevel(next);
                }}
              >
                {LEVELS.map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </div>
            {canOrder && level === 'ordinal' && (
              <TextField
                label="Category order for re-scoring"
                hint={`Lowest first, separated by commas. Labels in this sample: ${categories.join(', ')}. Leave empty for numeric labels.`}
                value={order}
                error={orderError}
                onChange={(event) => setOrder(event.target.value)}
              />
            )}
            <Button
              busy={rescore.isPending}
              disabled={unchanged || orderError !== undefined}
              onClick={() =>
                rescore.mutate({
                  projectId,
                  sampleId: sample.id,
                  version: sample.version,
                  level,
                  order: nextOrder,
                })
              }
            >
              Re-score
            </Button>
          </>
        )}
        <Dialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Delete ${sample.name}?`}
          description={
            sample.isReference
              ? "The sample, its labels and its results are removed for everyone in the workspace. It is the project's reference: the newest remaining sample becomes the reference, and the Tradeoff tab and the report use its ceiling."
              : 'The sample, its labels and its results are removed for everyone in the workspace.'
          }
          trigger={<Button variant="danger">Delete</Button>}
        >
          <div className="actions">
            <DialogCancel />
            <Button
              variant="danger"
              busy={remove.isPending}
              onClick={() =>
                remove.mutate({ projectId, sampleId: sample.id }, { onSettled: () => setConfirming(false) })
              }
            >
              Delete sample
            </Button>
          </div>
        </Dialog>
      </div>
      {error && <ErrorMessage>{describeApiError(error)}</ErrorMessage>}
    </div>
  );
}

function SampleList({
  samples,
  selectedId,
  onSelect,
  threshold,
}: {
  samples: readonly AgreementSample[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  threshold: number | null;
}) {
  return (
    <DataTable
      label="Samples"
      className="agreement-samples"
      caption="Samples of this project, oldest first"
      columns={['Sample', 'Uploaded', { label: 'Items', numeric: true }, 'α', 'Ceiling', 'Reference']}
    >
      {samples.map((s) => (
        <tr key={s.id} aria-current={s.id === selectedId ? 'true' : undefined}>
          <th scope="row">
            <Button variant="ghost" onClick={() => onSelect(s.id)} aria-pressed={s.id === selectedId}>
              {s.name}
            </Button>
            <BatchMarks sample={s} threshold={threshold} />
          </th>
          <td>{formatDateTime(s.createdAt)}</td>
          <td className="numeric">{s.items.toLocaleString('en')}</td>
          <td className="nowrap tabular">
            {/* Structured samples have no α of one label per item: their headline is the ceiling. */}
            {s.alpha === null ? (
              '—'
            ) : (
              <>
                {formatNumber(s.alpha)} <span className="muted">({s.level})</span>
              </>
            )}
          </td>
          <td className="nowrap tabular">
            {formatNumber(s.ceiling)} <span className="muted">{formatInterval(s.ceilingCi, 2)}</span>
          </td>
          <td>{s.isReference ? <span className="badge">Reference</span> : ''}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function SelectedSample({
  projectId,
  sampleId,
  canEdit,
  onDeleted,
}: {
  projectId: string;
  sampleId: string;
  canEdit: boolean;
  onDeleted: () => void;
}) {
  const sample = useQuery(trpc.agreement.get.queryOptions({ projectId, sampleId }));
  // The worksheet's framing answer (C.framing), compared with the sample's; no answer, no comparison.
  const worksheet = useQuery(trpc.worksheet.get.queryOptions({ projectId }));
  const framingAnswer = worksheet.data?.answers.find((a) => a.questionId === 'C.framing')?.value;
  const worksheetFraming = framingAnswer?.kind === 'single' ? framingAnswer.value : null;
  if (sample.isPending) return <Spinner label="Loading the sample's results…" />;
  if (sample.isError) return <ErrorMessage>{describeApiError(sample.error)}</ErrorMessage>;
  const { report, ...summary } = sample.data;
  return (
    <div className="stack">
      {canEdit && (
        <SampleActions
          key={`${summary.id}:${summary.version}`}
          projectId={projectId}
          sample={summary}
          categories={report.categories}
          framing={report.framing ?? 'categorical'}
          onDeleted={onDeleted}
        />
      )}
      <SampleResults
        key={summary.id}
        report={report}
        sampleName={summary.name}
        worksheetFraming={worksheetFraming}
      />
    </div>
  );
}

/** The Agreement tab: upload labeled samples, read their agreement and ceiling, follow the trend. */
export function AgreementTab({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const [params, setParams] = useSearchParams();
  const samples = useQuery(trpc.agreement.list.queryOptions({ projectId }));
  const project = useQuery(trpc.projects.get.queryOptions({ projectId }));
  const threshold = project.data?.agreementThreshold ?? null;
  const [thresholdSavedAt, setThresholdSavedAt] = useState<Date | null>(null);
  const select = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id === null) next.delete('sample');
        else next.set('sample', id);
        return next;
      },
      { replace: true },
    );

  if (samples.isPending) return <Spinner label="Loading samples…" />;
  if (samples.isError) return <ErrorMessage>{describeApiError(samples.error)}</ErrorMessage>;
  const list = samples.data;
  const requested = params.get('sample');
  const selected = list.find((s) => s.id === requested) ?? list.at(-1);

  return (
    <div className="stack agreement-tab">
      <h2>Agreement</h2>
      {canEdit && <UploadPanel projectId={projectId} onUploaded={(id) => select(id)} />}
      {list.length === 0 ? (
        <EmptyState title="No labeled sample yet" headingLevel={3}>
          {canEdit ? (
            <>
              <p>
                Upload a labeled sample to measure the human ceiling: the same items, labeled independently by
                several annotators, show how much they agree and the ceiling a model can be measured against.
              </p>
              <p>
                No sample at hand? Try{' '}
                <a href={DEMO_SAMPLE_URL} download>
                  medicines-titles.csv
                </a>
                : 300 product titles labeled medicine / not medicine by 3 annotators.
              </p>
            </>
          ) : (
            'No sample has been uploaded yet. An editor can upload one to measure annotator agreement.'
          )}
        </EmptyState>
      ) : (
        <>
          <SampleList samples={list} selectedId={selected?.id} onSelect={select} threshold={threshold} />
          {list.length >= 2 && <TrendChart samples={list} threshold={threshold} />}
          {project.data && (
            <ThresholdField
              key={`${project.data.version}`}
              projectId={projectId}
              threshold={threshold}
              version={project.data.version}
              canEdit={canEdit}
              savedAt={thresholdSavedAt}
              onSaved={setThresholdSavedAt}
            />
          )}
          {selected && (
            <SelectedSample
              key={selected.id}
              projectId={projectId}
              sampleId={selected.id}
              canEdit={canEdit}
              onDeleted={() => select(null)}
            />
          )}
        </>
      )}
    </div>
  );
}
