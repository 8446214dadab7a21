/**
 * The structured framings' disagreement list: each framing's worst pair and differences on hand-made
 * samples, and on random ones (fast-check) that the list does not depend on the annotators' order and is
 * empty when annotators agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxDisagreements } from './boxes/box-disagreements';
import { computeFramedAgreement } from './compute-framed-agreement';
import { ratingDisagreements } from './continuous/rating-disagreements';
import type { Box, RankedObject, Span, UnitSample } from './framing';
import { setDisagreements } from './multilabel/set-disagreements';
import { rankingDisagreements } from './ranking/ranking-disagreements';
import { exactSpanF1, spanDisagreements } from './spans/span-disagreements';
import {
  boxArb,
  encodeTriples,
  labelSetArb,
  spanArb,
  type UnitRecords,
  unitRecordsOf,
  unitSampleOf,
} from './test-support';
import type { UnitDisagreement } from './types';
import { MAX_DIFFERENCES } from './unit-disagreements';

const TEXT = 'Ann moved to New York in May.';
const span = (start: number, end: number, label: string): Span => ({ start, end, label });
const box = (x: number, y: number, width: number, height: number, label: string): Box => ({
  x,
  y,
  width,
  height,
  label,
});
const ranking = (...objects: string[]): RankedObject[] =>
  objects.map((object, i) => ({ object, rank: i + 1 }));

describe('spanDisagreements', () => {
  const sample: UnitSample<readonly Span[]> = {
    ...unitSampleOf<readonly Span[]>([
      ['doc1', 'ann1', [span(0, 3, 'PER'), span(13, 21, 'LOC')]],
      ['doc1', 'ann2', [span(0, 3, 'PER'), span(17, 21, 'LOC')]],
      ['doc2', 'ann1', [span(0, 3, 'PER')]],
      ['doc2', 'ann2', [span(0, 3, 'PER')]],
      ['doc3', 'ann1', [span(0, 3, 'PER')]],
      ['doc3', 'ann2', []],
    ]),
    texts: [TEXT, TEXT, TEXT],
  };

  it('lists the documents by their worst exact span F1, with the spans one annotator has and the other lacks', () => {
    const list = spanDisagreements(sample, 50);
    expect(list.map((d) => [d.unit, d.score])).toEqual([
      ['doc3', 0],
      ['doc1', 0.5],
    ]);
    expect(list[1]).toEqual({
      unit: 'doc1',
      score: 0.5,
      annotatorA: 'ann1',
      annotatorB: 'ann2',
      differences: [
        { kind: 'span', has: 'ann1', lacks: 'ann2', start: 13, end: 21, label: 'LOC', text: 'New York' },
        { kind: 'span', has: 'ann2', lacks: 'ann1', start: 17, end: 21, label: 'LOC', text: 'York' },
      ],
      moreDifferences: 0,
    });
  });

  it('keeps the worst pair of three annotators, and the limit', () => {
    const three = unitSampleOf<readonly Span[]>([
      ['d', 'c', [span(0, 3, 'PER')]],
      ['d', 'a', [span(0, 3, 'PER')]],
      ['d', 'b', [span(0, 3, 'ORG')]],
      ['e', 'a', [span(0, 3, 'PER'), span(4, 9, 'PER')]],
      ['e', 'b', [span(0, 3, 'PER')]],
    ]);
    const list = spanDisagreements(three, 1);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ unit: 'd', score: 0, annotatorA: 'a', annotatorB: 'b' });
    expect(list[0]?.differences.map((d) => (d.kind === 'span' ? `${d.has}:${d.label}` : ''))).toEqual([
      'b:ORG',
      'a:PER',
    ]);
  });

  it('quotes text by code points, cuts long spans, has no text without the document, and caps the differences', () => {
    const emoji = '😀 Zoë';
    const long = 'x'.repeat(200);
    const many = Array.from({ length: 25 }, (_, i) => span(i, i + 1, 'X'));
    const list = spanDisagreements(
      {
        ...unitSampleOf<readonly Span[]>([
          ['e', 'a', [span(2, 5, 'PER')]],
          ['e', 'b', []],
          ['l', 'a', [span(0, 200, 'PER')]],
          ['l', 'b', []],
          ['m', 'a', many],
          ['m', 'b', []],
        ]),
        texts: [emoji, long, null],
      },
      50,
    );
    const first = (unit: string) => list.find((d) => d.unit === unit)?.differences[0];
    expect(first('e')).toMatchObject({ text: 'Zoë' });
    expect(first('l')).toMatchObject({ text: `${'x'.repeat(120)}…` });
    expect(first('m')).toMatchObject({ text: null });
    expect(list.find((d) => d.unit === 'm')).toMatchObject({ moreDifferences: 25 - MAX_DIFFERENCES });
  });

  it('leaves out documents where neither annotator marked a span', () => {
    expect(
      spanDisagreements(
        unitSampleOf<readonly Span[]>([
          ['d', 'a', []],
          ['d', 'b', []],
        ]),
        50,
      ),
    ).toEqual([]);
  });
});

describe('boxDisagreements', () => {
  it('scores box F1 at IoU 0.5 and lists the unmatched boxes with their label and coordinates', () => {
    const sample = unitSampleOf<readonly Box[]>([
      ['img1', 'b', [box(0, 0, 10, 10, 'car'), box(50, 50, 10, 10, 'person')]],
      ['img1', 'a', [box(1, 0, 10, 10, 'car'), box(20, 20, 5, 5, 'car')]],
      ['img2', 'a', [box(0, 0, 10, 10, 'car')]],
      ['img2', 'b', [box(1, 1, 10, 10, 'car')]],
    ]);
    expect(boxDisagreements(sample, 50)).toEqual([
      {
        unit: 'img1',
        score: 0.5,
        annotatorA: 'a',
        annotatorB: 'b',
        differences: [
          { kind: 'box', has: 'a', lacks: 'b', label: 'car', x: 20, y: 20, width: 5, height: 5 },
          { kind: 'box', has: 'b', lacks: 'a', label: 'person', x: 50, y: 50, width: 10, height: 10 },
        ],
        moreDifferences: 0,
      },
    ]);
  });
});

describe('setDisagreements', () => {
  it('scores the Jaccard similarity of the label sets and lists the labels one chose and the other did not', () => {
    const sample = unitSampleOf<readonly string[]>([
      ['i1', 'x', ['dog', 'cat']],
      ['i1', 'y', ['cat', 'mouse']],
      ['i2', 'x', ['dog']],
      ['i2', 'y', ['dog']],
      ['i3', 'x', []],
      ['i3', 'y', []],
    ]);
    const list = setDisagreements(sample, 50);
    expect(list).toHaveLength(1);
    expect(list[0]?.score).toBeCloseTo(1 / 3, 12);
    expect(list[0]?.differences).toEqual([
      { kind: 'label', has: 'x', lacks: 'y', label: 'dog' },
      { kind: 'label', has: 'y', lacks: 'x', label: 'mouse' },
    ]);
  });
});

describe('rankingDisagreements', () => {
  it("scores Kendall's τ-b on the objects both ranked and shows both rankings, best first", () => {
    const sample = unitSampleOf<readonly RankedObject[]>([
      ['list1', 'p', ranking('a', 'b', 'c')],
      ['list1', 'q', ranking('c', 'b', 'a')],
      ['list2', 'p', ranking('a', 'b', 'c')],
      ['list2', 'q', ranking('a', 'c', 'b')],
      ['list3', 'p', ranking('a', 'b')],
      ['list3', 'q', ranking('a', 'b', 'z')],
    ]);
    const list = rankingDisagreements(sample, 50);
    expect(list.map((d) => d.unit)).toEqual(['list1', 'list2']);
    expect(list[0]?.score).toBeCloseTo(-1, 12);
    expect(list[1]?.score).toBeCloseTo(1 / 3, 12);
    expect(list[0]?.differences).toEqual([
      { kind: 'order', annotator: 'p', objects: ['a', 'b', 'c'] },
      { kind: 'order', annotator: 'q', objects: ['c', 'b', 'a'] },
    ]);
  });
});

describe('ratingDisagreements', () => {
  it('lists the items by the range of their ratings, largest first, with the lowest and highest rating', () => {
    const sample = encodeTriples([
      ['i1', 'r1', '3'],
      ['i1', 'r2', '4'],
      ['i1', 'r3', '1'],
      ['i2', 'r1', '2'],
      ['i2', 'r2', '2'],
      ['i3', 'r2', '5'],
      ['i3', 'r1', '1'],
    ]);
    /** A unit's row: its range, the annotators named A and B, and its differences (annotator: rating, in order). */
    const row = (
      unit: string,
      score: number,
      [annotatorA, annotatorB]: string[],
      ratings: Record<string, number>,
    ) => ({
      unit,
      score,
      annotatorA,
      annotatorB,
      differences: Object.entries(ratings).map(([annotator, value]) => ({
        kind: 'rating',
        annotator,
        value,
      })),
      moreDifferences: 0,
    });
    expect(ratingDisagreements(sample, 50)).toEqual([
      row('i3', 4, ['r1', 'r2'], { r1: 1, r2: 5 }),
      row('i1', 3, ['r2', 'r3'], { r3: 1, r2: 4 }),
    ]);
    expect(
      ratingDisagreements(
        encodeTriples([
          ['i', 'a', 'x'],
          ['i', 'b', 'y'],
        ]),
        50,
      ),
    ).toEqual([]);
  });
});

