import './portfolio.css';
import { formatDateOfInstant, formatDays, formatMoney, formatQuality } from '@raisin/core/format';
import { portfolioToCsv } from '@raisin/core/portfolio';
import { DECISION_LABELS, REPORT_DECISIONS } from '@raisin/core/report';
import { describeTarget } from '@raisin/core/tradeoff';
import type { Verdict } from '@raisin/core/worksheet';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { Button, EmptyState, QueryStatus, TextField } from '../../components';
import { Select } from '../../components/select';
import type { PortfolioRowDto } from '../../lib/api-types';
import { fileStemOf, saveFile } from '../../lib/save-file';
import { trpc } from '../../lib/trpc';
import { type ProjectTab, projectTabPath } from '../project-shell/project-tabs';
import { useWorkspace } from '../workspaces';
import { PortfolioChart } from './portfolio-chart';
import {
  type DecisionFilter,
  type PortfolioFilter,
  type SortDirection,
  type SortKey,
  VERDICT_LABELS,
  VERDICT_ORDER,
  viewPortfolio,
} from './portfolio-view';

const VERDICT_OPTIONS = [
  { value: 'all' as const, label: 'All verdicts' },
  ...VERDICT_ORDER.map((verdict) => ({ value: verdict, label: VERDICT_LABELS[verdict] })),
];

const DECISION_OPTIONS: { value: DecisionFilter; label: string }[] = [
  { value: 'all', label: 'Any decision' },
  ...REPORT_DECISIONS.map((decision) => ({ value: decision, label: DECISION_LABELS[decision] })),
  { value: 'none', label: 'No decision yet' },
];

/**
 * `/w/:workspaceId/portfolio`: every active project of the workspace side by side (verdict, ceiling,
 * target, time to target, best angle and its net value, MLOps levels, latest version and decision), sortable and
 * filterable, with a chart of net value against time to target and a CSV download. Every value links to
 * the project tab it comes from.
 */
export function PortfolioPage() {
  const workspace = useWorkspace();
  const portfolio = useQuery(trpc.portfolio.list.queryOptions({ workspaceId: workspace.id }));
  const [filter, setFilter] = useState<PortfolioFilter>({ text: '', verdict: 'all', decision: 'all' });
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({
    key: 'name',
    direction: 'ascending',
  });
  const rows = portfolio.data ? viewPortfolio(portfolio.data, filter, sort) : [];

  return (
    <div className="page portfolio-page">
      <div className="page-header">
        <div>
          <title>{`Portfolio · ${workspace.name} · Raisin`}</title>
          <h1>Portfolio</h1>
          <p className="muted">{workspace.name}</p>
        </div>
        {portfolio.data && portfolio.data.length > 0 && (
          <Button
            onClick={() =>
              saveFile(`${fileStemOf(workspace.name)}-portfolio.csv`, 'text/csv', portfolioToCsv(rows))
            }
          >
            Download CSV
          </Button>
        )}
      </div>
      <QueryStatus query={portfolio} loading="Loading the portfolio…" />
      {portfolio.data?.length === 0 && (
        <EmptyState title="No active projects yet">
          <p>
            Create a project on the <Link to={`/w/${workspace.id}`}>Projects</Link> page; it appears here with
            its verdict as soon as it exists.
          </p>
        </EmptyState>
      )}
      {portfolio.data && portfolio.data.length > 0 && (
        <>
          <p>
            Every active project with what its tabs say. A value links to the tab it comes from; a project
            missing an input says which.
          </p>
          <PortfolioChart rows={rows} />
          <section aria-labelledby="portfolio-table-heading" className="section">
            <h2 id="portfolio-table-heading">Projects</h2>
            <div className="portfolio-filters">
              <TextField
                label="Filter by name"
                type="search"
                value={filter.text}
                onChange={(event) => setFilter({ ...filter, text: event.target.value })}
              />
              <Select<Verdict | 'all'>
                label="Verdict"
                value={filter.verdict}
                options={VERDICT_OPTIONS}
                onValueChange={(verdict) => setFilter({ ...filter, verdict })}
              />
              <Select<DecisionFilter>
                label="Latest decision"
                value={filter.decision ?? 'all'}
                options={DECISION_OPTIONS}
                onValueChange={(decision) => setFilter({ ...filter, decision })}
              />
            </div>
            <p className="muted" aria-live="polite">
              Showing {rows.length} of {portfolio.data.length} project{portfolio.data.length === 1 ? '' : 's'}
              .
            </p>
            <PortfolioTable rows={rows} sort={sort} onSort={setSort} workspaceId={workspace.id} />
          </section>
        </>
      )}
    </div>
  );
}

