// Shared by the tradeoff and report tests: the settings a project starts with and the seed angles as an
// editor stores them, so each test states only what it changes.
import type { TradeoffComputationSettings } from './inputs';
import { adoptedAngleName, seedAttackAngles } from './seed';
import { DEFAULT_TRADEOFF_SETTINGS } from './settings';
import type { AttackAngle } from './types';

/** Accuracy in [0, 1], no target, ceiling override or money: override what the test is about. */
export function computationSettings(
  overrides: Partial<TradeoffComputationSettings> = {},
): TradeoffComputationSettings {
  const { metricName: _shownOnly, ...defaults } = DEFAULT_TRADEOFF_SETTINGS;
  return {
    ...defaults,
    ...overrides,
  };
}

/** The four seed angles as a team that adopted them stores them: optional fields filled, names unmarked. */
export function storedSeedAngles() {
  return seedAttackAngles().map((angle) => ({
    ...angle,
    name: adoptedAngleName(angle.name),
    costRate: angle.costRate ?? null,
    riskNotes: angle.riskNotes ?? '',
  }));
}

/**
 * The case a reviewer met: the seed angles, names unmarked, with the keyword rule at 0.55 (0.5 to 0.6)
 * after a minute. Against a measured ceiling of 0.683 every other estimate is above it, so a target of
 * 0.65 is reached only on the way from the keyword rule to the baseline, after hours.
 */
export function weakKeywordRuleAngles(): AttackAngle[] {
  const [keywordRule, ...others] = seedAttackAngles().map((angle) => ({
    ...angle,
    name: adoptedAngleName(angle.name),
  }));
  if (keywordRule === undefined) throw new Error('the seed angles start with the keyword rule');
  return [{ ...keywordRule, quality: { low: 0.5, likely: 0.55, high: 0.6 } }, ...others];
}
