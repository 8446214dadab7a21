import Papa from 'papaparse';
import { DECISION_LABELS } from '../report';
import type { PortfolioRow } from './portfolio-row';

type Cell = number | string | null | undefined;

/** The portfolio CSV's columns, in order, each with what it holds for a project. */
const COLUMNS: readonly (readonly [name: string, value: (row: PortfolioRow) => Cell])[] = [
  ['Project', (row) => row.project.name],
  ['Verdict', (row) => row.verdict],
  ['Reasons', (row) => row.reasons.map((r) => `${r.effect}: ${r.text}`).join('; ')],
  ['Metric', (row) => row.metricName],
  ['Human ceiling', (row) => row.ceiling?.value],
  ['Target', (row) => row.target?.value],
  ['Time to target P10 (days)', (row) => row.timeToTarget?.p10Days],
  ['Time to target P50 (days)', (row) => row.timeToTarget?.p50Days],
  ['Time to target P90 (days)', (row) => row.timeToTarget?.p90Days],
  ['Best attack angle', (row) => row.bestAngle?.name],
  ['Best angle quality', (row) => row.bestAngle?.quality],
  ['Best angle net value', (row) => row.bestAngle?.net],
  ['MLOps level now', (row) => row.maturity?.current],
  ['MLOps level target', (row) => row.maturity?.target],
  ['Latest version', (row) => row.latestVersion?.number],
  ['Published at', (row) => row.latestVersion?.publishedAt],
  ['Latest decision', (row) => row.latestDecision && DECISION_LABELS[row.latestDecision.decision]],
  ['Decided on version', (row) => row.latestDecision?.versionNumber],
  [
    'Decided by',
    (row) =>
      row.latestDecision && `${row.latestDecision.name}${row.latestDecision.meeting ? ' (meeting)' : ''}`,
  ],
  ['Decided at', (row) => row.latestDecision?.decidedAt],
  ['Decision comment', (row) => row.latestDecision?.comment],
  ['Missing inputs', (row) => row.gaps.map((g) => g.text).join('; ')],
  // Last, so the columns before keep their places in spreadsheets made from earlier files.
  ['Human ceiling metric', (row) => row.ceiling && (row.ceiling.metric ?? row.metricName)],
];

/** The portfolio CSV's columns, in order. */
export const PORTFOLIO_CSV_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

const cell = (value: Cell) => (value === null || value === undefined ? '' : value);

/**
 * The portfolio as CSV (RFC 4180, CRLF line breaks, written by papaparse's `unparse`), one line per
 * project in the order given. Numbers are written unrounded, so a spreadsheet sorts and sums them; cells
 * starting with `=`, `+`, `-`, `@`, a tab or a carriage return are prefixed with `'` (`escapeFormulae`)
 * so a project name or a reader's decision comment cannot run as a formula (OWASP "CSV Injection"), as in `roadmapToCsv`.
 */
export function portfolioToCsv(rows: readonly PortfolioRow[]): string {
  return Papa.unparse(
    {
      fields: [...PORTFOLIO_CSV_COLUMNS],
      data: rows.map((row) => COLUMNS.map(([, value]) => cell(value(row)))),
    },
    { newline: '\r\n', escapeFormulae: true },
  );
}
