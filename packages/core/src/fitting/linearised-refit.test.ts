import { describe, expect, it } from 'vitest';
import { CURVE_PARAMETER, createLinearisedRefit } from './linearised-refit';
import { evaluateCurve, fitTimeQualityCurve, type TimeQualityCurve } from './time-quality-curve';

const DAYS = [1 / 1440, 1 / 24, 1, 7, 30, 365.25];

function fill(refit: ReturnType<typeof createLinearisedRefit>, curve: TimeQualityCurve, shift = 0) {
  DAYS.forEach((days, i) => {
    refit.logDays[i] = Math.log(days);
    refit.quality[i] = evaluateCurve(curve, days) + shift;
  });
}

function curveOf(refit: ReturnType<typeof createLinearisedRefit>): TimeQualityCurve {
  return {
    q0: refit.curve[CURVE_PARAMETER.q0] ?? Number.NaN,
    qc: refit.curve[CURVE_PARAMETER.qc] ?? Number.NaN,
    halfTime: Math.exp(refit.curve[CURVE_PARAMETER.logHalfTime] ?? Number.NaN),
    steepness: refit.curve[CURVE_PARAMETER.steepness] ?? Number.NaN,
  };
}

describe('createLinearisedRefit', () => {
  const truth = { q0: 0.5, qc: 0.9, halfTime: 7, steepness: 1.2 };

  it('stays on the anchor when the points are the ones it fits exactly', () => {
    const refit = createLinearisedRefit(DAYS.length, {
      anchor: truth,
      upperBound: null,
      fixedSteepness: null,
    });
    fill(refit, truth);
    refit.refit();
    const curve = curveOf(refit);
    expect(curve.q0).toBeCloseTo(truth.q0, 10);
    expect(curve.qc).toBeCloseTo(truth.qc, 10);
    expect(curve.halfTime).toBeCloseTo(truth.halfTime, 8);
    expect(curve.steepness).toBeCloseTo(truth.steepness, 8);
  });

  it('moves from a nearby anchor to the curve the points lie on, as a full fit does', () => {
    const anchor = { q0: 0.55, qc: 0.86, halfTime: 4, steepness: 1 };
    const refit = createLinearisedRefit(DAYS.length, { anchor, upperBound: null, fixedSteepness: null });
    fill(refit, truth);
    refit.refit();
    const curve = curveOf(refit);
    const exact = fitTimeQualityCurve(DAYS.map((days) => ({ days, quality: evaluateCurve(truth, days) })));
    if (!exact.ok) throw new Error(exact.error.message);
    for (const days of DAYS) {
      expect(evaluateCurve(curve, days)).toBeCloseTo(evaluateCurve(exact.value.curve, days), 2);
    }
    // Further from the anchor than from the truth: it moved the right way.
    expect(Math.abs(curve.halfTime - truth.halfTime)).toBeLessThan(
      Math.abs(anchor.halfTime - truth.halfTime),
    );
  });

  it('keeps the asymptote at or below the upper bound when the points would carry it above', () => {
    const refit = createLinearisedRefit(DAYS.length, {
      anchor: { ...truth, qc: 0.9 },
      upperBound: 0.9,
      fixedSteepness: null,
    });
    fill(refit, truth, 0.05);
    refit.refit();
    const curve = curveOf(refit);
    expect(curve.qc).toBeLessThanOrEqual(0.9);
    expect(curve.q0).toBeGreaterThan(truth.q0);
  });

  it('leaves a fixed steepness where it is', () => {
    const refit = createLinearisedRefit(DAYS.length, { anchor: truth, upperBound: null, fixedSteepness: 1 });
    fill(refit, { ...truth, steepness: 2 });
    refit.refit();
    expect(refit.curve[CURVE_PARAMETER.steepness]).toBe(1);
  });

  it('stays finite and bounded with 2 points and 3 free parameters', () => {
    const refit = createLinearisedRefit(2, { anchor: truth, upperBound: 1, fixedSteepness: 1 });
    refit.logDays.set([0, Math.log(30)]);
    refit.quality.set([0.6, 0.95]);
    refit.refit();
    const curve = curveOf(refit);
    for (const value of Object.values(curve)) expect(Number.isFinite(value)).toBe(true);
    expect(curve.qc).toBeLessThanOrEqual(1);
    expect(curve.q0).toBeGreaterThanOrEqual(0);
    expect(curve.qc).toBeGreaterThanOrEqual(curve.q0);
  });
});
