import { REPORT_DECISIONS, type ReportDecisionKind } from '@raisin/core/report';
import type { Verdict } from '@raisin/core/worksheet';
import type { PortfolioRowDto } from '../../lib/api-types';

/** Verdicts in the order a decision-maker reads them: what can start, what needs a spike, what cannot, what is open. */
export const VERDICT_ORDER: readonly Verdict[] = ['go', 'spike-first', 'no-go', 'undecided'];

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  go: 'Go',
  'spike-first': 'Spike first',
  'no-go': 'No-go',
  undecided: 'Undecided',
};

export const SORT_KEYS = ['name', 'verdict', 'p50', 'net', 'maturity', 'version', 'decision'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

/** A latest decision to filter by: one of the four, none recorded yet, or any. */
export type DecisionFilter = ReportDecisionKind | 'none' | 'all';

export interface PortfolioFilter {
  readonly text: string;
  readonly verdict: Verdict | 'all';
  /** Absent: any decision. */
  readonly decision?: DecisionFilter;
}

function passesDecision(row: PortfolioRowDto, filter: DecisionFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'none') return row.latestDecision === null;
  return row.latestDecision?.decision === filter;
}

/** The value a row is sorted by; null sorts last in either direction (a missing input is not a small number). */
function sortValue(row: PortfolioRowDto, key: SortKey): number | string | null {
  switch (key) {
    case 'name':
      return row.project.name.toLocaleLowerCase();
    case 'verdict':
      return VERDICT_ORDER.indexOf(row.verdict);
    case 'p50':
      return row.timeToTarget?.p50Days ?? null;
    case 'net':
      return row.bestAngle?.net ?? null;
    case 'maturity':
      return row.maturity ? row.maturity.target - row.maturity.current : null;
    case 'version':
      return row.latestVersion?.publishedAt ?? null;
    // From approval to rejection, the order the form offers them.
    case 'decision':
      return row.latestDecision ? REPORT_DECISIONS.indexOf(row.latestDecision.decision) : null;
  }
}

/** The rows that pass the filter, sorted; ties keep the server's order (by name). */
export function viewPortfolio(
  rows: readonly PortfolioRowDto[],
  filter: PortfolioFilter,
  sort: { key: SortKey; direction: SortDirection },
): PortfolioRowDto[] {
  const needle = filter.text.trim().toLocaleLowerCase();
  const kept = rows.filter(
    (row) =>
      (filter.verdict === 'all' || row.verdict === filter.verdict) &&
      passesDecision(row, filter.decision ?? 'all') &&
      (needle === '' || row.project.name.toLocaleLowerCase().includes(needle)),
  );
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return kept
    .map((row, index) => ({ row, index, value: sortValue(row, sort.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      }
      const order = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return order * sign || a.index - b.index;
    })
    .map((entry) => entry.row);
}