describe('computeFramedAgreement', () => {
  it('carries the list in diagnostics.unitDisagreements, capped by topDisagreements', () => {
    const sample = unitSampleOf<readonly string[]>(
      Array.from({ length: 5 }, (_, i) => [
        [`i${i}`, 'x', ['a']] as const,
        [`i${i}`, 'y', ['b']] as const,
      ]).flat(),
    );
    const report = computeFramedAgreement(
      { framing: 'multilabel', sample },
      { bootstrap: 0, topDisagreements: 3 },
    );
    expect(report.diagnostics.unitDisagreements?.metric).toBe('jaccard');
    expect(report.diagnostics.unitDisagreements?.units.map((d) => d.unit)).toEqual(['i0', 'i1', 'i2']);
    const continuous = computeFramedAgreement(
      {
        framing: 'continuous',
        sample: encodeTriples([
          ['i', 'a', '1'],
          ['i', 'b', '3'],
        ]),
      },
      { bootstrap: 0 },
    );
    expect(continuous.diagnostics.unitDisagreements).toMatchObject({
      metric: 'ratingRange',
      units: [{ score: 2 }],
    });
  });
});

// Properties on random samples.

const rankingArb = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 4, maxLength: 4 })
  .map((ranks): RankedObject[] => ranks.map((rank, i) => ({ object: `o${i}`, rank })));

