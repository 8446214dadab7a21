/**
 * A small, fast, seeded pseudo-random number generator, so that anything random in Raisin (bootstrap
 * resamples, Monte Carlo) is reproducible from a seed on every platform.
 *
 * The generator is xoshiro128** 1.1 by David Blackman and Sebastiano Vigna
 * (https://prng.di.unimi.it/xoshiro128starstar.c, public domain): 128 bits of state, period 2^128 − 1,
 * passes BigCrush, and needs only 32-bit integer operations (`Math.imul`, shifts), which V8 runs
 * without allocating. Its state is filled from the seed by splitmix32 (the 32-bit variant of Vigna's
 * splitmix64, as given in bryc/code `jshash/PRNGs.md`), so that nearby seeds give unrelated streams
 * and the state is never all zeros.
 */
export interface Random {
  /** The next uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number;
  /** A uniform float in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** A uniform integer in [0, n), exactly uniform (rejection sampling); `n` must be an integer in [1, 2^31]. */
  nextInt(n: number): number;
}

/** A `Random` that can also hand out its words in blocks. */
export interface BlockRandom extends Random {
  /**
   * Fills `words` with the next `words.length` outputs of `nextUint32`, in order, several times faster
   * than calling it per word (the state stays in registers): for samplers that consume millions of words.
   */
  fill(words: Uint32Array): void;
}

const TWO_POW_31 = 2147483648;

/**
 * Creates a xoshiro128** generator seeded from `seed` (any finite number; its integer part modulo 2^32 is used).
 *
 * @example
 * const random = createRandom(1);
 * random.nextInt(10); // the same value on every run and every machine
 */
export function createRandom(seed: number): BlockRandom {
  let x = Math.trunc(seed) >>> 0;
  // splitmix32: one step per state word.
  const splitmix32 = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let t = x ^ (x >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
  return createXoshiro128StarStar(splitmix32(), splitmix32(), splitmix32(), splitmix32());
}

/**
 * xoshiro128** from an explicit 128-bit state (four 32-bit words, not all zero). `createRandom` is the
 * usual entry point; this one exists so tests can check the generator against the reference C code.
 */
export function createXoshiro128StarStar(a: number, b: number, c: number, d: number): BlockRandom {
  let s0 = a | 0;
  let s1 = b | 0;
  let s2 = c | 0;
  let s3 = d | 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  let cachedN = 0;
  let cachedLimit = 0;
  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };

  const fill = (words: Uint32Array): void => {
    let a0 = s0;
    let a1 = s1;
    let a2 = s2;
    let a3 = s3;
    for (let w = 0; w < words.length; w++) {
      const m = Math.imul(a1, 5);
      words[w] = Math.imul((m << 7) | (m >>> 25), 9);
      const t = a1 << 9;
      a2 ^= a0;
      a3 ^= a1;
      a1 ^= a2;
      a0 ^= a3;
      a2 ^= t;
      a3 = (a3 << 11) | (a3 >>> 21);
    }
    s0 = a0;
    s1 = a1;
    s2 = a2;
    s3 = a3;
  };

  return {
    nextUint32,
    fill,
    nextFloat: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
    nextInt: (n: number): number => {
      // Draw 31 bits so that `%` stays an integer operation (V8 falls back to floating-point fmod above
      // 2^31 − 1), and reject the top sliver of the range that would make `% n` favour small values.
      if (n !== cachedN) {
        cachedN = n;
        cachedLimit = TWO_POW_31 - (((0x7fffffff % n) + 1) % n);
      }
      let value = nextUint32() >>> 1;
      while (value >= cachedLimit) value = nextUint32() >>> 1;
      return value % n;
    },
  };
}
