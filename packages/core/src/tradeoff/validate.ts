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

/** Field checks that add to one list of issues, each naming its field's path. */
function fieldChecks(issues: TradeoffInputIssue[], qualityRange: QualityRange | undefined) {
  return {
    quality(path: string, value: number) {
      if (!Number.isFinite(value)) {
        issues.push({ path, code: 'not_finite', message: `${path} must be a number` });
      } else if (qualityRange && (value < qualityRange.min || value > qualityRange.max)) {
        issues.push({
          path,
          code: 'out_of_range',
          message: `${path} must lie in the metric's range [${qualityRange.min}, ${qualityRange.max}]`,
        });
      }
    },
    effort(path: string, days: number) {
      if (!Number.isFinite(days))
        issues.push({ path, code: 'not_finite', message: `${path} must be a number` });
      else if (!(days > 0))
        issues.push({ path, code: 'not_positive', message: `${path} must be a positive duration` });
    },
    order(path: string, low: number, likely: number, high: number, what: string) {
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
    },
  };
}

/**
 * Checks one attack angle field by field: efforts positive and finite, low ≤ likely ≤ high for effort
 * (compared in days) and quality, qualities finite and within `qualityRange` when given, costs
 * non-negative. Paths are the angle's own (`quality.low`), after `prefix` (`angles.2.` in a list).
 */
export function validateAttackAngle(
  angle: AttackAngle,
  qualityRange?: QualityRange,
  prefix = '',
): TradeoffInputIssue[] {
  const issues: TradeoffInputIssue[] = [];
  const check = fieldChecks(issues, qualityRange);
  const low = durationToDays(angle.effort.low);
  const likely = durationToDays(angle.effort.likely);
  const high = durationToDays(angle.effort.high);
  check.effort(`${prefix}effort.low`, low);
  check.effort(`${prefix}effort.likely`, likely);
  check.effort(`${prefix}effort.high`, high);
  check.order(`${prefix}effort`, low, likely, high, `${angle.name} effort`);
  const { quality } = angle;
  check.quality(`${prefix}quality.low`, quality.low);
  check.quality(`${prefix}quality.likely`, quality.likely);
  check.quality(`${prefix}quality.high`, quality.high);
  check.order(`${prefix}quality`, quality.low, quality.likely, quality.high, `${angle.name} quality`);
  if (angle.costRate && !(angle.costRate.amount >= 0 && Number.isFinite(angle.costRate.amount))) {
    issues.push({
      path: `${prefix}costRate.amount`,
      code: 'not_finite',
      message: 'A cost rate must be a non-negative number',
    });
  }
  if (angle.fixedCost !== undefined && !(angle.fixedCost >= 0 && Number.isFinite(angle.fixedCost))) {
    issues.push({
      path: `${prefix}fixedCost`,
      code: 'not_finite',
      message: 'A fixed cost must be a non-negative number',
    });
  }
  return issues;
}

/**
 * Checks attack angles (`validateAttackAngle`, paths `angles.<i>.…`) and measured points (effort
 * positive, quality finite and in range, paths `measured.<i>.…`). Returns every issue; empty when valid.
 */
export function validateTradeoffInputs(
  angles: readonly AttackAngle[],
  measured: readonly MeasuredPoint[] = [],
  qualityRange?: QualityRange,
): TradeoffInputIssue[] {
  const issues = angles.flatMap((angle, index) =>
    validateAttackAngle(angle, qualityRange, `angles.${index}.`),
  );
  const check = fieldChecks(issues, qualityRange);
  measured.forEach((point, index) => {
    check.effort(`measured.${index}.effort`, durationToDays(point.effort));
    check.quality(`measured.${index}.quality`, point.quality);
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
