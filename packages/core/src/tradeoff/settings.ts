/**
 * The Tradeoff tab's project-level settings: their shape, the defaults of a project that never opened the
 * tab, and the rules a stored value must meet. The database stores this shape, the API's input schema is
 * typed against it, and both run `validateTradeoffSettings` rather than rules of their own.
 */
import type { TradeoffComputationSettings } from './inputs';
import type { TradeoffInputIssue } from './validate';

/** How quality turns into money in the ROI table (see `ValueModel`). */
export type TradeoffValueSettings = TradeoffComputationSettings['value'];

/** The project-level settings of the Tradeoff tab. */
export interface TradeoffSettings extends TradeoffComputationSettings {
  /** The project's metric, e.g. "accuracy"; only shown. */
  readonly metricName: string;
}

/** Settings of a project that never opened its Tradeoff tab: accuracy in [0, 1], no money yet. */
export const DEFAULT_TRADEOFF_SETTINGS: TradeoffSettings = {
  metricName: 'accuracy',
  maxQuality: 1,
  targetQuality: null,
  ceilingOverride: null,
  value: {
    mode: 'per-quality-point',
    valuePerPoint: null,
    costPerError: null,
    volume: null,
    baselineQuality: null,
  },
  teamCost: null,
  workStartedOn: null,
};

/**
 * The qualities the settings hold must lie in the metric's range [0, maxQuality], and a ceiling typed in
 * must be above 0 (a ceiling of 0 would make every estimate unreachable). Returns every issue, each
 * naming its field; empty when valid.
 */
export function validateTradeoffSettings(settings: TradeoffComputationSettings): TradeoffInputIssue[] {
  const { maxQuality } = settings;
  const issues: TradeoffInputIssue[] = [];
  const inRange = (path: string, value: number | null) => {
    if (value !== null && !(value >= 0 && value <= maxQuality)) {
      issues.push({
        path,
        code: 'out_of_range',
        message: `${path}: must lie in the metric's range [0, ${maxQuality}]`,
      });
    }
  };
  inRange('targetQuality', settings.targetQuality);
  inRange('ceilingOverride', settings.ceilingOverride);
  inRange('value.baselineQuality', settings.value.baselineQuality);
  if (settings.ceilingOverride === 0) {
    issues.push({
      path: 'ceilingOverride',
      code: 'not_positive',
      message: 'ceilingOverride: must be above 0',
    });
  }
  return issues;
}
