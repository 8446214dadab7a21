import { type AgreementReport, describeMissingSpellings, framingMismatch } from '@raisin/core/agreement';
import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Button, ScrollBox, TextField } from '../../components';
import { saveFile } from '../../lib/save-file';
import { Coefficients } from './coefficients';
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
      <ScrollBox label="Agreement between annotators">
        <table
          className={asTable ? 'table' : 'heatmap'}
          aria-label="Annotator × annotator agreement heatmap (share of co-labeled items on which the two agree)"
        >
          <thead>
            <tr>
              <td />
              {annotators.map((a) => (
                <th key={a} scope="col">
                  {a}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {annotators.map((a, i) => (
              <tr key={a}>
                <th scope="row">{a}</th>
                {annotators.map((b, j) => {
                  const value = cells[i]?.[j] ?? null;
                  return (
                    <td key={b} style={asTable ? undefined : heatmapCellStyle(value)} title={`${a} × ${b}`}>
                      {value === null ? '—' : value.toFixed(2)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
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
      <div role="img" aria-label="Bar chart: specific agreement per category" className="chart">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="category" height={44} label={{ value: 'Category', position: 'insideBottom' }} />
            <YAxis
              domain={[0, 1]}
              width={56}
              label={{ value: 'Specific agreement', angle: -90, position: 'insideLeft', dy: 60 }}
            />
            <Tooltip />
            <Bar
              dataKey="agreement"
              name="Specific agreement"
              fill="var(--color-primary)"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Per-category table</summary>
        <ScrollBox label="Per-category table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Labels</th>
                <th scope="col">Specific agreement</th>
                <th scope="col">κ (one vs rest)</th>
              </tr>
            </thead>
            <tbody>
              {report.diagnostics.perCategory.map((c) => (
                <tr key={c.category}>
                  <th scope="row">{c.category}</th>
                  <td>{c.count}</td>
                  <td>{formatNumber(c.specificAgreement)}</td>
                  <td>{formatNumber(c.kappa)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
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
      <div
        role="img"
        aria-label="Bar chart with 95% interval whiskers: each annotator's agreement with the majority of the others"
        className="chart"
      >
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="annotator" height={44} label={{ value: 'Annotator', position: 'insideBottom' }} />
            <YAxis
              domain={[0, 1]}
              width={56}
              label={{ value: 'Agreement', angle: -90, position: 'insideLeft', dy: 30 }}
            />
            <Tooltip />
            <Bar
              dataKey="agreement"
              name="Agreement with majority"
              fill="var(--color-primary)"
              isAnimationActive={false}
            >
              <ErrorBar dataKey="error" width={6} stroke="var(--color-text)" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Per-annotator table</summary>
        <ScrollBox label="Per-annotator table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Annotator</th>
                <th scope="col">Items</th>
                <th scope="col">Agreement with majority</th>
                <th scope="col">95% CI</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.annotator}>
                  <th scope="row">{a.annotator}</th>
                  <td>{a.items}</td>
                  <td>{formatNumber(a.agreement)}</td>
                  <td>{formatInterval(a.ci)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
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
      <ScrollBox label="Confusion matrix">
        <table
          className="heatmap"
          aria-label={`Confusion matrix: rows ${matrix.annotatorA}, columns ${matrix.annotatorB}`}
        >
          <thead>
            <tr>
              <th scope="col">
                {matrix.annotatorA} ↓ / {matrix.annotatorB} →
              </th>
              {matrix.categories.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.categories.map((row, r) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {matrix.categories.map((col, c) => {
                  const count = matrix.counts[r]?.[c] ?? 0;
                  return (
                    <td key={col} style={heatmapCellStyle(count / max)}>
                      {count}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

function Disagreements({ report, sampleName }: { report: AgreementReport; sampleName: string }) {
  const [query, setQuery] = useState('');
  const items = report.diagnostics.topDisagreements;
  const shown = useMemo(() => filterDisagreements(items, query), [items, query]);
  // A pairwise item is a comparison and its label an answer: say which item each annotator preferred.
  const pairwise = report.framing === 'pairwise';
  const title = pairwise ? 'Comparisons with the most disagreement' : 'Items with the most disagreement';
  return (
    <section aria-labelledby="agreement-disagreements">
      <h4 id="agreement-disagreements">{title}</h4>
      <div className="toolbar toolbar--field">
        <TextField
          label="Search items and labels"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <Button
          onClick={() =>
            saveFile(`${sampleName}-disagreements.csv`, 'text/csv;charset=utf-8', disagreementsToCsv(shown))
          }
          disabled={shown.length === 0}
        >
          Export CSV
        </Button>
      </div>
      {items.length === 0 ? (
        <p className="muted">Every item was labeled the same way by all its annotators.</p>
      ) : (
        <ScrollBox label={title}>
          <table className="table">
            <caption>
              {shown.length} of {items.length} items shown (the {items.length} with the lowest agreement)
            </caption>
            <thead>
              <tr>
                <th scope="col">{pairwise ? 'Comparison' : 'Item'}</th>
                <th scope="col">Agreement</th>
                <th scope="col">{pairwise ? 'Answers' : 'Labels'}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </ScrollBox>
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
