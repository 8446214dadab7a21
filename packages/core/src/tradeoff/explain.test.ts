import { describe, expect, it } from 'vitest';
import { explainEstimatesAboveCeiling, explainHeldAtEstimates, explainUnreachedTarget } from './explain';
import { seedAttackAngles } from './seed';
import { SIMULATION_DEFAULTS, simulateTradeoff } from './simulate';
import { weakKeywordRuleAngles } from './test-support';

const HUNDRED_YEARS = SIMULATION_DEFAULTS.horizonDays;

function shares(
  p: { p10?: number | null; p50?: number | null; p90?: number | null },
  unreachable = 0,
  beyond = 0,
) {
  return {
    horizonDays: HUNDRED_YEARS,
    timeToTarget: {
      p10: p.p10 === undefined ? 10 : p.p10,
      p50: p.p50 === undefined ? 20 : p.p50,
      p90: p.p90 === undefined ? 40 : p.p90,
      unreachableShare: unreachable,
      beyondHorizonShare: beyond,
      heldAtEstimatesShare: 0,
    },
  };
}

describe('explainUnreachedTarget', () => {
  it('says in words why P90 is not reached when over 10% of paths need more than the horizon', () => {
    expect(explainUnreachedTarget(shares({ p90: null }, 0, 0.12))).toBe(
      'P90 is not reached: 12% of simulated paths do not reach the target within 100 years.',
    );
  });

  it('names both causes and every percentile not reached', () => {
    expect(explainUnreachedTarget(shares({ p50: null, p90: null }, 0.45, 0.1234))).toBe(
      'P50 and P90 are not reached: 12.3% of simulated paths do not reach the target within 100 years; ' +
        '45% of simulated paths level off at or below the target and never reach it.',
    );
    expect(explainUnreachedTarget(shares({ p10: null, p50: null, p90: null }, 1))).toBe(
      'P10, P50 and P90 are not reached: 100% of simulated paths level off at or below the target and never reach it.',
    );
  });

  it('still reports a small share that leaves every percentile reached, and nothing when all paths arrive', () => {
    expect(explainUnreachedTarget(shares({}, 0, 0.03))).toBe(
      '3% of simulated paths do not reach the target within 100 years.',
    );
    expect(explainUnreachedTarget(shares({}, 0.00001))).toBe(
      'Under 0.1% of simulated paths level off at or below the target and never reach it.',
    );
    expect(explainUnreachedTarget(shares({}))).toBeNull();
  });

  it('explains a real simulation whose slow paths pass the horizon', () => {
    const simulate = (horizonDays?: number) => {
      const result = simulateTradeoff(seedAttackAngles(), [], {
        target: 0.85,
        ceiling: 0.92,
        draws: 2_000,
        seed: 7,
        ...(horizonDays === undefined ? {} : { horizonDays }),
      });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const { p50, p90 } = simulate().timeToTarget;
    if (p50 === null || p90 === null) throw new Error('the seed example should reach its target');
    // A horizon between the P50 and the P90: more than 10% of the paths (but not half) pass it.
    const short = simulate(Math.sqrt(p50 * p90));
    expect(short.timeToTarget.p50).not.toBeNull();
    expect(short.timeToTarget.p90).toBeNull();
    expect(short.timeToTarget.beyondHorizonShare).toBeGreaterThan(0.1);
    expect(explainUnreachedTarget(short)).toMatch(
      /^P90 is not reached: \d+(\.\d)?% of simulated paths do not reach the target within \d/,
    );
  });
});

describe('explainEstimatesAboveCeiling', () => {
  const fmt = (value: number) => value.toFixed(3);
  const angle = (name: string, likely: number) => ({
    name,
    quality: { low: likely - 0.05, likely, high: likely + 0.02 },
  });

  it('names each estimate above the ceiling, asks for a revision and shows the cap, with rounded numbers', () => {
    const text = explainEstimatesAboveCeiling(
      [angle('Rule', 0.55), angle('Baseline', 0.72), angle('Decent', 0.82)],
      0.6833333333333333,
      fmt,
    );
    expect(text).toBe(
      '2 of 3 estimates expect more than the human ceiling 0.683: Baseline (likely 0.720), Decent (likely 0.820). A model is scored against these labels, so it cannot be measured that high: revise them. Until then they count as 0.683, the ceiling.',
    );
  });

  it('is silent without a ceiling or when every estimate is at or below it', () => {
    expect(explainEstimatesAboveCeiling([angle('Rule', 0.9)], null, fmt)).toBeNull();
    expect(explainEstimatesAboveCeiling([angle('Rule', 0.6)], 0.6, fmt)).toBeNull();
  });
});

describe('explainHeldAtEstimates', () => {
  it('says where the estimates reach the target when the curve alone was sooner in enough paths', () => {
    const result = simulateTradeoff(weakKeywordRuleAngles(), [], {
      target: 0.65,
      ceiling: 0.683,
      draws: 1_000,
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(explainHeldAtEstimates(result.value, (v) => v.toFixed(3))).toMatch(
      /^The fitted curve alone reaches 0\.650 sooner in \d+(\.\d)?% of simulated paths; the time is held where the estimates themselves reach it: between Keyword rule and Baseline model, about 3\.\d hours on the likely values\.$/,
    );
    expect(explainHeldAtEstimates(result.value, (v) => v.toFixed(3), 1.01)).toBeNull();
  });
});
