import { err, ok, type Result } from '../shared';
import { DAYS_PER_UNIT, durationToDays } from './durations';
import type { AttackAngle, CostRate } from './types';
import { type TradeoffInputIssue, validateTradeoffInputs } from './validate';

/**
 * How quality turns into money, in one of two modes:
 * - `per-quality-point`: value = (quality − baseline) / pointSize × valuePerPoint, where a point is one
 *   hundredth of the metric's range (one percentage point of accuracy when maxQuality = 1);
 * - `per-error-avoided`: value = errors avoided × costPerError, with errors avoided =
 *   (quality − baseline) / maxQuality × volume (quality read as the share of the `volume` predictions
 *   that are right, so each point of quality above the baseline avoids that share of errors).
 * `baselineQuality` is what happens without the project (today's process); it defaults to 0, which
 * credits every angle with all of its quality, so set it to today's level for a fair comparison.
 */
export type ValueModel =
  | { readonly mode: 'per-quality-point'; readonly valuePerPoint: number; readonly baselineQuality?: number }
  | {
      readonly mode: 'per-error-avoided';
      readonly costPerError: number;
      readonly volume: number;
      readonly baselineQuality?: number;
    };

export interface RoiOptions {
  readonly value: ValueModel;
  /** The team's cost per unit of calendar time, used for angles without their own `costRate`. */
  readonly teamCost: CostRate;
  /** Quality reached is capped at the human ceiling: more cannot be measured against these labels. */
  readonly ceiling?: number;
  /** The top of the metric's range; default 1 (accuracy, F1, …). */
  readonly maxQuality?: number;
  /** The relative change applied to effort and quality in the sensitivity analysis; default 0.2 (±20%). */
  readonly sensitivity?: number;
}

export interface RoiRow {
  readonly id: string;
  readonly name: string;
  /** 1 for the best net value. */
  readonly rank: number;
  /** The likely quality, capped at the ceiling and the metric's maximum. */
  readonly quality: number;
  readonly qualityCapped: boolean;
  /** Likely effort in days. */
  readonly effortDays: number;
  readonly cost: number;
  readonly value: number;
  readonly net: number;
}

/** One one-at-a-time perturbation: one angle's effort or quality moved by ±`sensitivity`. */
export interface SensitivityScenario {
  readonly angleId: string;
  readonly factor: 'effort' | 'quality';
  /** Relative change, e.g. −0.2 or +0.2. */
  readonly change: number;
  /** That angle's net value under the change. */
  readonly net: number;
  /** The best angle under the change. */
  readonly bestId: string;
}

export interface RoiSensitivity {
  readonly change: number;
  readonly scenarios: readonly SensitivityScenario[];
  /** Per angle, the lowest and highest net value over its own scenarios. */
  readonly netRange: Readonly<Record<string, { readonly min: number; readonly max: number }>>;
  /** True when some scenario makes another angle the best: the ranking is fragile. */
  readonly bestChanges: boolean;
}

export interface RoiAnalysis {
  /** Sorted by net value, best first (ties keep input order). */
  readonly rows: readonly RoiRow[];
  readonly bestId: string;
  readonly sensitivity: RoiSensitivity;
}

export type RoiError =
  | { readonly code: 'no_angles'; readonly message: string }
  | {
      readonly code: 'invalid_input';
      readonly issues: readonly TradeoffInputIssue[];
      readonly message: string;
    }
  | { readonly code: 'invalid_option'; readonly option: string; readonly message: string };

/** Cost per calendar day of a rate. */
function perDay(rate: CostRate): number {
  return rate.amount / DAYS_PER_UNIT[rate.per];
}

interface AngleFigures {
  readonly quality: number;
  readonly capped: boolean;
  readonly effortDays: number;
  readonly cost: number;
  readonly value: number;
  readonly net: number;
}

function evaluateAngle(
  angle: AttackAngle,
  options: RoiOptions,
  effortFactor: number,
  qualityFactor: number,
): AngleFigures {
  const maxQuality = options.maxQuality ?? 1;
  const cap = Math.min(options.ceiling ?? Number.POSITIVE_INFINITY, maxQuality);
  const baseline = options.value.baselineQuality ?? 0;
  const raw = baseline + (angle.quality.likely - baseline) * qualityFactor;
  const quality = Math.min(raw, cap);
  const effortDays = durationToDays(angle.effort.likely) * effortFactor;
  const cost = effortDays * perDay(angle.costRate ?? options.teamCost) + (angle.fixedCost ?? 0);
  const model = options.value;
  const gain = quality - baseline;
  const value =
    model.mode === 'per-quality-point'
      ? (gain / (maxQuality / 100)) * model.valuePerPoint
      : (gain / maxQuality) * model.volume * model.costPerError;
  return { quality, capped: raw > cap, effortDays, cost, value, net: value - cost };
}

