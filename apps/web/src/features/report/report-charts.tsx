import { formatDays, formatQuality } from '@raisin/core/format';
import type { ReportAgreementSection, ReportTradeoffSection } from '@raisin/core/report';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useFittedWidth } from '../../lib/use-fitted-width';
import { TrendLineChart } from '../agreement/trend-chart';

// Fixed sizes, not ResponsiveContainer: a chart measured on screen keeps its width on paper, and
// 640 × 280 px fits an A4 page between 18 mm margins. A narrower screen draws them at its width.
const WIDTH = 640;
const HEIGHT = 280;
const MARGIN = { top: 12, right: 24, bottom: 8, left: 8 };

/** The fitted curve with its 80% band on a log-time axis, the estimates, the ceiling and the target. */
export function ReportTradeoffChart({ section }: { section: ReportTradeoffSection }) {
  const [box, width] = useFittedWidth(WIDTH);
  const rows = section.curve.map((p) => ({ days: p.days, fitted: p.fitted, band: [p.p10, p.p90] }));
  const estimates = section.angles.map((a) => ({
    days: a.effortDays.likely,
    quality: a.quality.likely,
    name: a.name,
  }));
  // The decimals of the metric's scale (85.0 on 0–100, 0.850 on 0–1), as on the Tradeoff tab.
  const fmt = (q: number) => formatQuality(q, section.maxQuality);
  const ceiling = section.ceiling === null ? '' : `, ceiling ${fmt(section.ceiling)}`;
  const target = section.target === null ? '' : `, target ${fmt(section.target)}`;
  // The two lines are often close (a target just under the ceiling): the upper one's name goes above it,
  // the lower one's below (recharts' "insideBottom" of a horizontal line is above it), at the left, where the
  // curve starts low, so neither sits on the other or on the curve.
  const ceilingAbove =
    section.ceiling === null || section.target === null || section.ceiling >= section.target;
  return (
    <figure className="report-chart" ref={box}>
      <div
        role="img"
        aria-label={`Chart: quality against effort on a log-time axis, fitted curve with its 80% band and ${estimates.length} estimates${ceiling}${target}`}
      >
        <ComposedChart width={width} height={HEIGHT} data={rows} margin={MARGIN}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="days"
            type="number"
            scale="log"
            domain={['auto', 'auto']}
            tickFormatter={(d: number) => formatDays(d)}
            allowDataOverflow
          />
          <YAxis type="number" domain={[0, section.maxQuality]} tickFormatter={fmt} />
          <Tooltip
            formatter={(value) =>
              Array.isArray(value) ? value.map((v) => fmt(Number(v))).join(' – ') : fmt(Number(value))
            }
          />
          <Legend />
          <Area dataKey="band" name="80% band" fill="#c9b6e4" stroke="none" isAnimationActive={false} />
          <Line dataKey="fitted" name="Fitted curve" stroke="#5b2a86" dot={false} isAnimationActive={false} />
          <Scatter
            data={estimates}
            dataKey="quality"
            name="Estimates (likely)"
            fill="#1a5fb4"
            isAnimationActive={false}
          />
          {section.ceiling !== null && (
            <ReferenceLine
              y={section.ceiling}
              stroke="#c01c28"
              strokeDasharray="6 3"
              label={{ value: 'Ceiling', position: ceilingAbove ? 'insideBottomLeft' : 'insideTopLeft' }}
            />
          )}
          {section.target !== null && (
            <ReferenceLine
              y={section.target}
              stroke="#26a269"
              strokeDasharray="2 2"
              label={{ value: 'Target', position: ceilingAbove ? 'insideTopLeft' : 'insideBottomLeft' }}
            />
          )}
        </ComposedChart>
      </div>
      <figcaption className="muted">
        Quality against effort (log scale); the shaded band holds 80% of outcomes.
      </figcaption>
    </figure>
  );
}

/** Krippendorff's α and the ceiling of each sample, oldest first. */
export function ReportTrendChart({ section }: { section: ReportAgreementSection }) {
  const data = section.trend.map((s) => ({ label: s.sampleName, alpha: s.alpha, ceiling: s.ceiling }));
  const [box, width] = useFittedWidth(WIDTH);
  return (
    <figure className="report-chart" ref={box}>
      <TrendLineChart data={data} height={220} fixed={{ width, margin: MARGIN }} />
      <figcaption className="muted">Agreement across samples, by upload.</figcaption>
    </figure>
  );
}
