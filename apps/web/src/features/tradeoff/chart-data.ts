import { formatDays } from '@raisin/core/format';
import {
  type AttackAngle,
  durationToDays,
  logTimeTicks,
  type TradeoffSimulation,
} from '@raisin/core/tradeoff';

/** One row of the curve series: x is log10(days), so a plain linear axis draws a log-time axis. */
export interface CurveRow {
  readonly x: number;
  readonly days: number;
  readonly fitted: number;
  /** [P10, P90] of Q(t) over the draws: the 80% band. */
  readonly band: [number, number];
}

export interface EstimateRow {
  readonly x: number;
  readonly quality: number;
  readonly name: string;
  /** [below, above] the likely value, in log10 days and in quality. */
  readonly effortError: [number, number];
  readonly qualityError: [number, number];
}

export interface MeasuredRow {
  readonly x: number;
  readonly quality: number;
  readonly label: string;
}

export interface ChartData {
  readonly curve: CurveRow[];
  readonly estimates: EstimateRow[];
  readonly measured: MeasuredRow[];
  readonly ticks: Array<{ x: number; label: string }>;
  readonly domain: [number, number];
}

/** Turns the simulation and the angles into the chart's series, on a log10(days) axis. */
export function buildChartData(
  simulation: TradeoffSimulation,
  angles: readonly AttackAngle[],
  measured: ReadonlyArray<{ days: number; quality: number; label: string }>,
): ChartData {
  const { band } = simulation;
  const curve: CurveRow[] = band.days.map((days, i) => ({
    x: Math.log10(days),
    days,
    fitted: band.fitted[i] ?? Number.NaN,
    band: [band.p10[i] ?? Number.NaN, band.p90[i] ?? Number.NaN],
  }));
  const estimates: EstimateRow[] = angles.map((angle) => {
    const likely = Math.log10(durationToDays(angle.effort.likely));
    return {
      x: likely,
      quality: angle.quality.likely,
      name: angle.name,
      effortError: [
        likely - Math.log10(durationToDays(angle.effort.low)),
        Math.log10(durationToDays(angle.effort.high)) - likely,
      ],
      qualityError: [angle.quality.likely - angle.quality.low, angle.quality.high - angle.quality.likely],
    };
  });
  const first = band.days[0] ?? 1;
  const last = band.days.at(-1) ?? 365;
  const ticks = logTimeTicks(first, last).map((tick) => ({ x: Math.log10(tick.days), label: tick.label }));
  return {
    curve,
    estimates,
    measured: measured.map((point) => ({
      x: Math.log10(point.days),
      quality: point.quality,
      label: point.label,
    })),
    ticks,
    domain: [Math.log10(first), Math.log10(last)],
  };
}

/** "3 weeks" for a log10(days) axis value. */
export function formatLogDays(x: number): string {
  return formatDays(10 ** x);
}

/**
 * The quality axis's range: the band where something happens (the curve's 80% band, the estimates with
 * their ranges, measured points, the target and the ceiling with its CI), widened by a step on each side
 * and rounded out to steps of a twentieth of the metric's range (0.05 on 0–1), within [0, maxQuality].
 * A fixed 0–1 axis squeezes a 0.55–0.9 story into its top third.
 */
export function qualityDomain(
  data: ChartData,
  maxQuality: number,
  marks: ReadonlyArray<number | null>,
): [number, number] {
  const values: number[] = [];
  for (const row of data.curve) values.push(row.fitted, row.band[0], row.band[1]);
  for (const row of data.estimates)
    values.push(row.quality - row.qualityError[0], row.quality + row.qualityError[1]);
  for (const row of data.measured) values.push(row.quality);
  for (const mark of marks) if (mark !== null) values.push(mark);
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return [0, maxQuality];
  const step = maxQuality / 20;
  const low = Math.max(0, Math.floor(Math.min(...finite) / step - 1e-9) * step - step);
  const high = Math.min(maxQuality, Math.ceil(Math.max(...finite) / step + 1e-9) * step + step);
  // Rounded to the step's decimals, so ticks read 0.55, not 0.5500000000000001.
  const round = (value: number) => Number(value.toFixed(6));
  return [round(low), round(high)];
}
