import { type AgreementReport, describeMissingSpellings, framingMismatch } from '@raisin/core/agreement';
import { type ReactNode, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Button, DataTable, ScrollBox } from '../../components';
import { Coefficients } from './coefficients';
import { DisagreementToolbar, useDisagreementSearch } from './disagreement-toolbar';
import { disagreementsToCsv, filterDisagreements, formatInterval, formatNumber, pairGrid } from './format';
import { FramingTable } from './framing-table';
import { Headline } from './headline';
import { heatmapCellStyle } from './heatmap-color';
import { QuestionSwitch } from './question-switch';
import { describePairwiseAnswer } from './unit-disagreement-format';
import { UnitDisagreementList } from './unit-disagreements';

/**
 * The report as stored: with `source` for samples uploaded since how the file was read is kept, and
 * every question's report (`controls`) for an export holding several, `source.control` the headline's.
 */
export type StoredReport = AgreementReport & {
  readonly source?: {
    readonly missingSpellings: Readonly<Record<string, number>>;
    readonly control?: string;
  };
  readonly controls?: Readonly<Record<string, AgreementReport>>;
};

function Warnings({ report, worksheetFraming }: { report: StoredReport; worksheetFraming: string | null }) {
  // Cells spelled NA, N/A, null… were dropped as missing: said first, since "N/A" may have been a category.
  const missing = describeMissingSpellings(report.source?.missingSpellings ?? {});
  const mismatch = framingMismatch(worksheetFraming, report.framing);
  if (report.warnings.length === 0 && missing === null && mismatch === null) return null;
  return (
    <section aria-labelledby="agreement-warnings">
      <h4 id="agreement-warnings">Notes on this sample</h4>
      <ul>
        {mismatch !== null && <li>{mismatch}</li>}
        {missing !== null && <li>{missing}</li>}
        {report.warnings.map((warning) => (
          <li key={`${warning.key}:${warning.message}`}>{warning.message}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A square table with the same `names` along both sides, each cell shaded by its `shade` from 0 to 1
 * (none when `plain`): its colour is a heatmap's, its text the number.
 */
function Heatmap({
  label,
  tableLabel,
  plain = false,
  corner,
  names,
  cell,
}: {
  /** Names the scroll box. */
  label: string;
  tableLabel: string;
  plain?: boolean;
  /** The top left cell, above the row names. */
  corner: ReactNode;
  names: readonly string[];
  cell: (row: number, column: number) => { shade: number | null; text: string; title?: string };
}) {
  return (
    <ScrollBox label={label}>
      <table className={plain ? 'table' : 'heatmap'} aria-label={tableLabel}>
        <thead>
          <tr>
            {corner}
            {names.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {names.map((row, r) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {names.map((column, c) => {
                const { shade, text, title } = cell(r, c);
                return (
                  <td key={column} style={plain ? undefined : heatmapCellStyle(shade)} title={title}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function PairHeatmap({ report }: { report: AgreementReport }) {
  const { annotators, cells } = pairGrid(report);
  const [asTable, setAsTable] = useState(false);
  if (annotators.length < 2) return null;
  return (
    <section aria-labelledby="agreement-heatmap">
      <h4 id="agreement-heatmap">Agreement between annotators</h4>
      <Button variant="ghost" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
        Show as table
      </Button>
      <Heatmap
        label="Agreement between annotators"
        tableLabel="Annotator × annotator agreement heatmap (share of co-labeled items on which the two agree)"
        plain={asTable}
        corner={<td />}
        names={annotators}
        cell={(i, j) => {
          const value = cells[i]?.[j] ?? null;
          return {
            shade: value,
            text: value === null ? '—' : value.toFixed(2),
            title: `${annotators[i]} × ${annotators[j]}`,
          };
        }}
      />
    </section>
  );
}

/**
 * Agreement from 0 to 1 as one bar per category or annotator (with `whiskers`, the bar's `error` as its
 * 95% interval), an image named by `label`.
 */
function AgreementBarChart({
  label,
  data,
  xKey,
  xLabel,
  yLabel,
  yLabelOffset,
  barName,
  whiskers = false,
}: {
  label: string;
  data: readonly ({ agreement: number; error?: readonly number[] } & Record<string, unknown>)[];
  xKey: string;
  xLabel: string;
  yLabel: string;
  /** Moves the vertical axis's label down by so much, to centre it: the longer the label, the more. */
  yLabelOffset: number;
  barName: string;
  whiskers?: boolean;
}) {
  return (
    <div role="img" aria-label={label} className="chart">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={[...data]}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={xKey} height={44} label={{ value: xLabel, position: 'insideBottom' }} />
          <YAxis
            domain={[0, 1]}
            width={56}
            label={{ value: yLabel, angle: -90, position: 'insideLeft', dy: yLabelOffset }}
          />
          <Tooltip />
          <Bar dataKey="agreement" name={barName} fill="var(--color-primary)" isAnimationActive={false}>
            {whiskers && <ErrorBar dataKey="error" width={6} stroke="var(--color-text)" />}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/**
 * A bar chart's numbers as a table behind a disclosure named `name`: a row per bar, headed by the bar's
 * own name (`key`), then its `cells`.
 */
function ChartTable({
  name,
  columns,
  rows,
}: {
  name: string;
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly (string | number)[] }[];
}) {
  return (
    <details>
      <summary>{name}</summary>
      <DataTable label={name} columns={columns}>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.key}</th>
            {row.cells.map((cell, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional, one per column.
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </DataTable>
    </details>
  );
}

function CategoryBars({ report }: { report: AgreementReport }) {
  const data = report.diagnostics.perCategory.map((c) => ({
    category: c.category,
    agreement: c.specificAgreement ?? 0,
    count: c.count,
  }));
  return (
    <section aria-labelledby="agreement-categories">
      <h4 id="agreement-categories">Agreement per category</h4>
      <AgreementBarChart
        label="Bar chart: specific agreement per category"
        data={data}
        xKey="category"
        xLabel="Category"
        yLabel="Specific agreement"
        yLabelOffset={60}
        barName="Specific agreement"
      />
      <ChartTable
        name="Per-category table"
        columns={['Category', 'Labels', 'Specific agreement', 'κ (one vs rest)']}
        rows={report.diagnostics.perCategory.map((c) => ({
          key: c.category,
          cells: [c.count, formatNumber(c.specificAgreement), formatNumber(c.kappa)],
        }))}
      />
    </section>
  );
}

function AnnotatorBars({ report }: { report: AgreementReport }) {
  const rows = report.diagnostics.annotatorVsMajority.filter((a) => a.agreement !== null);
  if (rows.length === 0) return null;
  const data = rows.map((a) => {
    const value = a.agreement ?? 0;
    return {
      annotator: a.annotator,
      agreement: value,
      error: a.ci ? [value - a.ci[0], a.ci[1] - value] : [0, 0],
    };
  });
  return (
    <section aria-labelledby="agreement-annotators">
      <h4 id="agreement-annotators">Each annotator against the majority of the others</h4>
      <AgreementBarChart
        label="Bar chart with 95% interval whiskers: each annotator's agreement with the majority of the others"
        data={data}
        xKey="annotator"
        xLabel="Annotator"
        yLabel="Agreement"
        yLabelOffset={30}
        barName="Agreement with majority"
        whiskers
      />
      <ChartTable
        name="Per-annotator table"
        columns={['Annotator', 'Items', 'Agreement with majority', '95% CI']}
        rows={rows.map((a) => ({
          key: a.annotator,
          cells: [a.items, formatNumber(a.agreement), formatInterval(a.ci)],
        }))}
      />
    </section>
  );
}

function Confusion({ report }: { report: AgreementReport }) {
  const matrices = report.diagnostics.confusionMatrices;
  const [index, setIndex] = useState(0);
  const matrix = matrices[index] ?? matrices[0];
  if (!matrix) return null;
  const max = Math.max(1, ...matrix.counts.flat());
  return (
    <section aria-labelledby="agreement-confusion">
      <h4 id="agreement-confusion">Confusion matrix of a pair</h4>
      <div className="field">
        <label className="field__label" htmlFor="agreement-pair">
          Annotator pair
        </label>
        <select
          id="agreement-pair"
          className="field__control"
          value={index}
          onChange={(event) => setIndex(Number(event.target.value))}
        >
          {matrices.map((m, i) => (
            <option key={`${m.annotatorA}|${m.annotatorB}`} value={i}>
              {m.annotatorA} × {m.annotatorB} ({m.items} shared items)
            </option>
          ))}
        </select>
      </div>
      <Heatmap
        label="Confusion matrix"
        tableLabel={`Confusion matrix: rows ${matrix.annotatorA}, columns ${matrix.annotatorB}`}
        corner={
          <th scope="col">
            {matrix.annotatorA} ↓ / {matrix.annotatorB} →
          </th>
        }
        names={matrix.categories}
        cell={(r, c) => {
          const count = matrix.counts[r]?.[c] ?? 0;
          return { shade: count / max, text: String(count) };
        }}
      />
    </section>
  );
}

function Disagreements({ report, sampleName }: { report: AgreementReport; sampleName: string }) {
  const items = report.diagnostics.topDisagreements;
  const search = useDisagreementSearch(items, filterDisagreements);
  const { shown } = search;
  // A pairwise item is a comparison and its label an answer: say which item each annotator preferred.
  const pairwise = report.framing === 'pairwise';
  const title = pairwise ? 'Comparisons with the most disagreement' : 'Items with the most disagreement';
  return (
    <section aria-labelledby="agreement-disagreements">
      <h4 id="agreement-disagreements">{title}</h4>
      <DisagreementToolbar
        searchLabel="Search items and labels"
        search={search}
        sampleName={sampleName}
        toCsv={disagreementsToCsv}
      />
      {items.length === 0 ? (
        <p className="muted">Every item was labeled the same way by all its annotators.</p>
      ) : (
        <DataTable
          label={title}
          caption={`${shown.length} of ${items.length} items shown (the ${items.length} with the lowest agreement)`}
          columns={[pairwise ? 'Comparison' : 'Item', 'Agreement', pairwise ? 'Answers' : 'Labels']}
        >
          {shown.map((item) => (
            <tr key={item.item}>
              <th scope="row">{item.item}</th>
              <td>{item.agreement.toFixed(2)}</td>
              <td>
                {item.labels
                  .map(
                    (l) =>
                      `${l.annotator}: ${pairwise ? describePairwiseAnswer(item.item, l.label) : l.label}`,
                  )
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** Everything the report says about one sample; for several questions, about the one picked. */
export function SampleResults({
  report: stored,
  sampleName,
  worksheetFraming = null,
}: {
  report: StoredReport;
  sampleName: string;
  /** The worksheet's C.framing answer, compared with the sample's framing. */
  worksheetFraming?: string | null;
}) {
  const headline = stored.source?.control;
  const [question, setQuestion] = useState(headline ?? Object.keys(stored.controls ?? {})[0] ?? '');
  // The headline question reads the top level, which re-scoring keeps current.
  const picked = question === headline ? undefined : stored.controls?.[question];
  const report: StoredReport =
    picked === undefined ? stored : { ...picked, ...(stored.source ? { source: stored.source } : {}) };
  const several = stored.controls !== undefined && Object.keys(stored.controls).length > 1;
  // Spans, boxes, sets of labels and rankings have their own table; the one-label-per-item charts would be empty.
  const oneLabelPerItem = !report.spans && !report.boxes && !report.multilabel && !report.ranking;
  // Ratings list their spread instead of exact matches; reports stored before it keep the item list.
  const unitList = report.diagnostics.unitDisagreements !== undefined;
  return (
    <div className="stack agreement-results">
      {several && stored.controls && (
        <QuestionSwitch
          controls={stored.controls}
          headline={headline}
          value={question}
          onChange={setQuestion}
        />
      )}
      <Headline
        report={report}
        sampleName={several && question !== '' ? `${sampleName}, question "${question}"` : sampleName}
      />
      <Warnings report={report} worksheetFraming={worksheetFraming} />
      <FramingTable report={report} />
      {oneLabelPerItem && (
        <>
          <Coefficients report={report} />
          <div className="agreement-charts">
            <PairHeatmap report={report} />
            <CategoryBars report={report} />
            <AnnotatorBars report={report} />
            <Confusion report={report} />
          </div>
          {!unitList && <Disagreements report={report} sampleName={sampleName} />}
        </>
      )}
      {unitList && <UnitDisagreementList report={report} sampleName={sampleName} />}
    </div>
  );
}
