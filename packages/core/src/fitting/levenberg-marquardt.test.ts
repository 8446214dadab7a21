import { describe, expect, it } from 'vitest';
import { checkLevenbergMarquardtOptions } from './check-options';
import { levenbergMarquardt } from './levenberg-marquardt';
import type { LeastSquaresProblem, LevenbergMarquardtOptions } from './types';

type Model = (parameters: Float64Array, x: number) => number;

function curveProblem(model: Model, xs: readonly number[], ys: readonly number[]): LeastSquaresProblem {
  return {
    parameterCount: 0,
    residualCount: xs.length,
    residuals(parameters, out) {
      xs.forEach((x, i) => {
        out[i] = model(parameters, x) - (ys[i] ?? 0);
      });
    },
  };
}

function linspace(start: number, end: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => start + (i * (end - start)) / (n - 1));
}

// Contrived problems on clean data, after mljs/levenberg-marquardt src/__tests__/curve.test.ts: data
// generated from known parameters, which the solver must recover from a start some distance away.
const contrivedProblems: {
  name: string;
  model: Model;
  xs: number[];
  truth: number[];
  start: number[];
  options?: LevenbergMarquardtOptions;
  digits: number;
}[] = [
  {
    name: 'line a·x + b',
    model: (p, x) => (p[0] ?? 0) * x + (p[1] ?? 0),
    xs: linspace(0, 6, 7),
    truth: [2, -2],
    start: [1, 0],
    digits: 9,
  },
  {
    name: 'sigmoid a / (b + e^(−c·t))',
    model: (p, t) => (p[0] ?? 0) / ((p[1] ?? 0) + Math.exp(-t * (p[2] ?? 0))),
    xs: linspace(0, 19, 20),
    truth: [2, 2, 2],
    start: [3, 3, 3],
    digits: 6,
  },
  {
    name: 'bennett5-like b1·(t + b2)^(−1/b3)',
    model: (p, t) => (p[0] ?? 0) * (t + (p[1] ?? 0)) ** (-1 / (p[2] ?? 1)),
    xs: linspace(-2.6581, 49.6526, 154),
    truth: [2, 3, 5],
    start: [3.5, 3.8, 4],
    options: { maxIterations: 1000 },
    digits: 5,
  },
  {
    name: 'exponential decay a·e^(−k·t) + c',
    model: (p, t) => (p[0] ?? 0) * Math.exp(-(p[1] ?? 0) * t) + (p[2] ?? 0),
    xs: linspace(0, 10, 30),
    truth: [5, 0.7, 1],
    start: [1, 0.1, 0],
    digits: 6,
  },
];

describe('levenbergMarquardt: contrived problems (clean data)', () => {
  for (const problem of contrivedProblems) {
    it(`recovers the parameters of ${problem.name}`, () => {
      const ys = problem.xs.map((x) => problem.model(Float64Array.from(problem.truth), x));
      const base = curveProblem(problem.model, problem.xs, ys);
      const result = levenbergMarquardt(
        { ...base, parameterCount: problem.truth.length },
        problem.start,
        problem.options,
      );
      if (!result.ok) throw new Error(result.error.message);
      problem.truth.forEach((value, j) => {
        expect(result.value.parameters[j]).toBeCloseTo(value, problem.digits);
      });
      expect(result.value.residualSumOfSquares).toBeLessThan(1e-10);
      expect(result.value.converged).toBe(true);
    });
  }
});

describe('levenbergMarquardt: NIST StRD Misra1a (noisy data, certified values)', () => {
  // https://www.itl.nist.gov/div898/strd/nls/data/misra1a.shtml: y = b1·(1 − e^(−b2·x)), certified
  // b1 = 2.3894212918E+02, b2 = 5.5015643181E-04, residual sum of squares 1.2455138894E-01.
  const x = [77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0];
  const y = [10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.4, 75.47, 81.78];
  const model: Model = (p, t) => (p[0] ?? 0) * (1 - Math.exp(-(p[1] ?? 0) * t));
  const analytic: LeastSquaresProblem = {
    parameterCount: 2,
    residualCount: x.length,
    residuals: curveProblem(model, x, y).residuals,
    jacobian(p, _r, out) {
      x.forEach((t, i) => {
        const e = Math.exp(-(p[1] ?? 0) * t);
        out[2 * i] = 1 - e;
        out[2 * i + 1] = (p[0] ?? 0) * t * e;
      });
    },
  };
  const numeric: LeastSquaresProblem = { ...curveProblem(model, x, y), parameterCount: 2 };

  const cases = [
    { name: 'start 1, analytic Jacobian', problem: analytic, start: [500, 1e-4] },
    { name: 'start 2, analytic Jacobian', problem: analytic, start: [250, 5e-4] },
    { name: 'start 2, forward differences', problem: numeric, start: [250, 5e-4] },
  ];
  for (const { name, problem, start } of cases) {
    it(`matches the certified values from ${name}`, () => {
      const result = levenbergMarquardt(problem, start, { maxIterations: 500 });
      if (!result.ok) throw new Error(result.error.message);
      const [b1 = 0, b2 = 0] = result.value.parameters;
      expect(Math.abs(b1 / 2.3894212918e2 - 1)).toBeLessThan(1e-6);
      expect(Math.abs(b2 / 5.5015643181e-4 - 1)).toBeLessThan(1e-6);
      expect(result.value.residualSumOfSquares).toBeCloseTo(1.2455138894e-1, 8);
    });
  }
});

describe('checkLevenbergMarquardtOptions', () => {
  it('fills in the documented defaults', () => {
    const checked = checkLevenbergMarquardtOptions({ maxIterations: 7 });
    expect(checked.ok && checked.value.maxIterations).toBe(7);
    expect(checked.ok && checked.value.damping).toBe(1e-3);
  });

  it.each([
    [{ damping: 0 }, 'damping'],
    [{ dampingStepUp: 1 }, 'dampingStepUp'],
    [{ maxIterations: 2.5 }, 'maxIterations'],
    [{ gradientTolerance: -1 }, 'gradientTolerance'],
  ] as const)('rejects %j naming the option', (options, option) => {
    const checked = checkLevenbergMarquardtOptions(options);
    expect(checked.ok).toBe(false);
    if (!checked.ok && checked.error.code === 'invalid_option') expect(checked.error.option).toBe(option);
  });

  it('rejects a wrong number of initial values', () => {
    const result = levenbergMarquardt({ ...curveProblem(() => 0, [1, 2], [1, 2]), parameterCount: 2 }, [1]);
    expect(result.ok).toBe(false);
  });
});
