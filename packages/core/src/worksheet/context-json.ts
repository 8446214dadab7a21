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
  } | null;
  readonly bestAngle: { readonly name: string; readonly expectedQuality: number } | null;
  readonly timeToTarget: { readonly p50Days: number | null; readonly p90Days: number | null } | null;
  readonly maturityLevel: 0 | 1 | 2 | null;
}

/** The other tabs' values as the core rules read them; a time never reached arrives as null and means Infinity. */
export function toWorksheetContext(dto: WorksheetContextJson): WorksheetContext {
  const never = (days: number | null) => days ?? Number.POSITIVE_INFINITY;
  return {
    ...(dto.humanCeiling && {
      humanCeiling: dto.humanCeiling.ci
        ? { value: dto.humanCeiling.value, ci: dto.humanCeiling.ci }
        : { value: dto.humanCeiling.value },
    }),
    ...(dto.bestAngle && { bestAngle: dto.bestAngle }),
    ...(dto.timeToTarget && {
      timeToTarget: { p50Days: never(dto.timeToTarget.p50Days), p90Days: never(dto.timeToTarget.p90Days) },
    }),
    ...(dto.maturityLevel !== null && { maturityLevel: dto.maturityLevel }),
  };
}
