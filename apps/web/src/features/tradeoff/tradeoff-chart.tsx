import { formatDays, formatQuality } from '@raisin/core/format';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DataTable } from '../../components';
import { type ChartData, formatLogDays, qualityDomain } from './chart-data';

export interface TradeoffChartProps {
  readonly data: ChartData;
  readonly maxQuality: number;
  readonly target: number | null;
  /** `metric`: what a reference sample's ceiling is measured in when not an accuracy ("span F1"), named beside it. */
  readonly ceiling: { value: number; ci: [number, number] | null; metric: string | null } | null;
  readonly metricName: string;
  /** True while the chart draws the example angles, which nothing else uses. */
  readonly example?: boolean;
}

/**
 * Quality against effort on a log-time axis: the fitted curve with its 80% band, the estimates with
 * low–high bars, measured points, the ceiling (and its CI) and the target; the area above the ceiling
 * is shaded. The same numbers are in a table below it for screen readers and for copying.
 */
export function TradeoffChart({
  data,
  maxQuality,
  target,
  ceiling,
  metricName,
  example = false,
}: TradeoffChartProps) {
  // The decimals of the metric's scale (85.0 on 0–100, 0.850 on 0–1), as the answers and the report.
  const fmt = (value: number) => formatQuality(value, maxQuality);
  // The CI is drawn as a band around the ceiling line; it is named in the line's label and the chart's
  // accessible name, since an unlabelled band reads as nothing to a screen reader (or to a newcomer).
  const ciText = ceiling?.ci ? ` (95% CI ${fmt(ceiling.ci[0])}–${fmt(ceiling.ci[1])})` : '';
  const ceilingMetric = ceiling?.metric ? ` ${ceiling.metric}` : '';
  const ceilingText = ceiling ? `, human ceiling ${fmt(ceiling.value)}${ceilingMetric}${ciText}` : '';
  const targetText = target === null ? '' : `, target ${fmt(target)}`;
  const domain = qualityDomain(data, maxQuality, [
    target,
    ceiling?.value ?? null,
    ceiling?.ci?.[0] ?? null,
    ceiling?.ci?.[1] ?? null,
  ]);
  const yTicks = Array.from({ length: Math.round((domain[1] - domain[0]) / (maxQuality / 20)) + 1 }, (_, i) =>
    Number((domain[0] + (i * maxQuality) / 20).toFixed(6)),
  );
  // The ceiling's and the target's names sit at the left, where the curve starts low (at the right it rises
  // to the ceiling), the upper line's name above it and the lower one's below, so that two close lines keep
  // their names apart. (recharts' "insideBottom" of a horizontal line is above it, "insideTop" below.)
  const ceilingAbove = ceiling === null || target === null || ceiling.value >= target;
  return (
    <section aria-labelledby="tradeoff-chart-heading" className="tradeoff-chart">
      <h3 id="tradeoff-chart-heading">Quality against effort{example ? ' (examples)' : ''}</h3>
      <div
        role="img"
        aria-label={`${example ? 'Example chart' : 'Chart'}: ${metricName} against effort on a log-time axis, fitted curve with its 80% band and ${data.estimates.length} estimates${ceilingText}${targetText}`}
        className="chart"
      >
        <ResponsiveContainer width="100%" height={360}>
          <ComposedChart data={data.curve} margin={{ top: 8, right: 24, bottom: 24, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="x"
              type="number"
              domain={data.domain}
              ticks={data.ticks.map((tick) => tick.x)}
              tickFormatter={(x: number) =>
                data.ticks.find((tick) => Math.abs(tick.x - x) < 1e-9)?.label ?? ''
              }
              allowDataOverflow
              label={{ value: 'Effort (calendar time, log scale)', position: 'insideBottom', offset: -16 }}
            />
            <YAxis
              type="number"
              domain={domain}
              ticks={yTicks}
              tickFormatter={fmt}
              allowDataOverflow
              width={56}
              label={{ value: metricName, angle: -90, position: 'left', offset: 4 }}
            />
            {ceiling && (
              <ReferenceArea
                y1={ceiling.value}
                y2={domain[1]}
                fill="#c0bfbc"
                fillOpacity={0.35}
                label={{
                  value: 'Not measurable against these labels',
                  position: 'insideTopRight',
                  fontSize: 12,
                }}
              />
            )}
            {ceiling?.ci && (
              <ReferenceArea y1={ceiling.ci[0]} y2={ceiling.ci[1]} fill="#1a5fb4" fillOpacity={0.12} />
            )}
            <Area
              dataKey="band"
              name="80% band"
              legendType="square"
              stroke="none"
              fill="#5b2a86"
              fillOpacity={0.18}
              isAnimationActive={false}
            />
            <Line
              dataKey="fitted"
              name="Fitted curve"
              legendType="line"
              stroke="#5b2a86"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Scatter
              data={data.estimates}
              dataKey="quality"
              name="Estimates"
              fill="#1c71d8"
              isAnimationActive={false}
            >
              <ErrorBar dataKey="qualityError" direction="y" stroke="#1c71d8" />
              <ErrorBar dataKey="effortError" direction="x" stroke="#1c71d8" />
            </Scatter>
            {data.measured.length > 0 && (
              <Scatter
                data={data.measured}
                dataKey="quality"
                name="Measured"
                fill="#c01c28"
                shape="diamond"
                isAnimationActive={false}
              />
            )}
            {ceiling && (
              <ReferenceLine
                y={ceiling.value}
                stroke="#1a5fb4"
                strokeDasharray="6 3"
                label={{
                  value: `Human ceiling ${fmt(ceiling.value)}${ceilingMetric}${ciText}`,
                  position: ceilingAbove ? 'insideBottomLeft' : 'insideTopLeft',
                  fontSize: 12,
                }}
              />
            )}
            {target !== null && (
              <ReferenceLine
                y={target}
                stroke="#26a269"
                label={{
                  value: `Target ${fmt(target)}`,
                  position: ceilingAbove ? 'insideTopLeft' : 'insideBottomLeft',
                  fontSize: 12,
                }}
              />
            )}
            <Tooltip
              labelFormatter={(x) => (typeof x === 'number' ? formatLogDays(x) : String(x))}
              formatter={(value) =>
                Array.isArray(value) ? value.map((v) => fmt(Number(v))).join(' – ') : fmt(Number(value))
              }
            />
            {/* No fixed height: on a phone the legend wraps, and recharts then makes room for its lines. */}
            <Legend verticalAlign="top" />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <details className="tradeoff-chart__table">
        <summary>Chart data as a table</summary>
        <DataTable
          label="Fitted curve and its 80% band"
          caption="Fitted curve and its 80% band"
          columns={['Effort', `Fitted ${metricName}`, '80% band']}
        >
          {data.curve
            .filter((_, i) => i % 6 === 0)
            .map((row) => (
              <tr key={row.x}>
                <td>{formatDays(row.days)}</td>
                <td>{fmt(row.fitted)}</td>
                <td>
                  {fmt(row.band[0])} – {fmt(row.band[1])}
                </td>
              </tr>
            ))}
        </DataTable>
      </details>
    </section>
  );
}