function bestIndex(nets: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < nets.length; i++) if ((nets[i] ?? 0) > (nets[best] ?? 0)) best = i;
  return best;
}

/**
 * Return on investment per attack angle, from its likely estimates: quality reached (capped at the
 * ceiling), cost = likely effort in days × cost per day (the angle's rate, else the team's) + fixed
 * cost, value from the `ValueModel`, net = value − cost; ranked by net. Sensitivity (one-at-a-time, as
 * in a tornado chart): each angle's effort and quality moved by ±20% in turn, the others held, with
 * that angle's net and the best angle under each change, and whether any change dethrones the best.
 * The quality change applies to the gain over the baseline ((likely − baseline) × 1.2, capped), since
 * ±20% of an absolute accuracy (0.82 → 0.66) is far beyond any real estimation error, while ±20% of
 * the improvement is the uncertainty people actually have.
 */
export function analyzeRoi(
  angles: readonly AttackAngle[],
  options: RoiOptions,
): Result<RoiAnalysis, RoiError> {
  if (angles.length === 0) return err({ code: 'no_angles', message: 'Add at least one attack angle' });
  const issues = validateTradeoffInputs(angles);
  if (issues.length > 0) {
    return err({ code: 'invalid_input', issues, message: issues.map((issue) => issue.message).join('; ') });
  }
  const change = options.sensitivity ?? 0.2;
  if (!(change >= 0 && change < 1)) {
    return err({ code: 'invalid_option', option: 'sensitivity', message: 'sensitivity must be in [0, 1)' });
  }
  if (!(perDay(options.teamCost) >= 0 && Number.isFinite(perDay(options.teamCost)))) {
    return err({
      code: 'invalid_option',
      option: 'teamCost',
      message: 'The team cost must be a non-negative number',
    });
  }
  if (options.maxQuality !== undefined && !(options.maxQuality > 0)) {
    return err({ code: 'invalid_option', option: 'maxQuality', message: 'maxQuality must be positive' });
  }

  const base = angles.map((angle) => evaluateAngle(angle, options, 1, 1));
  const baseNets = base.map((figures) => figures.net);
  const order = angles.map((_, i) => i).sort((a, b) => (baseNets[b] ?? 0) - (baseNets[a] ?? 0) || a - b);
  const rows: RoiRow[] = order.map((i, position) => {
    const angle = angles[i] as AttackAngle;
    const figures = base[i] as AngleFigures;
    return {
      id: angle.id,
      name: angle.name,
      rank: position + 1,
      quality: figures.quality,
      qualityCapped: figures.capped,
      effortDays: figures.effortDays,
      cost: figures.cost,
      value: figures.value,
      net: figures.net,
    };
  });
  const bestId = rows[0]?.id ?? '';

  const scenarios: SensitivityScenario[] = [];
  const netRange: Record<string, { min: number; max: number }> = {};
  angles.forEach((angle, i) => {
    let min = baseNets[i] ?? 0;
    let max = min;
    for (const factor of ['effort', 'quality'] as const) {
      for (const sign of [-1, 1]) {
        const multiplier = 1 + sign * change;
        const figures = evaluateAngle(
          angle,
          options,
          factor === 'effort' ? multiplier : 1,
          factor === 'quality' ? multiplier : 1,
        );
        const nets = baseNets.slice();
        nets[i] = figures.net;
        scenarios.push({
          angleId: angle.id,
          factor,
          change: sign * change,
          net: figures.net,
          bestId: angles[bestIndex(nets)]?.id ?? '',
        });
        min = Math.min(min, figures.net);
        max = Math.max(max, figures.net);
      }
    }
    netRange[angle.id] = { min, max };
  });

  return ok({
    rows,
    bestId,
    sensitivity: {
      change,
      scenarios,
      netRange,
      bestChanges: scenarios.some((scenario) => scenario.bestId !== bestId),
    },
  });
}
