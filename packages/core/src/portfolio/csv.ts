import Papa from 'papaparse';
import { DECISION_LABELS } from '../report';
import type { PortfolioRow } from './portfolio-row';

/** The portfolio CSV's columns, in order. */
export const PORTFOLIO_CSV_COLUMNS = [
  'Project',
  'Verdict',
  'Reasons',
  'Metric',
  'Human ceiling',
  'Target',
  'Time to target P10 (days)',
  'Time to target P50 (days)',
  'Time to target P90 (days)',
  'Best attack angle',
  'Best angle quality',
  'Best angle net value',
  'MLOps level now',
  'MLOps level target',
  'Latest version',
  'Published at',
  'Latest decision',
  'Decided on version',
  'Decided by',
  'Decided at',
  'Decision comment',
  'Missing inputs',
  // Last, so the columns before keep their places in spreadsheets made from earlier files.
  'Human ceiling metric',
] as const;

const cell = (value: number | string | null | undefined) =>
  value === null || value === undefined ? '' : value;

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
      data: rows.map((row) => [
        row.project.name,
        row.verdict,
        row.reasons.map((r) => `${r.effect}: ${r.text}`).join('; '),
        row.metricName,
        cell(row.ceiling?.value),
        cell(row.target?.value),
        cell(row.timeToTarget?.p10Days),
        cell(row.timeToTarget?.p50Days),
        cell(row.timeToTarget?.p90Days),
        cell(row.bestAngle?.name),
        cell(row.bestAngle?.quality),
        cell(row.bestAngle?.net),
        cell(row.maturity?.current),
        cell(row.maturity?.target),
        cell(row.latestVersion?.number),
        cell(row.latestVersion?.publishedAt),
        cell(row.latestDecision && DECISION_LABELS[row.latestDecision.decision]),
        cell(row.latestDecision?.versionNumber),
        cell(
          row.latestDecision && `${row.latestDecision.name}${row.latestDecision.meeting ? ' (meeting)' : ''}`,
        ),
        cell(row.latestDecision?.decidedAt),
        cell(row.latestDecision?.comment),
        row.gaps.map((g) => g.text).join('; '),
        cell(row.ceiling && (row.ceiling.metric ?? row.metricName)),
      ]),
    },
    { newline: '\r\n', escapeFormulae: true },
  );
}
