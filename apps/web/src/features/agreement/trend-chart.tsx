import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AgreementSample } from './types';

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
      <div
        role="img"
        aria-label={`Line chart: Krippendorff's α and the human ceiling for ${samples.length} samples`}
        className="chart"
      >
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis domain={[0, 1]} />
            <Tooltip />
            <Legend />
            <Line
              dataKey="alpha"
              name="Krippendorff's α"
              stroke="#5b2a86"
              isAnimationActive={false}
              connectNulls
            />
            <Line
              dataKey="ceiling"
              name="Human ceiling"
              stroke="#1a5fb4"
              strokeDasharray="5 3"
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
