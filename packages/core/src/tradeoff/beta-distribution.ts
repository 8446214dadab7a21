import type { Random } from '../shared';

/*
 * The Beta and Gamma distributions the PERT estimates need. Hand-written because no statistics package
 * is a dependency of core (jStat would do this job); each routine names the published algorithm it follows.
 */

const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202, 3.399464998481189e-5,
  4.652362892704858e-5, -9.837447530487956e-5, 0.0001580887032249125, -0.00021026444172410488,
  0.00021743961811521265, -0.0001643181065367639, 8.441822398385275e-5, -2.6190838401581408e-5,
  3.6899182659531625e-6,
] as const;

/**
 * ln Γ(x) for x > 0, by the Lanczos approximation with g = 607/128 and 14 terms (Numerical Recipes,
 * 3rd ed., §6.1, `gammln`), relative error below 1e-15.
 */
export function logGamma(x: number): number {
  let y = x;
  const tmp = x + 5.2421875;
  const t = (x + 0.5) * Math.log(tmp) - tmp;
  let series = 0.9999999999999971;
  for (const coefficient of LANCZOS) {
    y += 1;
    series += coefficient / y;
  }
  return t + Math.log((2.5066282746310007 * series) / x);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Continued fraction for I_x(a, b) by the modified Lentz method (Numerical Recipes, 3rd ed., §6.4, `betacf`). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), the CDF of Beta(a, b) at x,
 * for a, b > 0 (Numerical Recipes, 3rd ed., §6.4, `betai`: the continued fraction, using the symmetry
 * I_x(a, b) = 1 − I_{1−x}(b, a) where it converges faster). Same values as R's `pbeta(x, a, b)`.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** The density of Beta(a, b) at x in (0, 1). */
export function betaDensity(x: number, a: number, b: number): number {
  if (x <= 0 || x >= 1) return 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
}

/**
 * The p-quantile of Beta(a, b): the x with I_x(a, b) = p (R's `qbeta(p, a, b)`). Newton's method on the
 * CDF, safeguarded by bisection (a step that leaves the current bracket is replaced by its midpoint), so
 * it converges for every a, b > 0, including U- and J-shaped densities where plain Newton overshoots.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let lo = 0;
  let hi = 1;
  // Start at the mean: inside the bracket, and close for the bell-shaped PERT densities.
  let x = a / (a + b);
  for (let iteration = 0; iteration < 200; iteration++) {
    const f = regularizedIncompleteBeta(x, a, b) - p;
    if (Math.abs(f) < 1e-14) return x;
    if (f > 0) hi = x;
    else lo = x;
    const density = betaDensity(x, a, b);
    let next = density > 0 ? x - f / density : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) < 1e-15 * Math.max(1, Math.abs(x)) || hi - lo < 1e-15) return next;
    x = next;
  }
  return x;
}

/**
 * A standard normal draw by the Box–Muller transform (Box & Muller 1958, "A note on the generation of
 * random normal deviates", Ann. Math. Stat. 29(2)): √(−2 ln U₁) · cos(2π U₂), with U₁ in (0, 1].
 */
export function sampleStandardNormal(random: Random): number {
  const u1 = 1 - random.nextFloat();
  const u2 = random.nextFloat();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * A Gamma(shape, 1) draw by Marsaglia & Tsang (2000), "A simple method for generating gamma variables",
 * ACM Trans. Math. Softw. 26(3):363–372: with d = shape − 1/3 and c = 1/√(9d), draw a normal Z and
 * v = (1 + cZ)³, and accept d·v when ln U < Z²/2 + d − d·v + d·ln v (after their quick squeeze
 * U < 1 − 0.0331 Z⁴); more than 95% of proposals are accepted for every shape ≥ 1. For shape < 1 it
 * uses their boost: Gamma(shape) = Gamma(shape + 1) · U^(1/shape).
 */
export function sampleGamma(shape: number, random: Random): number {
  if (shape < 1) {
    const u = 1 - random.nextFloat();
    return sampleGamma(shape + 1, random) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = sampleStandardNormal(random);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = random.nextFloat();
    const z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2) return d * v;
    if (Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (Devroye 1986, Non-Uniform Random Variate Generation, §IX.4). */
export function sampleBeta(a: number, b: number, random: Random): number {
  const x = sampleGamma(a, random);
  const y = sampleGamma(b, random);
  return x / (x + y);
}
