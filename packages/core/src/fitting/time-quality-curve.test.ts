import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CurvePoint,
  evaluateCurve,
  fitTimeQualityCurve,
  STEEPNESS_BOUNDS,
  type TimeQualityCurve,
  timeToReach,
} from './time-quality-curve';

const MINUTE = 1 / 1440;
const YEAR = 365.25;

/** `n` efforts log-spaced from `from` to `to` days, with exact qualities on `curve`. */
function pointsOn(curve: TimeQualityCurve, n: number, from = MINUTE, to = YEAR): CurvePoint[] {
  return Array.from({ length: n }, (_, i) => {
    const days = Math.exp(Math.log(from) + (i * Math.log(to / from)) / (n - 1));
    return { days, quality: evaluateCurve(curve, days) };
  });
}

// Named reference problems: exact points generated from known parameters, which the fit must recover.
const referenceProblems: { name: string; truth: TimeQualityCurve; n: number; ceiling?: number }[] = [
  {
    name: 'seed-like: rule 0.5 → 0.9, half-way in a week',
    truth: { q0: 0.5, qc: 0.9, halfTime: 7, steepness: 1.5 },
    n: 8,
  },
  {
    name: 'shallow: δ = 0.5 over ten decades',
    truth: { q0: 0.3, qc: 0.95, halfTime: 2, steepness: 0.5 },
    n: 10,
  },
  {
    name: 'steep: δ = 4, half-way in a month',
    truth: { q0: 0.6, qc: 0.8, halfTime: 30, steepness: 4 },
    n: 12,
  },
  { name: 'from zero: Q0 = 0 on its bound', truth: { q0: 0, qc: 0.7, halfTime: 0.5, steepness: 1 }, n: 8 },
  {
    name: 'asymptote exactly on the ceiling',
    truth: { q0: 0.55, qc: 0.88, halfTime: 10, steepness: 1.2 },
    n: 8,
    ceiling: 0.88,
  },
  { name: 'percent scale: 40 → 92 points', truth: { q0: 40, qc: 92, halfTime: 3, steepness: 0.8 }, n: 6 },
];

describe('fitTimeQualityCurve: recovers known parameters from exact points', () => {
  for (const problem of referenceProblems) {
    it(problem.name, () => {
      const result = fitTimeQualityCurve(
        pointsOn(problem.truth, problem.n),
        problem.ceiling === undefined ? {} : { ceiling: problem.ceiling },
      );
      if (!result.ok) throw new Error(result.error.message);
      const { curve } = result.value;
      const scale = problem.truth.qc;
      expect(Math.abs(curve.q0 - problem.truth.q0) / scale).toBeLessThan(1e-4);
      expect(Math.abs(curve.qc - problem.truth.qc) / scale).toBeLessThan(1e-4);
      expect(Math.abs(Math.log(curve.halfTime / problem.truth.halfTime))).toBeLessThan(1e-3);
      expect(Math.abs(curve.steepness - problem.truth.steepness)).toBeLessThan(1e-3);
      expect(result.value.steepnessFixed).toBe(false);
      expect(result.value.rmse / scale).toBeLessThan(1e-5);
    });
  }
});

