import type { BlockRandom } from './random';

/**
 * Exact samplers of the binomial and Poisson distributions, for the bootstrap's multinomial draws. Each
 * uniform is one 32-bit word of a seeded generator, so every probability is represented to within 2^-32
 * (far below what any number of resamples a user would run can detect); apart from that quantization
 * the samplers are exact, never normal approximations.
 */

const TWO_POW_32 = 4294967296;
const WORDS_PER_REFILL = 4096;

/**
 * A generator's 32-bit words, generated in blocks (`BlockRandom.fill`) and handed out one at a time: the
 * samplers below draw one or two words per variate, millions of times per bootstrap, and a block fill
 * keeps the generator's state in registers. Consumes the stream in the same order as `nextUint32` would.
 */
export class UniformStream {
  private readonly words = new Uint32Array(WORDS_PER_REFILL);
  private position = WORDS_PER_REFILL;

  constructor(private readonly random: Pick<BlockRandom, 'fill'>) {}

  /** The next 32-bit word, an integer in [0, 2^32). */
  nextUint32(): number {
    if (this.position === WORDS_PER_REFILL) {
      this.random.fill(this.words);
      this.position = 0;
    }
    return this.words[this.position++] ?? 0;
  }

  /** A uniform float in [0, 1) from one word. */
  nextUniform(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /**
   * A uniform integer in [0, n) for a whole n in [1, 2^31], from one word by multiplication (Lemire 2019,
   * "Fast random integer generation in an interval", ACM TOMACS 29(1)): each value gets ⌊2^32/n⌋ or
   * ⌈2^32/n⌉ of the 2^32 words (for n above 2^21 the product's rounding may move one word across a
   * boundary), so its probability is 1/n to within 2^-31, the order of quantization every sampler here
   * has, without `nextInt`'s division and remainder.
   */
  nextIndex(n: number): number {
    return Math.floor((this.nextUint32() * n) / TWO_POW_32);
  }

  /** A uniform integer in [0, n) for a whole n in [1, 2^32], exactly uniform (rejection of the top sliver). */
  nextInt(n: number): number {
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let word = this.nextUint32();
    while (word >= limit) word = this.nextUint32();
    return word % n;
  }
}

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
const LOG_FACTORIAL_TABLE_SIZE = 256;
const logFactorialTable = (() => {
  const table = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
  for (let k = 1; k < LOG_FACTORIAL_TABLE_SIZE; k++) table[k] = (table[k - 1] ?? 0) + Math.log(k);
  return table;
})();

/**
 * ln k! for a whole number k ≥ 0: a table below 256, above it Stirling's series
 * ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + 1/(12x) − 1/(360x³) + 1/(1260x⁵) at x = k + 1, whose next term
 * (1/(1680x⁷) < 10⁻²⁰ there) is below double precision.
 */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return logFactorialTable[k] ?? 0;
  const x = k + 1;
  const inverse = 1 / x;
  const inverse2 = inverse * inverse;
  return (
    (x - 0.5) * Math.log(x) -
    x +
    HALF_LOG_TWO_PI +
    inverse * (1 / 12 - inverse2 * (1 / 360 - inverse2 / 1260))
  );
}

/**
 * Up to this mean, Poisson variates may be drawn by table inversion; above, always by rejection (PTRS). A
 * table spans mean ± 10√mean values (about 1,300 at the limit, 10 KB); a table draw costs a few
 * nanoseconds against PTRS's twenty or more (two uniforms and often two logarithms), but only while the
 * table is in cache: the caller says whether enough draws share it (`tableWorthIt`).
 */
const POISSON_TABLE_MAX_MEAN = 4096;

