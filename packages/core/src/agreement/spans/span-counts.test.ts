import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span, UnitSample } from '../framing';
import { countCommon, matchOneToOne } from '../matching/one-to-one';
import { annotationsByUnit, labelPairCounts } from '../matching/pair-counts';
import { commonSpans, OVERLAP_IOU, overlapMatched, spanIoU, spanLabelPairCounts } from './span-counts';

const exactKey = (span: Span) => `${span.start}:${span.end}:${span.label}`;
const boundaryKey = (span: Span) => `${span.start}:${span.end}`;

// Few positions and labels, so that equal, overlapping and tied spans are common.
const span = fc
  .record({
    start: fc.nat(12),
    length: fc.integer({ min: 1, max: 6 }),
    label: fc.constantFrom('A', 'B', 'C'),
  })
  .map(({ start, length, label }): Span => ({ start, end: start + length, label }));
const spans = fc.array(span, { maxLength: 7 });

describe('span counts on numbers', () => {
  it('match the general string-keyed and object matching exactly', () => {
    fc.assert(
      fc.property(spans, spans, (x, y) => {
        expect(commonSpans(x, y, true)).toBe(countCommon(x.map(exactKey), y.map(exactKey)));
        expect(commonSpans(x, y, false)).toBe(countCommon(x.map(boundaryKey), y.map(boundaryKey)));
        const general = matchOneToOne(x, y, OVERLAP_IOU, spanIoU, (s) => [s.start, s.end]).matched;
        expect(overlapMatched(x, y)).toBe(general);
      }),
      { seed: 20261207, numRuns: 2000 },
    );
  });

  it('give the per-label F1 of the general per-label counts, label by label', () => {
    const annotation = fc.record({ unit: fc.nat(5), annotator: fc.nat(3), value: spans });
    fc.assert(
      fc.property(fc.array(annotation, { maxLength: 30 }), (annotations) => {
        const sample: UnitSample<readonly Span[]> = {
          units: ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'],
          annotators: ['a', 'b', 'c', 'd'],
          annotations,
        };
        const general = labelPairCounts(sample, (xs, ys) => countCommon(xs.map(exactKey), ys.map(exactKey)));
        const fast = spanLabelPairCounts(annotationsByUnit(sample), sample.annotators.length);
        expect(Object.entries(fast.perLabelSorted())).toEqual(Object.entries(general.perLabelSorted()));
        expect(fast.macro()).toEqual(general.macro());
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