/** The same records with the annotators met in another order (by `rank`); units keep their order. */
function reorderedAnnotators<V>(records: UnitRecords<V>, rank: readonly number[]): UnitRecords<V> {
  const unitOrder = [...new Set(records.map(([unit]) => unit))];
  const at = (annotator: string) => rank[Number(annotator.slice(1))] ?? 0;
  return [...records].sort(
    (x, y) => unitOrder.indexOf(x[0]) - unitOrder.indexOf(y[0]) || at(x[1]) - at(y[1]),
  );
}

const framings = [
  ['multilabel', labelSetArb, setDisagreements],
  ['spans', fc.array(spanArb, { maxLength: 4 }), spanDisagreements],
  ['boxes', fc.array(boxArb, { maxLength: 3 }), boxDisagreements],
  ['ranking', rankingArb, rankingDisagreements],
] as const;

describe.each(framings)('%s disagreement list', (_, valueArb, list) => {
  const listOf = (records: UnitRecords<unknown>, limit = 50): UnitDisagreement[] =>
    (list as (sample: UnitSample<unknown>, limit: number) => UnitDisagreement[])(
      unitSampleOf(records),
      limit,
    );

  it('does not depend on the order the annotators appear in, and is sorted worst first within the limit', () => {
    fc.assert(
      fc.property(
        unitRecordsOf(valueArb as fc.Arbitrary<unknown>),
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 8 }),
        (records, rank, limit) => {
          const listed = listOf(records, limit);
          expect(listOf(reorderedAnnotators(records, rank), limit)).toEqual(listed);
          expect(listed.length).toBeLessThanOrEqual(limit);
          for (let i = 1; i < listed.length; i++)
            expect(listed[i]?.score).toBeGreaterThanOrEqual(listed[i - 1]?.score ?? 0);
          for (const d of listed) {
            expect(d.score).toBeLessThan(1);
            expect(d.annotatorA < d.annotatorB).toBe(true);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('is empty when the annotators agree exactly', () => {
    fc.assert(
      fc.property(fc.array(valueArb as fc.Arbitrary<unknown>, { minLength: 1, maxLength: 6 }), (values) => {
        const records: UnitRecords<unknown> = values.flatMap((value, u) => [
          [`u${u}`, 'first', value] as const,
          [`u${u}`, 'second', value] as const,
          [`u${u}`, 'third', value] as const,
        ]);
        expect(listOf(records)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('exactSpanF1', () => {
  it("is the pair's spans.f1.exact on one document, for short and long span lists alike", () => {
    const spansArb = fc.array(spanArb, { maxLength: 24 });
    fc.assert(
      fc.property(spansArb, spansArb, (x, y) => {
        const report = computeFramedAgreement(
          {
            framing: 'spans',
            sample: unitSampleOf<readonly Span[]>([
              ['d', 'a', x],
              ['d', 'b', y],
            ]),
          },
          { bootstrap: 0 },
        );
        const f1 = exactSpanF1(x, y);
        if (Number.isNaN(f1)) expect(report.spans?.f1.exact).toBeNull();
        else expect(f1).toBeCloseTo(report.spans?.f1.exact ?? Number.NaN, 12);
      }),
      { numRuns: 150 },
    );
  });
});

describe('continuous disagreement list', () => {
  const ratingRecords = fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
      ),
      {
        maxLength: 32,
      },
    )
    .map((cells) => {
      const seen = new Set<string>();
      return cells.flatMap(([item, annotator, value]): [string, string, string][] => {
        const key = `${item}/${annotator}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [[`i${item}`, `a${annotator}`, String(value)]];
      });
    });

  it('does not depend on the order the annotators appear in, and is empty when they agree', () => {
    fc.assert(
      fc.property(
        ratingRecords,
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        (records, rank) => {
          const listed = ratingDisagreements(encodeTriples(records), 50);
          expect(ratingDisagreements(encodeTriples(reorderedAnnotators(records, rank)), 50)).toEqual(listed);
          const agreeing = records.map(([item, annotator]): [string, string, string] => [
            item,
            annotator,
            item.slice(1),
          ]);
          expect(ratingDisagreements(encodeTriples(agreeing), 50)).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
  });
});
