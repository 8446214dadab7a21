import type { Interval } from '../types';
import { type BootstrapSettings, groupedUnitIntervals } from './grouped-bootstrap';

/**
 * Per component, the mean over units of the defined (finite) values of `values` (units × width, row-major),
 * each unit weighted by `weights` (all 1 when `null`); NaN when no unit defines it.
 */
function weightedMeans(
  values: Float64Array,
  width: number,
  units: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  out: Float64Array,
): void {
  for (let c = 0; c < width; c++) {
    let total = 0;
    let weight = 0;
    for (let t = 0; t < units.length; t++) {
      const value = values[(units[t] ?? 0) * width + c] ?? Number.NaN;
      if (!Number.isFinite(value)) continue;
      const w = weights === null ? 1 : (weights[t] ?? 0);
      total += w * value;
      weight += w;
    }
    out[c] = weight > 0 ? total / weight : Number.NaN;
  }
}

/** Point estimates: per component, the mean of the units' defined values. */
export function unitMeans(values: Float64Array, width: number): Float64Array {
  const out = new Float64Array(width);
  const units = Int32Array.from({ length: values.length / width }, (_, u) => u);
  weightedMeans(values, width, units, null, out);
  return out;
}

/**
 * Percentile bootstrap intervals over units (Efron & Tibshirani 1993, ch. 6) of `unitMeans`: units with
 * the same values are grouped and a resample is a multinomial draw over the groups (`compressedBootstrap`).
 */
export function unitMeanIntervals(
  values: Float64Array,
  width: number,
  settings: BootstrapSettings,
): (Interval | null)[] {
  const unitCount = values.length / width;
  if (settings.resamples <= 0 || unitCount === 0) return Array.from({ length: width }, () => null);
  return groupedUnitIntervals(
    unitCount,
    (u) => values.subarray(u * width, (u + 1) * width).join(','),
    width,
    (units, weights, out) => weightedMeans(values, width, units, weights, out),
    settings,
  );
}