/**
 * A Poisson(mean) sampler with every constant that does not depend on the draw computed once: the
 * bootstrap draws one variate per group, and groups share a handful of sizes, so a draw costs no
 * logarithm and no table build.
 * - mean ≤ 4,096 (or when `table` is false): inversion of the distribution function tabulated in units of
 *   2^-32, started by a guide table with about two entries per value (Chen & Asau 1974; Devroye 1986,
 *   Non-Uniform Random Variate Generation, §III.2.4): one word and about two comparisons per variate. The
 *   tails beyond the table (below 2^-33 each) are folded into its end values.
 * - above (or when `table` is false): Hörmann's transformed rejection with squeeze, PTRS (W. Hörmann 1993, "The transformed
 *   rejection method for generating Poisson random variables", Insurance: Mathematics and Economics
 *   12(1):39–45; constants as NumPy's `random_poisson_ptrs`), accepting about 9 draws in 10 at the
 *   first comparison.
 */
/**
 * Whether a table pays for `draws` variates of this mean per pass: its values must stay a fraction of the
 * draws (a table read once per pass from memory costs more than rejection), and small means always do.
 */
export function tableWorthIt(mean: number, draws: number): boolean {
  return mean < 10 || (mean <= POISSON_TABLE_MAX_MEAN && 20 * Math.sqrt(mean) + 10 <= 8 * draws);
}

export class PoissonSampler {
  /** Inversion: thresholds[k − first] = P(X ≤ k) · 2^32, the last one exactly 2^32. */
  private readonly thresholds: Float64Array | null = null;
  private readonly first: number = 0;
  private readonly guide: Int32Array | null = null;
  private readonly guideShift: number = 0;
  private readonly a: number = 0;
  private readonly b: number = 0;
  private readonly logMean: number = 0;
  private readonly logInverseAlpha: number = 0;
  private readonly vr: number = 0;

  constructor(
    readonly mean: number,
    table = true,
  ) {
    if (!(mean >= 0) || !Number.isFinite(mean))
      throw new RangeError(`Poisson mean must be ≥ 0 (got ${mean})`);
    if (mean < 10 || (table && mean <= POISSON_TABLE_MAX_MEAN)) {
      // Start where the lower tail is below 2^-34 (k = 0 for small means), from the log-probability.
      const first = Math.max(0, Math.floor(mean - 10 * Math.sqrt(mean) - 5));
      let probability = Math.exp(-mean + first * Math.log(mean || 1) - logFactorial(first));
      let cumulative = probability;
      const thresholds: number[] = [];
      // The upper tail beyond mean + 12√mean + 20 is below 2^-40: stop there even if rounding kept the sum short of 1.
      const last = Math.ceil(mean + 12 * Math.sqrt(mean) + 20);
      for (let k = first; ; k++) {
        if (cumulative >= 1 - 2 ** -33 || k >= last) {
          thresholds.push(TWO_POW_32);
          break;
        }
        thresholds.push(cumulative * TWO_POW_32);
        probability *= mean / (k + 1);
        cumulative += probability;
      }
      this.thresholds = Float64Array.from(thresholds);
      this.first = first;
      const guideBits = Math.min(16, Math.max(4, Math.ceil(Math.log2(thresholds.length)) + 1));
      this.guideShift = 32 - guideBits;
      const guide = new Int32Array(1 << guideBits);
      let k = 0;
      for (let j = 0; j < guide.length; j++) {
        const floor = j * 2 ** this.guideShift;
        while ((this.thresholds[k] ?? TWO_POW_32) <= floor) k++;
        guide[j] = k;
      }
      this.guide = guide;
      return;
    }
    this.b = 0.931 + 2.53 * Math.sqrt(mean);
    this.a = -0.059 + 0.02483 * this.b;
    this.logInverseAlpha = Math.log(1.1239 + 1.1328 / (this.b - 3.4));
    this.vr = 0.9277 - 3.6224 / (this.b - 2);
    this.logMean = Math.log(mean);
  }

