// The scoring worker's helper thread (a real worker thread on bootstrap-helper-entry.mjs): it is lent to
// large samples and to crowds, and a report drawn with it is the report drawn without it.
import { computeAgreement, parseSample } from '@raisin/core/agreement';
import { describe, expect, it } from 'vitest';
import {
  bootstrapHelperFor,
  HELPER_MIN_LABELS,
  startBootstrapHelper,
} from '../src/agreement/bootstrap-helper';

/** 70 annotators, three on each of 400 items, labels from a fixed recurrence. */
function crowdCsv(): string {
  const lines = ['item,annotator,label'];
  let state = 5;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n); // the high bits: an LCG's low bits cycle
  };
  for (let item = 0; item < 400; item++) {
    const truth = next(3);
    const coders = new Set<number>();
    while (coders.size < 3) coders.add(next(70));
    for (const coder of coders) lines.push(`i${item},c${coder},${next(4) === 0 ? next(3) : truth}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('bootstrap helper', () => {
  it('is lent to large samples and to crowds of any size, and draws the report one thread draws', async () => {
    startBootstrapHelper();
    expect(bootstrapHelperFor(1_000, 3)).toBeUndefined();
    expect(bootstrapHelperFor(HELPER_MIN_LABELS, 3)).toBeDefined();
    const parsed = parseSample(crowdCsv());
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { sample } = parsed.value;
    const helper = bootstrapHelperFor(sample.categoryOf.length, sample.annotators.length);
    expect(sample.annotators.length).toBe(70);
    expect(helper).toBeDefined();
    const alone = computeAgreement(sample, { bootstrap: 200, seed: 4 });
    // The helper loads tsx and core first; its answer then comes from the other thread.
    let asked = 0;
    const helped = computeAgreement(sample, {
      bootstrap: 200,
      seed: 4,
      ...(helper === undefined
        ? {}
        : {
            bootstrapThreads: (request) => {
              asked++;
              return helper(request);
            },
          }),
    });
    expect(asked).toBe(1);
    expect(helped).toEqual(alone);
  }, 60_000);
});
