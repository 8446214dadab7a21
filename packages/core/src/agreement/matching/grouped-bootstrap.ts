import type { Resample, ResampledStatistic } from '../bootstrap';
import { compressedBootstrap } from '../compressed-bootstrap';
import type { Interval } from '../types';

export interface BootstrapSettings {
  readonly resamples: number;
  readonly seed: number;
  readonly confidence: number;
}

/**
 * Percentile bootstrap intervals over units (Efron & Tibshirani 1993, ch. 6) of a statistic that is a
 * weighted function of units. Units with the same `keyOf` contribute the same, so they are grouped and a
 * resample is a multinomial draw over the groups (`compressedBootstrap`): exactly the per-unit bootstrap at
 * the cost of the distinct groups. `weighted(units, weights, out)` writes the statistic's `size` measures
 * for the units, each counted `weights[t]` times. `null` for a measure undefined in over half the resamples.
 */
export function groupedUnitIntervals(
  unitCount: number,
  keyOf: (unit: number) => string,
  size: number,
  weighted: (units: ArrayLike<number>, weights: ArrayLike<number>, out: Float64Array) => void,
  settings: BootstrapSettings,
): (Interval | null)[] {
  const groupOf = new Map<string, number>();
  const representatives: number[] = [];
  const sizes: number[] = [];
  for (let u = 0; u < unitCount; u++) {
    const key = keyOf(u);
    const group = groupOf.get(key);
    if (group === undefined) {
      groupOf.set(key, representatives.length);
      representatives.push(u);
      sizes.push(1);
    } else sizes[group] = (sizes[group] ?? 0) + 1;
  }
  const groupUnits = Int32Array.from(representatives);
  const drawnUnits = new Int32Array(groupUnits.length);
  const drawnWeights = new Int32Array(groupUnits.length);
  const statistic: ResampledStatistic = {
    size,
    evaluate(resample: Resample | null, out: Float64Array): void {
      if (resample === null) {
        weighted(groupUnits, sizes, out);
        return;
      }
      for (let t = 0; t < resample.count; t++) {
        const g = resample.items[t] ?? 0;
        drawnUnits[t] = groupUnits[g] ?? 0;
        drawnWeights[t] = resample.weights[g] ?? 0;
      }
      weighted(drawnUnits.subarray(0, resample.count), drawnWeights.subarray(0, resample.count), out);
    },
  };
  const [level] = compressedBootstrap([{ sizes: Int32Array.from(sizes), statistics: [statistic] }], settings);
  return Array.from({ length: size }, (_, m) => level?.[0]?.[m]?.interval ?? null);
}
