import { isBelowThreshold } from '@raisin/core/agreement';
import { formatDateOfInstant } from '@raisin/core/format';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  type Margin,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { AgreementSample } from './types';

/** One sample on the trend: its label on the x axis, its α and its ceiling (null where not computed). */
export interface TrendPoint {
  readonly label: string;
  readonly alpha: number | null;
  readonly ceiling: number | null;
  /** Whether α is below the project's batch threshold (drawn as a red point). */
  readonly below?: boolean;
}

const BELOW_COLOR = '#b3261e';

/** The α point of a sample: red and larger when the batch is below the threshold. */
function AlphaDot(props: { cx?: number; cy?: number; payload?: TrendPoint }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || payload?.alpha === null) return null;
  return payload?.below ? (
    <circle cx={cx} cy={cy} r={6} fill={BELOW_COLOR} stroke="#fff" strokeWidth={1.5} />
  ) : (
    <circle cx={cx} cy={cy} r={3} fill="#fff" stroke="#5b2a86" strokeWidth={1.5} />
  );
}

/**
 * Krippendorff's α and the human ceiling of each sample as lines, with a text alternative. With a
 * `fixed` size (for print, where a chart measured on screen would keep its width) or as wide as its box.
 */
/** An axis tick to two decimals at most: 0.5, -0.1, 1. */
const formatTick = (value: number) => String(Math.round(value * 100) / 100);

export function TrendLineChart({
  data,
  height,
  fixed,
  className,
  threshold = null,
}: {
  data: readonly TrendPoint[];
  height: number;
  fixed?: { width: number; margin: Margin };
  className?: string | undefined;
  threshold?: number | null;
}) {
  // Spans, boxes, label sets and rankings have no α: their trend is the ceiling alone, and names no α.
  const hasAlpha = data.some((point) => point.alpha !== null);
  const chart = (
    <LineChart data={data} {...(fixed && { width: fixed.width, height, margin: fixed.margin })}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" />
      {/* α can be below 0 (worse than chance): the axis then starts at the tenth below it, on round ticks. */}
      <YAxis
        domain={[(low: number) => Math.min(0, Math.floor(low * 10) / 10), 1]}
        tickFormatter={formatTick}
      />
      <Tooltip />
      <Legend {...(fixed && { align: 'left' as const })} />
      {hasAlpha && (
        <Line
          dataKey="alpha"
          name="Krippendorff's α"
          stroke="#5b2a86"
          isAnimationActive={false}
          connectNulls
          dot={<AlphaDot />}
        />
      )}
      {threshold !== null && (
        <ReferenceLine
          y={threshold}
          stroke={BELOW_COLOR}
          strokeDasharray="2 4"
          label={{ value: `Threshold ${threshold}`, position: 'insideBottomRight', fill: BELOW_COLOR }}
        />
      )}
      <Line
        dataKey="ceiling"
        name="Human ceiling"
        stroke="#1a5fb4"
        strokeDasharray="5 3"
        isAnimationActive={false}
        connectNulls
      />
    </LineChart>
  );
  return (
    <div
      role="img"
      aria-label={`Line chart: ${hasAlpha ? "Krippendorff's α and " : ''}the human ceiling for ${data.length} sample${data.length === 1 ? '' : 's'}`}
      className={className}
    >
      {fixed ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {chart}
        </ResponsiveContainer>
      )}
    </div>
  );
}

/** α and the ceiling of each sample, by upload date (oldest first), with a table beside it. */
export function TrendChart({
  samples,
  threshold = null,
}: {
  samples: readonly AgreementSample[];
  /** The project's batch threshold: drawn as a line, and batches below it get a red point. */
  threshold?: number | null;
}) {
  const data = samples.map((s) => ({
    label: `${s.name} (${formatDateOfInstant(s.createdAt)})`,
    alpha: s.alpha,
    ceiling: s.ceiling,
    below: isBelowThreshold(s.alpha, threshold) === true,
  }));
  const below = data.filter((point) => point.below).map((point) => point.label);
  return (
    <section aria-labelledby="agreement-trend">
      <h3 id="agreement-trend">Trend across samples</h3>
      <TrendLineChart data={data} height={240} className="chart" threshold={threshold} />
      {threshold !== null && (
        <p className="muted">
          {below.length === 0
            ? `Every batch is at or above the threshold α ${threshold}.`
            : `Below the threshold α ${threshold}: ${below.join(', ')}.`}
        </p>
      )}
    </section>
  );
}
