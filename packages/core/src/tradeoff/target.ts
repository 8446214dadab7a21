import { formatQuality } from '../format';

/**
 * Where the project's target quality comes from: an explicit override on the Tradeoff tab, else the
 * worksheet's `E.target-quality`; `null` when neither is set.
 */
export type TargetSource = 'tradeoff' | 'worksheet' | null;

/** The one target every place uses (verdict, Tradeoff answers, roadmap, report), with where it came from. */
export interface ResolvedTarget {
  /** On the metric's scale; null when no target is set anywhere. */
  readonly value: number | null;
  readonly source: TargetSource;
  /** The worksheet's answer on the metric's scale, kept beside an override so every place can name both. */
  readonly worksheetValue: number | null;
}

/**
 * Resolves the project's target: the Tradeoff tab's override when one is set, else the worksheet's answer.
 * The worksheet's answer is a share in [0, 1] (like the sample's ceiling), so a percentage metric reads it
 * as 100 × that share (else a target of 0.85 on a 0–100 scale would read as reached at once).
 */
export function resolveTarget(params: {
  /** The Tradeoff tab's target, on the metric's scale, or null. */
  readonly override: number | null;
  /** The worksheet's `E.target-quality`: a share in [0, 1], or null. */
  readonly worksheetShare: number | null;
  readonly maxQuality: number;
}): ResolvedTarget {
  const worksheetValue = params.worksheetShare === null ? null : params.worksheetShare * params.maxQuality;
  if (params.override !== null) {
    return { value: params.override, source: 'tradeoff', worksheetValue };
  }
  return { value: worksheetValue, source: worksheetValue === null ? null : 'worksheet', worksheetValue };
}

/**
 * The target as every place prints it, naming an override: `0.650, set on Tradeoff; the worksheet says
 * 0.800`, `0.650, set on Tradeoff` (the worksheet has none), `0.800` (the worksheet's), or null.
 * `format` prints a quality on the metric's scale (default: the scale's decimals, `formatQuality`).
 */
export function describeTarget(
  target: ResolvedTarget,
  maxQuality: number,
  format: (value: number) => string = (value) => formatQuality(value, maxQuality),
): string | null {
  if (target.value === null) return null;
  if (target.source !== 'tradeoff') return format(target.value);
  const worksheet =
    target.worksheetValue === null ? '' : `; the worksheet says ${format(target.worksheetValue)}`;
  return `${format(target.value)}, set on Tradeoff${worksheet}`;
}