describe('fitTimeQualityCurve: bounds, warnings and errors', () => {
  const truth = { q0: 0.5, qc: 0.95, halfTime: 7, steepness: 1.5 };

  it('keeps Qc at or below the ceiling when the points would carry it higher, and says so', () => {
    const result = fitTimeQualityCurve(pointsOn(truth, 8), { ceiling: 0.85 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.curve.qc).toBeLessThanOrEqual(0.85);
    expect(result.value.curve.qc).toBeGreaterThan(0.84);
    const codes = result.value.warnings.map((warning) => warning.code);
    expect(codes).toContain('asymptote_at_ceiling');
    expect(codes).toContain('points_above_ceiling');
  });

  it('bounds Qc by the metric maximum when there is no ceiling', () => {
    const points = [
      { days: MINUTE, quality: 0.5 },
      { days: 1, quality: 0.75 },
      { days: 30, quality: 0.9 },
    ];
    const result = fitTimeQualityCurve(points, { maxQuality: 1 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.curve.qc).toBeLessThanOrEqual(1);
  });

  it('errors on fewer than 2 distinct efforts', () => {
    for (const points of [
      [],
      [{ days: 1, quality: 0.7 }],
      [
        { days: 2, quality: 0.6 },
        { days: 2, quality: 0.8 },
      ],
    ]) {
      const result = fitTimeQualityCurve(points);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('too_few_points');
    }
  });

  it('names the invalid field of a point', () => {
    const result = fitTimeQualityCurve([
      { days: 1, quality: 0.5 },
      { days: 0, quality: 0.7 },
    ]);
    expect(
      !result.ok && result.error.code === 'invalid_point' && [result.error.index, result.error.field],
    ).toEqual([1, 'days']);
  });

  it('fixes δ = 1 with 2 or 3 distinct efforts, says so, and still passes through 2 points', () => {
    const two = fitTimeQualityCurve(
      [
        { days: 1, quality: 0.6 },
        { days: 30, quality: 0.8 },
      ],
      { ceiling: 0.9 },
    );
    if (!two.ok) throw new Error(two.error.message);
    expect(two.value.steepnessFixed).toBe(true);
    expect(two.value.curve.steepness).toBe(1);
    expect(two.value.warnings.map((warning) => warning.code)).toContain('steepness_fixed');
    expect(evaluateCurve(two.value.curve, 1)).toBeCloseTo(0.6, 4);
    expect(evaluateCurve(two.value.curve, 30)).toBeCloseTo(0.8, 4);
    expect(two.value.curve.qc).toBeLessThanOrEqual(0.9);

    const three = fitTimeQualityCurve(pointsOn({ q0: 0.5, qc: 0.9, halfTime: 7, steepness: 1 }, 3, 0.1, 100));
    if (!three.ok) throw new Error(three.error.message);
    expect(three.value.steepnessFixed).toBe(true);
    expect(three.value.curve.halfTime).toBeCloseTo(7, 3);
  });

  it('warns when quality falls as effort grows', () => {
    const result = fitTimeQualityCurve([
      { days: MINUTE, quality: 0.5 },
      { days: 1, quality: 0.8 },
      { days: 7, quality: 0.7 },
      { days: YEAR, quality: 0.9 },
    ]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.warnings.map((warning) => warning.code)).toContain('non_monotone');
    const warning = result.value.warnings.find((candidate) => candidate.code === 'non_monotone');
    expect(warning?.code === 'non_monotone' && warning.decreases).toEqual([
      { from: { days: 1, quality: 0.8 }, to: { days: 7, quality: 0.7 } },
    ]);
    expect(warning?.message).toContain('0.800 after 1 day → 0.700 after 7 days');
    expect(result.value.curve.qc).toBeGreaterThanOrEqual(result.value.curve.q0);
  });

  it("writes the ceiling of the above-ceiling warning on the metric's scale, never as a raw float", () => {
    const result = fitTimeQualityCurve(
      [
        { days: 1, quality: 0.6 },
        { days: 10, quality: 0.7 },
        { days: 100, quality: 0.72 },
      ],
      { ceiling: 0.6833333333333333 },
    );
    if (!result.ok) throw new Error(result.error.message);
    const warning = result.value.warnings.find((w) => w.code === 'points_above_ceiling');
    expect(warning?.message).toMatch(/^2 points lie above the human ceiling 0\.683:/);
  });

  it('weights pull the curve toward the heavier point', () => {
    const base = [
      { days: MINUTE, quality: 0.5 },
      { days: 1, quality: 0.7 },
      { days: 7, quality: 0.75 },
      { days: 8, quality: 0.85 },
      { days: YEAR, quality: 0.9 },
    ];
    const light = fitTimeQualityCurve(base);
    const heavy = fitTimeQualityCurve(
      base.map((point) => (point.days === 8 ? { ...point, weight: 20 } : point)),
    );
    if (!light.ok || !heavy.ok) throw new Error('fit failed');
    const miss = (fit: typeof light) => (fit.ok ? Math.abs(evaluateCurve(fit.value.curve, 8) - 0.85) : 1);
    expect(miss(heavy)).toBeLessThan(miss(light));
  });
});

describe('timeToReach', () => {
  const curve = { q0: 0.55, qc: 0.9, halfTime: 5, steepness: 1.3 };

  /** Inverts Q numerically by bisection on log-time, independently of the closed form. */
  function bisect(target: number): number {
    let lo = Math.log(1e-9);
    let hi = Math.log(1e9);
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (evaluateCurve(curve, Math.exp(mid)) < target) lo = mid;
      else hi = mid;
    }
    return Math.exp((lo + hi) / 2);
  }

  it('matches numeric inversion of the curve', () => {
    for (const target of [0.56, 0.6, 0.725, 0.8, 0.89, 0.899]) {
      const reach = timeToReach(curve, target);
      expect(reach.days).not.toBeNull();
      expect(Math.abs(Math.log((reach.days ?? 0) / bisect(target)))).toBeLessThan(1e-9);
    }
  });

  it('is t½ at the midpoint quality and 0 at or below Q0', () => {
    expect(timeToReach(curve, (curve.q0 + curve.qc) / 2).days).toBeCloseTo(5, 12);
    expect(timeToReach(curve, 0.4).days).toBe(0);
  });

  it('is unbounded, with a reason, when the target is at or above Qc', () => {
    for (const target of [0.9, 0.95]) {
      const reach = timeToReach(curve, target);
      expect(reach.days).toBeNull();
      expect(reach.reason).toBe('target-at-or-above-asymptote');
    }
  });
});

describe('properties of the curve', () => {
  const curveArbitrary = fc
    .record({
      q0: fc.double({ min: 0, max: 0.9, noNaN: true }),
      gap: fc.double({ min: 0, max: 0.5, noNaN: true }),
      logHalf: fc.double({ min: -8, max: 8, noNaN: true }),
      steepness: fc.double({ min: STEEPNESS_BOUNDS.min, max: STEEPNESS_BOUNDS.max, noNaN: true }),
    })
    .map(({ q0, gap, logHalf, steepness }) => ({ q0, qc: q0 + gap, halfTime: Math.exp(logHalf), steepness }));
  const daysArbitrary = fc.double({ min: -12, max: 12, noNaN: true }).map(Math.exp);

  it('Q(t) is non-decreasing in t and stays between Q0 and Qc', () => {
    fc.assert(
      fc.property(curveArbitrary, daysArbitrary, daysArbitrary, (curve, a, b) => {
        const [t1, t2] = a <= b ? [a, b] : [b, a];
        const q1 = evaluateCurve(curve, t1);
        const q2 = evaluateCurve(curve, t2);
        const eps = 1e-12;
        return q1 <= q2 + eps && q1 >= curve.q0 - eps && q2 <= curve.qc + eps;
      }),
    );
  });

  it('timeToReach inverts evaluateCurve', () => {
    fc.assert(
      fc.property(curveArbitrary, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (curve, share) => {
        fc.pre(curve.qc - curve.q0 > 1e-6);
        const target = curve.q0 + share * (curve.qc - curve.q0);
        const reach = timeToReach(curve, target);
        if (reach.days === null || !Number.isFinite(reach.days) || reach.days === 0)
          return reach.days !== null;
        return Math.abs(evaluateCurve(curve, reach.days) - target) <= 1e-9 * Math.max(1, curve.qc);
      }),
    );
  });

  it('fitted curves respect every bound on random point sets', () => {
    const pointsArbitrary = fc.array(
      fc.record({
        days: fc.double({ min: -9, max: 7, noNaN: true }).map(Math.exp),
        quality: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { minLength: 2, maxLength: 7 },
    );
    fc.assert(
      fc.property(pointsArbitrary, fc.double({ min: 0.5, max: 1, noNaN: true }), (points, ceiling) => {
        const result = fitTimeQualityCurve(points, { ceiling });
        if (!result.ok) return result.error.code === 'too_few_points';
        const { q0, qc, halfTime, steepness } = result.value.curve;
        return (
          q0 >= 0 &&
          qc >= q0 &&
          qc <= ceiling * (1 + 1e-12) &&
          halfTime > 0 &&
          steepness >= STEEPNESS_BOUNDS.min - 1e-12 &&
          steepness <= STEEPNESS_BOUNDS.max + 1e-12
        );
      }),
      { numRuns: 60 },
    );
  });
});