  /** Draws one variate. */
  draw(stream: UniformStream): number {
    const { thresholds, guide } = this;
    if (thresholds !== null && guide !== null) {
      const u = stream.nextUint32();
      let k = guide[u >>> this.guideShift] ?? 0;
      while (u >= (thresholds[k] ?? TWO_POW_32)) k++;
      return this.first + k;
    }
    const { a, b, mean, vr } = this;
    for (;;) {
      const u = stream.nextUniform() - 0.5;
      const v = stream.nextUniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + this.logInverseAlpha - Math.log(a / (us * us) + b) <=
        -mean + k * this.logMean - logFactorial(k)
      )
        return k;
    }
  }

  /**
   * Draws a variate into `counts[order[t]]` for each t in [from, to); returns their sum. The loop for many
   * variates of one mean, with the inversion branch taken once outside it.
   */
  drawInto(stream: UniformStream, order: Int32Array, from: number, to: number, counts: Int32Array): number {
    let total = 0;
    const { thresholds, guide, first, guideShift } = this;
    if (thresholds !== null && guide !== null) {
      for (let t = from; t < to; t++) {
        const u = stream.nextUint32();
        let k = guide[u >>> guideShift] ?? 0;
        while (u >= (thresholds[k] ?? TWO_POW_32)) k++;
        counts[order[t] ?? 0] = first + k;
        total += first + k;
      }
      return total;
    }
    for (let t = from; t < to; t++) {
      const k = this.draw(stream);
      counts[order[t] ?? 0] = k;
      total += k;
    }
    return total;
  }

  /**
   * Draws `count` variates into `out[start + r · stride]` for r in [0, count), adding each to `totals[r]`:
   * one group's counts in `count` resamples stored one after the other (see `GroupResampler.drawMany`).
   */
  drawStrided(
    stream: UniformStream,
    out: Int32Array,
    start: number,
    stride: number,
    count: number,
    totals: Float64Array,
  ): void {
    const { thresholds, guide, first, guideShift } = this;
    if (thresholds !== null && guide !== null) {
      for (let r = 0, at = start; r < count; r++, at += stride) {
        const u = stream.nextUint32();
        let k = guide[u >>> guideShift] ?? 0;
        while (u >= (thresholds[k] ?? TWO_POW_32)) k++;
        out[at] = first + k;
        totals[r] = (totals[r] ?? 0) + first + k;
      }
      return;
    }
    for (let r = 0, at = start; r < count; r++, at += stride) {
      const k = this.draw(stream);
      out[at] = k;
      totals[r] = (totals[r] ?? 0) + k;
    }
  }
}

/** Stirling's correction ln k! − [(k + ½) ln(k + 1) − (k + 1) + ½ ln 2π], tabulated below 10 (Hörmann 1993). */
const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
];

function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k] ?? 0;
  const square = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / square) / square) / (k + 1);
}

/** Below this n·min(p, 1 − p), inversion is cheaper than rejection. */
const BINOMIAL_INVERSION_MAX_MEAN = 10;

/**
 * One Binomial(n, p) variate, exactly: for n·min(p, 1 − p) < 10 by inversion (sequential search of the
 * distribution function from 0, expected n·p + 1 steps), otherwise by Hörmann's transformed rejection with
 * squeeze, BTRS (W. Hörmann 1993, "The generation of binomial random variates", Journal of Statistical
 * Computation and Simulation 46:101–110; the form TensorFlow's `random_binomial_op` implements, with the
 * log of the acceptance test that the paper's listing omits). p above ½ draws n − Binomial(n, 1 − p).
 */
export function drawBinomial(stream: UniformStream, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - drawBinomial(stream, n, 1 - p);
  if (n * p < BINOMIAL_INVERSION_MAX_MEAN) {
    const ratio = p / (1 - p);
    let probability = Math.exp(n * Math.log1p(-p));
    let cumulative = probability;
    const u = stream.nextUniform();
    let k = 0;
    while (u >= cumulative && k < n) {
      probability *= (ratio * (n - k)) / (k + 1);
      k++;
      cumulative += probability;
    }
    return k;
  }
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  const modeTerm = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m);
  for (;;) {
    const u = stream.nextUniform() - 0.5;
    let v = stream.nextUniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || k > n) continue;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      modeTerm +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}