interface TableProps {
  rows: readonly PortfolioRowDto[];
  sort: { key: SortKey; direction: SortDirection };
  onSort: (sort: { key: SortKey; direction: SortDirection }) => void;
  workspaceId: string;
}

function PortfolioTable({ rows, sort, onSort, workspaceId }: TableProps) {
  const heading = (key: SortKey | null, text: string, className?: string) => {
    if (key === null) {
      return (
        <th scope="col" className={className}>
          {text}
        </th>
      );
    }
    const active = sort.key === key;
    const next: SortDirection = active && sort.direction === 'ascending' ? 'descending' : 'ascending';
    return (
      <th scope="col" className={className} aria-sort={active ? sort.direction : undefined}>
        <button type="button" className="portfolio-sort" onClick={() => onSort({ key, direction: next })}>
          {text}
          <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };
  return (
    <div className="table-scroll portfolio-table">
      <table className="table">
        <caption className="visually-hidden">
          Projects of this workspace; the column buttons sort them
        </caption>
        <thead>
          <tr>
            {heading('name', 'Project')}
            {heading('verdict', 'Verdict')}
            {heading(null, 'Human ceiling', 'numeric')}
            {heading(null, 'Target', 'numeric')}
            {heading('p50', 'Time to target P50 / P90')}
            {heading('net', 'Best angle, net value')}
            {heading('maturity', 'MLOps level')}
            {heading('version', 'Latest version')}
            {heading('decision', 'Latest decision')}
            {heading(null, 'Missing')}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <PortfolioLine key={row.project.id} row={row} workspaceId={workspaceId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PortfolioLine({ row, workspaceId }: { row: PortfolioRowDto; workspaceId: string }) {
  const to = (tab: ProjectTab) => projectTabPath(workspaceId, row.project.id, tab);
  const link = (tab: ProjectTab, children: ReactNode, label?: string) => (
    <Link to={to(tab)} aria-label={label}>
      {children}
    </Link>
  );
  const q = (value: number) => formatQuality(value, row.maxQuality);
  // A target set on Tradeoff is named as such, with the worksheet's answer beside it (`describeTarget`).
  const targetText = (r: PortfolioRowDto) =>
    r.target === null
      ? '—'
      : (describeTarget({ ...r.target, worksheetValue: r.target.worksheetValue ?? null }, r.maxQuality) ??
        q(r.target.value));
  const name = row.project.name;
  const concerns = row.reasons.filter((r) => r.effect === 'no-go' || r.effect === 'spike');
  return (
    <tr>
      <th scope="row">{link('worksheet', name)}</th>
      <td>
        {link(
          'worksheet',
          <span className={`portfolio-verdict portfolio-verdict--${row.verdict}`}>
            {VERDICT_LABELS[row.verdict]}
          </span>,
          `${name}: verdict ${VERDICT_LABELS[row.verdict]}`,
        )}
        {row.reasons.length > 0 && (
          <details className="portfolio-reasons">
            <summary>
              {row.reasons.length} reason{row.reasons.length === 1 ? '' : 's'}
              {concerns.length > 0 ? `, ${concerns.length} to resolve` : ''}
            </summary>
            <ul>
              {row.reasons.map((reason) => (
                <li key={`${reason.effect}:${reason.text}`}>{reason.text}</li>
              ))}
            </ul>
          </details>
        )}
      </td>
      <td className="numeric">
        {row.ceiling
          ? link(
              'agreement',
              q(row.ceiling.value),
              `${name}: human ceiling ${q(row.ceiling.value)} in ${row.ceiling.metric ?? row.metricName}`,
            )
          : '—'}
        {/* The reference sample's own metric (span F1, Kendall's τ…), else the Tradeoff tab's. */}
        <span className="portfolio-metric">{row.ceiling?.metric ?? row.metricName}</span>
      </td>
      <td className="numeric">
        {row.target ? link('tradeoff', targetText(row), `${name}: target ${targetText(row)}`) : '—'}
      </td>
      <td>
        {row.timeToTarget
          ? link(
              'tradeoff',
              `${formatDays(row.timeToTarget.p50Days)} / ${formatDays(row.timeToTarget.p90Days)}`,
              `${name}: time to target P50 ${formatDays(row.timeToTarget.p50Days)}, P90 ${formatDays(row.timeToTarget.p90Days)}`,
            )
          : (row.timeToTargetNote ?? '—')}
      </td>
      <td>
        {row.bestAngle ? (
          <>
            {link('tradeoff', row.bestAngle.name)}
            <span className="portfolio-net">
              {row.bestAngle.net === null
                ? 'no net value'
                : link(
                    'tradeoff',
                    `net ${formatMoney(row.bestAngle.net)}`,
                    `${name}: net value ${formatMoney(row.bestAngle.net)}`,
                  )}
            </span>
          </>
        ) : (
          '—'
        )}
      </td>
      <td className="nowrap">
        {row.maturity
          ? link(
              'roadmap',
              `${row.maturity.current} → ${row.maturity.target}`,
              `${name}: MLOps level ${row.maturity.current}, target ${row.maturity.target}`,
            )
          : '—'}
      </td>
      <td className="nowrap">
        {row.latestVersion
          ? link(
              'report',
              `v${row.latestVersion.number}, ${formatDateOfInstant(row.latestVersion.publishedAt)}`,
              `${name}: version ${row.latestVersion.number}`,
            )
          : 'not published'}
      </td>
      <td className="portfolio-decision-cell">
        <LatestDecision row={row} reportHref={to('report')} />
      </td>
      <td>
        {row.gaps.length === 0 ? (
          'nothing'
        ) : (
          <span className="portfolio-gaps">
            {row.gaps.map((gap, i) => (
              <span key={gap.text}>
                {i > 0 && ', '}
                {link(gap.tab, gap.text)}
              </span>
            ))}
          </span>
        )}
      </td>
    </tr>
  );
}

/** The newest decision not hidden: what, on which version, by whom, and its comment on demand. */
function LatestDecision({ row, reportHref }: { row: PortfolioRowDto; reportHref: string }) {
  const latest = row.latestDecision;
  if (latest === null) return 'none yet';
  const label = DECISION_LABELS[latest.decision];
  const by = `${latest.name}${latest.meeting ? ' (meeting)' : ''}`;
  return (
    <>
      <Link
        to={reportHref}
        aria-label={`${row.project.name}: latest decision ${label} on version ${latest.versionNumber} by ${by}`}
      >
        <span className={`portfolio-decision portfolio-decision--${latest.decision}`}>{label}</span>
      </Link>
      <span className="portfolio-net">
        v{latest.versionNumber}, {by}, {formatDateOfInstant(latest.decidedAt)}
      </span>
      {latest.comment !== '' && (
        <details className="portfolio-reasons">
          <summary>Comment</summary>
          <p className="portfolio-decision__comment">{latest.comment}</p>
        </details>
      )}
    </>
  );
}
