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
