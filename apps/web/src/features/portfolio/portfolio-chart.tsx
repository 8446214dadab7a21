import { formatDayRange, formatDays, formatMoney } from '@raisin/core/format';
import type { Verdict } from '@raisin/core/worksheet';
import {
  CartesianGrid,
  ErrorBar,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { PortfolioRowDto } from '../../lib/api-types';
import { VERDICT_LABELS, VERDICT_ORDER } from './portfolio-view';

// Colour and shape both tell the verdict, so it reads without colour vision too.
const VERDICT_MARK: Readonly<
  Record<Verdict, { colour: string; shape: 'circle' | 'triangle' | 'cross' | 'square' }>
> = {
  go: { colour: '#26a269', shape: 'circle' },
  'spike-first': { colour: '#c64600', shape: 'triangle' },
  'no-go': { colour: '#c01c28', shape: 'cross' },
  undecided: { colour: '#5e5c64', shape: 'square' },
};

interface Point {
  readonly name: string;
  readonly p50: number;
  readonly range: [number, number];
  readonly net: number;
  readonly p10: number;
  readonly p90: number;
}

function pointOf(row: PortfolioRowDto): Point | null {
  const t = row.timeToTarget;
  const net = row.bestAngle?.net;
  if (!t || net === null || net === undefined) return null;
  return {
    name: row.project.name,
    p50: t.p50Days,
    range: [t.p50Days - t.p10Days, t.p90Days - t.p50Days],
    net,
    p10: t.p10Days,
    p90: t.p90Days,
  };
}

/** Why a project has no mark: the first missing value, in words. */
function whyOffChart(row: PortfolioRowDto): string {
  if (!row.timeToTarget) return row.timeToTargetNote ?? 'no time to target';
  return 'no net value (set a value model and a team cost)';
}

/**
 * Net value of each project's best attack angle against its P50 time to target (log scale), the P10–P90
 * range as a horizontal bar, colour and shape by verdict: quick wins sit top left. The same numbers are
 * in a table under it, and projects without a mark are named with the reason.
 */
export function PortfolioChart({ rows }: { rows: readonly PortfolioRowDto[] }) {
  const placed = rows.flatMap((row) => {
    const point = pointOf(row);
    return point ? [{ row, point }] : [];
  });
  const off = rows.filter((row) => pointOf(row) === null);
  // Explicit domains: with one project, 'auto' would shrink the log axis to a point and hide its bar.
  const lowest = Math.min(...placed.map((p) => p.point.p10));
  const highest = Math.max(...placed.map((p) => p.point.p90));
  const xDomain: [number, number] = [Math.max(lowest / 2, 1 / 1440), highest * 2];

  const counts = VERDICT_ORDER.map((verdict) => ({
    verdict,
    n: placed.filter((p) => p.row.verdict === verdict).length,
  })).filter((c) => c.n > 0);
  const label =
    placed.length === 0
      ? 'Chart: no project has both a time to target and a net value yet'
      : `Chart: net value against P50 time to target for ${placed.length} project${placed.length === 1 ? '' : 's'} (${counts
          .map((c) => `${c.n} ${VERDICT_LABELS[c.verdict]}`)
          .join(', ')}), with P10–P90 bars`;

  return (
    <section aria-labelledby="portfolio-chart-heading" className="portfolio-chart">
      <h2 id="portfolio-chart-heading">Net value against time to target</h2>
      <div role="img" aria-label={label} className="chart">
        <ResponsiveContainer width="100%" height={340}>
          <ScatterChart margin={{ top: 16, right: 24, bottom: 24, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="p50"
              type="number"
              scale="log"
              domain={xDomain}
              allowDataOverflow
              name="P50 time to target"
              tickFormatter={(days: number) => formatDays(days)}
              label={{ value: 'P50 time to target (log scale)', position: 'insideBottom', offset: -12 }}
            />
            <YAxis
              dataKey="net"
              type="number"
              name="Net value"
              width={80}
              tickFormatter={(value: number) => formatMoney(value)}
            />
            <ReferenceLine y={0} stroke="#77767b" ifOverflow="extendDomain" />
            {VERDICT_ORDER.map((verdict) => {
              const data = placed.filter((p) => p.row.verdict === verdict).map((p) => p.point);
              if (data.length === 0) return null;
              const mark = VERDICT_MARK[verdict];
              return (
                <Scatter
                  key={verdict}
                  name={VERDICT_LABELS[verdict]}
                  data={data}
                  fill={mark.colour}
                  shape={mark.shape}
                  isAnimationActive={false}
                >
                  <ErrorBar dataKey="range" direction="x" stroke={mark.colour} width={6} />
                </Scatter>
              );
            })}
            <Tooltip
              formatter={(value, name) =>
                name === 'Net value' ? formatMoney(Number(value)) : formatDays(Number(value))
              }
              labelFormatter={() => ''}
            />
            <Legend verticalAlign="top" />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      {off.length > 0 && (
        <p className="muted">
          Not on the chart:{' '}
          {off.map((row, i) => (
            <span key={row.project.id}>
              {i > 0 && '; '}
              {row.project.name} ({whyOffChart(row)})
            </span>
          ))}
          .
        </p>
      )}
      {placed.length > 0 && (
        <details className="portfolio-chart__table">
          <summary>Chart data as a table</summary>
          <div className="table-scroll">
            <table className="table">
              <caption>Each project's mark on the chart</caption>
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">Time to target P10 / P50 / P90</th>
                  <th scope="col" className="numeric">
                    Net value
                  </th>
                </tr>
              </thead>
              <tbody>
                {placed.map(({ row, point }) => (
                  <tr key={row.project.id}>
                    <th scope="row">{row.project.name}</th>
                    <td>{VERDICT_LABELS[row.verdict]}</td>
                    <td>{formatDayRange([point.p10, point.p50, point.p90])}</td>
                    <td className="numeric">{formatMoney(point.net)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
