// Shared by the tradeoff and report tests: the settings a project starts with and the seed angles as an
// editor stores them, so each test states only what it changes.
import type { TradeoffComputationSettings } from './inputs';
import { adoptedAngleName, seedAttackAngles } from './seed';
import { DEFAULT_TRADEOFF_SETTINGS } from './settings';

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
