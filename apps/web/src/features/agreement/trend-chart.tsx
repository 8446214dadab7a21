import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  type Margin,
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
}

/**
 * Krippendorff's α and the human ceiling of each sample as lines, with a text alternative. With a
 * `fixed` size (for print, where a chart measured on screen would keep its width) or as wide as its box.
 */
export function TrendLineChart({
  data,
  height,
  fixed,
  className,
}: {
  data: readonly TrendPoint[];
  height: number;
  fixed?: { width: number; margin: Margin };
  className?: string | undefined;
}) {
  const chart = (
    <LineChart data={data} {...(fixed && { width: fixed.width, height, margin: fixed.margin })}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" />
      <YAxis domain={[0, 1]} />
      <Tooltip />
      <Legend />
      <Line dataKey="alpha" name="Krippendorff's α" stroke="#5b2a86" isAnimationActive={false} connectNulls />
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
      aria-label={`Line chart: Krippendorff's α and the human ceiling for ${data.length} samples`}
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
export function TrendChart({ samples }: { samples: readonly AgreementSample[] }) {
  const data = samples.map((s) => ({
    label: `${s.name} (${new Date(s.createdAt).toLocaleDateString('en-CA')})`,
    alpha: s.alpha,
    ceiling: s.ceiling,
  }));
  return (
    <section aria-labelledby="agreement-trend">
      <h3 id="agreement-trend">Trend across samples</h3>
      <TrendLineChart data={data} height={240} className="chart" />
    </section>
  );
}
