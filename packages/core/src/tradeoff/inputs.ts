import { type Duration, daysToDuration } from './durations';
import type { ThreePointEstimate } from './pert';
import type { RoiOptions, ValueModel } from './roi';
import { type ResolvedTarget, resolveTarget, type TargetSource } from './target';
import type { AttackAngle, CostRate, EffortEstimate, MeasuredPoint } from './types';

/** A measured point as stored: the effort spent, or the date it was measured (effort counted from the start). */
export interface StoredMeasuredPoint {
  readonly id: string;
  readonly effort: Duration | null;
  /** ISO calendar date, YYYY-MM-DD. */
  readonly measuredOn: string | null;
  readonly quality: number;
  readonly label: string;
}

/** An attack angle as stored (a risk note is always a string, possibly empty). */
export interface StoredAttackAngle {
  readonly id: string;
  readonly name: string;
  readonly effort: EffortEstimate;
  readonly quality: ThreePointEstimate;
  readonly costRate: CostRate | null;
  readonly riskNotes: string;
}

/** The settings that decide how the tradeoff is computed. */
export interface TradeoffComputationSettings {
  readonly maxQuality: number;
  readonly targetQuality: number | null;
  readonly ceilingOverride: number | null;
  readonly value: {
    readonly mode: 'per-quality-point' | 'per-error-avoided';
    readonly valuePerPoint: number | null;
    readonly costPerError: number | null;
    readonly volume: number | null;
    readonly baselineQuality: number | null;
  };
  readonly teamCost: CostRate | null;
  readonly workStartedOn: string | null;
}

export type CeilingSource = 'override' | 'reference-sample' | null;

/** Everything `simulateTradeoff` and `analyzeRoi` need, resolved from what is stored. */
export interface ResolvedTradeoffInputs {
  readonly angles: AttackAngle[];
  readonly measured: MeasuredPoint[];
  /** Measured points left out, with why (a date before the start, or no start date). */
  readonly skippedMeasured: ReadonlyArray<{ readonly id: string; readonly reason: string }>;
  /** The resolved target's value on the metric's scale (`resolvedTarget.value`). */
  readonly target: number | null;
  readonly targetSource: TargetSource;
  /** The one target, with its source and the worksheet's answer beside an override (`resolveTarget`). */
  readonly resolvedTarget: ResolvedTarget;
  readonly ceiling: number | null;
  readonly ceilingSource: CeilingSource;
  readonly maxQuality: number;
  /** Null until both a value model and a team cost are set. */
  readonly roi: RoiOptions | null;
}

const MS_PER_DAY = 86_400_000;

/** Days from `start` to `end` (ISO calendar dates, UTC), or NaN when either does not parse. */
export function daysBetween(start: string, end: string): number {
  return (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / MS_PER_DAY;
}

function valueModel(settings: TradeoffComputationSettings): ValueModel | null {
  const { value } = settings;
  const baseline = value.baselineQuality === null ? {} : { baselineQuality: value.baselineQuality };
  if (value.mode === 'per-quality-point') {
    return value.valuePerPoint === null
      ? null
      : { mode: 'per-quality-point', valuePerPoint: value.valuePerPoint, ...baseline };
  }
  return value.costPerError === null || value.volume === null
    ? null
    : { mode: 'per-error-avoided', costPerError: value.costPerError, volume: value.volume, ...baseline };
}

/**
 * A share in [0, 1] on the metric's scale: the reference sample's ceiling (the agreement engine gives a
 * share) and the worksheet's target (a score in [0, 1]). A metric whose range is [0, 100] (a percentage)
 * reads it as 100 × that share, or every estimate would sit above a ceiling of 0.9 and the curve would
 * be flattened under it (and a target of 0.85 would read as reached at once).
 */
export function referenceCeilingOnMetric(share: number | null, maxQuality: number): number | null {
  return share === null ? null : share * maxQuality;
}

/**
 * Resolves stored tradeoff data into the core's inputs. The target is `resolveTarget`'s: the settings'
 * override, else the worksheet's (`E.target-quality`, on the metric's scale); the ceiling is the settings' override, else the reference sample's
 * (on the metric's scale, `referenceCeilingOnMetric`).
 * A measured point given by date gets the effort from `workStartedOn` (else `fallbackStart`, the
 * project's creation day) to that date; one dated on or before the start is skipped with a reason.
 */
export function resolveTradeoffInputs(params: {
  readonly angles: readonly StoredAttackAngle[];
  readonly measured: readonly StoredMeasuredPoint[];
  readonly settings: TradeoffComputationSettings;
  /** The reference sample's human ceiling: an accuracy, a share in [0, 1] (`humanCeiling` in docs/product.md). */
  readonly referenceCeiling: number | null;
  /** The worksheet's `E.target-quality`: a score in [0, 1], put on the metric's scale here. */
  readonly worksheetTarget: number | null;
  readonly fallbackStart: string;
}): ResolvedTradeoffInputs {
  const { settings } = params;
  const angles: AttackAngle[] = params.angles.map((angle) => ({
    id: angle.id,
    name: angle.name,
    effort: angle.effort,
    quality: angle.quality,
    ...(angle.costRate === null ? {} : { costRate: angle.costRate }),
    ...(angle.riskNotes === '' ? {} : { riskNotes: angle.riskNotes }),
  }));
  const start = settings.workStartedOn ?? params.fallbackStart;
  const measured: MeasuredPoint[] = [];
  const skippedMeasured: Array<{ id: string; reason: string }> = [];
  for (const point of params.measured) {
    const label = point.label === '' ? {} : { label: point.label };
    if (point.effort !== null) {
      measured.push({ effort: point.effort, quality: point.quality, ...label });
      continue;
    }
    const days = point.measuredOn === null ? Number.NaN : daysBetween(start, point.measuredOn);
    if (!(days > 0)) {
      skippedMeasured.push({
        id: point.id,
        reason: `measured on ${point.measuredOn ?? '?'}, not after the start of the work (${start})`,
      });
      continue;
    }
    const duration = daysToDuration(days);
    measured.push({ effort: duration, quality: point.quality, ...label });
  }
  const resolvedTarget = resolveTarget({
    override: settings.targetQuality,
    worksheetShare: params.worksheetTarget,
    maxQuality: settings.maxQuality,
  });
  const ceiling =
    settings.ceilingOverride ?? referenceCeilingOnMetric(params.referenceCeiling, settings.maxQuality);
  const value = valueModel(settings);
  return {
    angles,
    measured,
    skippedMeasured,
    target: resolvedTarget.value,
    targetSource: resolvedTarget.source,
    resolvedTarget,
    ceiling,
    ceilingSource:
      settings.ceilingOverride !== null
        ? 'override'
        : params.referenceCeiling !== null
          ? 'reference-sample'
          : null,
    maxQuality: settings.maxQuality,
    roi:
      value === null || settings.teamCost === null
        ? null
        : {
            value,
            teamCost: settings.teamCost,
            maxQuality: settings.maxQuality,
            ...(ceiling === null ? {} : { ceiling }),
          },
  };
}
