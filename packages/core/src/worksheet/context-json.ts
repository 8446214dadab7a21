import { ceilingMetricName, isAccuracyCeiling } from '../agreement/ceiling-metric';
import type { TradeoffSummary } from '../tradeoff';
import type { WorksheetContext } from './answers';

/**
 * The other tabs' values as they travel in JSON (the API's worksheet context): JSON has no Infinity,
 * so a time to target never reached is null, and a missing tab is null rather than an absent key.
 */
export interface WorksheetContextJson {
  readonly humanCeiling: {
    readonly value: number;
    readonly ci: readonly [number, number] | null;
    readonly sampleName: string;
    /** What it is measured in when not an accuracy ("span F1", "Kendall's τ"…); absent or null for accuracy. */
    readonly metric?: string | null;
  } | null;
  readonly bestAngle: { readonly name: string; readonly expectedQuality: number } | null;
  /** A target set on the Tradeoff tab (a share in [0, 1]); null when the worksheet's answer is the target. */
  readonly targetOverride?: { readonly value: number } | null;
  readonly timeToTarget: {
    readonly p10Days?: number | null;
    readonly p50Days: number | null;
    readonly p90Days: number | null;
  } | null;
  readonly maturityLevel: 0 | 1 | 2 | null;
}

/** The other tabs' values as the core rules read them; a time never reached arrives as null and means Infinity. */
export function toWorksheetContext(dto: WorksheetContextJson): WorksheetContext {
  const never = (days: number | null) => days ?? Number.POSITIVE_INFINITY;
  return {
    ...(dto.humanCeiling && {
      humanCeiling: {
        value: dto.humanCeiling.value,
        ...(dto.humanCeiling.ci && { ci: dto.humanCeiling.ci }),
        ...(dto.humanCeiling.metric && { metric: dto.humanCeiling.metric }),
      },
    }),
    ...(dto.bestAngle && { bestAngle: dto.bestAngle }),
    ...(dto.targetOverride && { targetOverride: { value: dto.targetOverride.value } }),
    ...(dto.timeToTarget && {
      timeToTarget: {
        ...(dto.timeToTarget.p10Days !== undefined && { p10Days: never(dto.timeToTarget.p10Days) }),
        p50Days: never(dto.timeToTarget.p50Days),
        p90Days: never(dto.timeToTarget.p90Days),
      },
    }),
    ...(dto.maturityLevel !== null && { maturityLevel: dto.maturityLevel }),
  };
}

const finiteOrNull = (days: number) => (Number.isFinite(days) ? days : null);

/**
 * What the other tabs tell the worksheet, from their cross-feature summaries: the reference sample's
 * ceiling, the tradeoff summary (null while no editor changed the tab; examples never count) and the self-assessed MLOps
 * level (null while never saved). The Worksheet tab, the report and the portfolio all read it from here.
 */
export function worksheetContextFromTabs(tabs: {
  readonly ceiling: {
    readonly value: number;
    readonly ci: readonly [number, number] | null;
    readonly sampleName: string;
    /** The report's `humanCeiling.basis`, when read: a ceiling not in accuracy is named with its metric. */
    readonly basis?: string | null;
  } | null;
  readonly tradeoff: TradeoffSummary | null;
  readonly maturityLevel: 0 | 1 | 2 | null;
}): WorksheetContextJson {
  const { ceiling, tradeoff } = tabs;
  return {
    humanCeiling: ceiling && {
      value: ceiling.value,
      ci: ceiling.ci,
      sampleName: ceiling.sampleName,
      metric: ceiling.basis && !isAccuracyCeiling(ceiling.basis) ? ceilingMetricName(ceiling.basis) : null,
    },
    bestAngle: tradeoff?.bestAngle
      ? { name: tradeoff.bestAngle.name, expectedQuality: tradeoff.bestAngle.quality }
      : null,
    // A target set on the Tradeoff tab replaces the worksheet's in every rule (a share, like the answer).
    targetOverride:
      tradeoff?.target.source === 'tradeoff' && tradeoff.target.value !== null
        ? { value: tradeoff.target.value / tradeoff.maxQuality }
        : null,
    timeToTarget: tradeoff?.timeToTarget
      ? {
          p10Days: finiteOrNull(tradeoff.timeToTarget.p10Days),
          p50Days: finiteOrNull(tradeoff.timeToTarget.p50Days),
          p90Days: finiteOrNull(tradeoff.timeToTarget.p90Days),
        }
      : null,
    maturityLevel: tabs.maturityLevel,
  };
}
