import { trustedClientToday } from '../shared';
import { durationToDays } from './durations';
import type { AttackAngle, MeasuredPoint } from './types';

export interface TradeoffInputIssue {
  /** Dotted path of the offending field, e.g. `angles.2.effort.high`. */
  readonly path: string;
  readonly code:
    | 'not_positive'
    | 'not_finite'
    | 'out_of_order'
    | 'out_of_range'
    | 'in_the_future'
    | 'not_a_date';
  readonly message: string;
}

export interface QualityRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Checks attack angles and measured points field by field: efforts positive and finite,
 * low ≤ likely ≤ high for effort (compared in days) and quality, qualities finite and within
 * `qualityRange` when given. Returns every issue with the path of its field; empty when valid.
 */
export function validateTradeoffInputs(
  angles: readonly AttackAngle[],
  measured: readonly MeasuredPoint[] = [],
  qualityRange?: QualityRange,
): TradeoffInputIssue[] {
  const issues: TradeoffInputIssue[] = [];
  const checkQuality = (path: string, value: number) => {
    if (!Number.isFinite(value)) {
      issues.push({ path, code: 'not_finite', message: `${path} must be a number` });
    } else if (qualityRange && (value < qualityRange.min || value > qualityRange.max)) {
      issues.push({
        path,
        code: 'out_of_range',
        message: `${path} must lie in the metric's range [${qualityRange.min}, ${qualityRange.max}]`,
      });
    }
  };
  const checkEffort = (path: string, days: number) => {
    if (!Number.isFinite(days))
      issues.push({ path, code: 'not_finite', message: `${path} must be a number` });
    else if (!(days > 0))
      issues.push({ path, code: 'not_positive', message: `${path} must be a positive duration` });
  };
  const checkOrder = (path: string, low: number, likely: number, high: number, what: string) => {
    if (low > likely) {
      issues.push({
        path: `${path}.low`,
        code: 'out_of_order',
        message: `${what}: low must not exceed likely`,
      });
    }
    if (likely > high) {
      issues.push({
        path: `${path}.high`,
        code: 'out_of_order',
        message: `${what}: high must not be below likely`,
      });
    }
  };

  angles.forEach((angle, index) => {
    const base = `angles.${index}`;
    const low = durationToDays(angle.effort.low);
    const likely = durationToDays(angle.effort.likely);
    const high = durationToDays(angle.effort.high);
    checkEffort(`${base}.effort.low`, low);
    checkEffort(`${base}.effort.likely`, likely);
    checkEffort(`${base}.effort.high`, high);
    checkOrder(`${base}.effort`, low, likely, high, `${angle.name} effort`);
    checkQuality(`${base}.quality.low`, angle.quality.low);
    checkQuality(`${base}.quality.likely`, angle.quality.likely);
    checkQuality(`${base}.quality.high`, angle.quality.high);
    checkOrder(
      `${base}.quality`,
      angle.quality.low,
      angle.quality.likely,
      angle.quality.high,
      `${angle.name} quality`,
    );
    if (angle.costRate && !(angle.costRate.amount >= 0 && Number.isFinite(angle.costRate.amount))) {
      issues.push({
        path: `${base}.costRate.amount`,
        code: 'not_finite',
        message: 'A cost rate must be a non-negative number',
      });
    }
    if (angle.fixedCost !== undefined && !(angle.fixedCost >= 0 && Number.isFinite(angle.fixedCost))) {
      issues.push({
        path: `${base}.fixedCost`,
        code: 'not_finite',
        message: 'A fixed cost must be a non-negative number',
      });
    }
  });
  measured.forEach((point, index) => {
    checkEffort(`measured.${index}.effort`, durationToDays(point.effort));
    checkQuality(`measured.${index}.quality`, point.quality);
  });
  return issues;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The last calendar date a measurement may carry: the person's own today (`trustedClientToday`). */
export function latestMeasurementDate(now: Date, clientToday?: string | null): string {
  return trustedClientToday(now, clientToday);
}

/**
 * Checks the date a quality was measured (`measuredOn`, YYYY-MM-DD): a real calendar date, not after
 * `latest` (`latestMeasurementDate`), since a measurement in the future has not happened. Null when valid.
 */
export function validateMeasuredOn(measuredOn: string, latest: string): TradeoffInputIssue | null {
  const time = Date.parse(`${measuredOn}T00:00:00Z`);
  if (
    !ISO_DATE.test(measuredOn) ||
    Number.isNaN(time) ||
    new Date(time).toISOString().slice(0, 10) !== measuredOn
  ) {
    return { path: 'measuredOn', code: 'not_a_date', message: 'measuredOn: give a date as YYYY-MM-DD' };
  }
  if (measuredOn > latest) {
    return {
      path: 'measuredOn',
      code: 'in_the_future',
      message: `measuredOn: ${measuredOn} is in the future (today is ${latest}); give the day the quality was measured`,
    };
  }
  return null;
}
