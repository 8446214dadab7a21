/**
 * Properties of every structured framing on random samples (fast-check): relabelling or reordering the
 * annotators and the units changes no value, identical annotators agree perfectly, and pairwise F1 does
 * not depend on which annotator of a pair comes first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFramedAgreement } from './compute-framed-agreement';
import type { Box, FramedSample, RankedObject, Span, UnitSample } from './framing';
import { boxArb, labelSetArb, spanArb, type UnitRecords, unitRecordsOf, unitSampleOf } from './test-support';

const rankingArb = fc
  .shuffledSubarray(['o1', 'o2', 'o3', 'o4', 'o5'], { minLength: 5, maxLength: 5 })
  .chain((objects) =>
    fc
      .array(fc.integer({ min: 1, max: 4 }), { minLength: objects.length, maxLength: objects.length })
      .map((ranks): RankedObject[] => objects.map((object, i) => ({ object, rank: ranks[i] ?? 1 }))),
  );

const framedOf = {
  multilabel: (sample: UnitSample<readonly string[]>): FramedSample => ({ framing: 'multilabel', sample }),
  spans: (sample: UnitSample<readonly Span[]>): FramedSample => ({ framing: 'spans', sample }),
  boxes: (sample: UnitSample<readonly Box[]>): FramedSample => ({ framing: 'boxes', sample }),
  ranking: (sample: UnitSample<readonly RankedObject[]>): FramedSample => ({ framing: 'ranking', sample }),
};

/** Every number of the framing's block and the ceiling (intervals left out: resampling sees another order). */
function values(framed: FramedSample): Record<string, number | null> {
  const report = computeFramedAgreement(framed, { bootstrap: 0 });
  const out: Record<string, number | null> = { ceiling: report.humanCeiling?.value ?? null };
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') out[path] = value;
    else if (value === null) out[path] = null;
    else if (typeof value === 'object' && !Array.isArray(value))
      for (const [key, inner] of Object.entries(value as object))
        if (key !== 'ci') walk(inner, `${path}.${key}`);
  };
  walk(report[framed.framing as 'multilabel'], framed.framing);
  return out;
}

function expectSameValues(x: Record<string, number | null>, y: Record<string, number | null>): void {
  expect(Object.keys(y).sort()).toEqual(Object.keys(x).sort());
  for (const [key, value] of Object.entries(x)) {
    if (value === null) expect(y[key], key).toBeNull();
    else expect(y[key], key).toBeCloseTo(value, 10);
  }
}

/** The same records with annotators and units renamed in reverse order and listed backwards. */
function permuted<V>(records: UnitRecords<V>): UnitRecords<V> {
  return [...records]
    .reverse()
    .map(([unit, annotator, value]) => [`z${unit}`, `${9 - Number(annotator.slice(1))}b`, value]);
}

describe.each([
  ['multilabel', labelSetArb as fc.Arbitrary<unknown>],
  ['spans', fc.array(spanArb, { maxLength: 4 })],
  ['boxes', fc.array(boxArb, { maxLength: 3 })],
  ['ranking', rankingArb],
] as const)('%s', (framing, valueArb) => {
  const build = (records: UnitRecords<unknown>) =>
    (framedOf[framing] as (sample: UnitSample<unknown>) => FramedSample)(unitSampleOf(records));

  it('gives the same values whatever the order and names of annotators and units', () => {
    fc.assert(
      fc.property(unitRecordsOf(valueArb), (records) => {
        expectSameValues(values(build(records)), values(build(permuted(records))));
      }),
      { numRuns: 60 },
    );
  });

  it('gives 1 (the ceiling included) when annotators agree exactly', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 2, maxLength: 6 }), (unitValues) => {
        const records: UnitRecords<unknown> = unitValues.flatMap((value, u) => [
          [`u${u}`, 'first', value] as const,
          [`u${u}`, 'second', value] as const,
        ]);
        const report = computeFramedAgreement(build(records), { bootstrap: 0 });
        const ceiling = report.humanCeiling?.value;
        // A ceiling is undefined only when nothing was marked at all (F1 = 0/0) or no list has two objects.
        if (ceiling !== undefined) expect(ceiling).toBeCloseTo(1, 12);
        for (const [key, value] of Object.entries(values(build(records)))) {
          // W without the ties correction is below 1 for tied rankings, by design.
          if (value !== null && /f1|alpha|kendall|perLabel/i.test(key) && !/Uncorrected|positives/.test(key))
            expect(value, key).toBeCloseTo(1, 12);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('pairwise F1', () => {
  it('does not depend on which annotator of the pair is first (spans, boxes, multi-label)', () => {
    const cases = [
      ['spans', fc.array(spanArb, { maxLength: 5 })],
      ['boxes', fc.array(boxArb, { maxLength: 4 })],
      ['multilabel', labelSetArb],
    ] as const;
    for (const [framing, valueArb] of cases) {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(valueArb as fc.Arbitrary<unknown>, valueArb as fc.Arbitrary<unknown>), {
            minLength: 1,
            maxLength: 6,
          }),
          (pairs) => {
            const build = (flip: boolean) =>
              (framedOf[framing] as (sample: UnitSample<unknown>) => FramedSample)(
                unitSampleOf(
                  pairs.flatMap(([x, y], u) =>
                    flip
                      ? [[`u${u}`, 'b', y] as const, [`u${u}`, 'a', x] as const]
                      : [[`u${u}`, 'a', x] as const, [`u${u}`, 'b', y] as const],
                  ),
                ),
              );
            expectSameValues(values(build(false)), values(build(true)));
          },
        ),
        { numRuns: 60 },
      );
    }
  });
});
