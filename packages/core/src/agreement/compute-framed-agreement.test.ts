import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxIoU } from './boxes/compute-boxes';
import { computeFramedAgreement } from './compute-framed-agreement';
import { fQuantile } from './continuous/icc';
import type { Box, Span } from './framing';
import { canonicalComparison } from './pairwise/canonical';
import { kendallTauB, kendallW } from './ranking/kendall';
import { encodeTriples, unitSampleOf } from './test-support';

describe('spans', () => {
  const text = (start: number, end: number, label = 'ORG'): Span => ({ start, end, label });

  it('scores a boundary disagreement below 1 in exact F1 and counts it in overlap F1', () => {
    const sample = unitSampleOf<Span[]>([
      ['doc1', 'alice', [text(0, 12), text(20, 25, 'PER')]],
      ['doc1', 'bob', [text(0, 9), text(20, 25, 'PER')]],
    ]);
    const report = computeFramedAgreement({ framing: 'spans', sample }, { bootstrap: 0 });
    expect(report.spans?.f1.exact).toBeCloseTo(0.5, 12); // TP 1, FP 1, FN 1
    expect(report.spans?.f1.unlabeled).toBeCloseTo(0.5, 12);
    expect(report.spans?.f1.overlap).toBeCloseTo(1, 12); // IoU 9/12 ≥ 0.5
    expect(report.humanCeiling).toMatchObject({ value: 0.5, basis: 'spans.f1.exact' });
    expect(report.spans?.perLabel).toEqual({ ORG: 0, PER: 1 });
    expect(report.percentAgreement).toBeNull();
  });

  it('reads an annotation without spans as "found nothing", which disagrees with a span', () => {
    const sample = unitSampleOf<Span[]>([
      ['doc1', 'alice', [text(0, 4)]],
      ['doc1', 'bob', []],
      ['doc2', 'alice', [text(3, 8)]],
      ['doc2', 'bob', [text(3, 8)]],
    ]);
    const report = computeFramedAgreement({ framing: 'spans', sample }, { bootstrap: 0 });
    expect(report.spans?.f1.exact).toBeCloseTo(2 / 3, 12);
  });

  it('gives intervals over documents that hold the estimate, the same for the same seed', () => {
    const records: [string, string, Span[]][] = [];
    for (let d = 0; d < 60; d++) {
      records.push([`d${d}`, 'a', [text(0, 5), text(10, 15, 'PER')]]);
      records.push([
        `d${d}`,
        'b',
        d % 3 === 0 ? [text(0, 6), text(10, 15, 'PER')] : [text(0, 5), text(10, 15, 'PER')],
      ]);
    }
    const framed = { framing: 'spans', sample: unitSampleOf(records) } as const;
    const report = computeFramedAgreement(framed, { bootstrap: 300, seed: 7 });
    const [lower, upper] = report.spans?.ci.exact ?? [Number.NaN, Number.NaN];
    const exact = report.spans?.f1.exact ?? Number.NaN;
    expect(lower).toBeLessThan(exact);
    expect(upper).toBeGreaterThan(exact);
    expect(report.ci.humanCeiling).toEqual(report.spans?.ci.exact);
    expect(computeFramedAgreement(framed, { bootstrap: 300, seed: 7 }).spans?.ci).toEqual(report.spans?.ci);
  });
});

describe('boxes', () => {
  const box = (x: number, y: number, width: number, height: number, label = 'car'): Box => ({
    x,
    y,
    width,
    height,
    label,
  });

  it('measures IoU as intersection over union, 0 across labels', () => {
    expect(boxIoU(box(0, 0, 10, 10), box(5, 0, 10, 10))).toBeCloseTo(50 / 150, 12);
    expect(boxIoU(box(0, 0, 10, 10), box(0, 0, 10, 10, 'person'))).toBe(0);
  });

  it('matches one to one at IoU 0.5 and 0.75', () => {
    // Alice draws two overlapping cars where Bob drew one: one match at most.
    const sample = unitSampleOf<Box[]>([
      ['img1', 'alice', [box(0, 0, 10, 10), box(1, 0, 10, 10)]],
      ['img1', 'bob', [box(0, 0, 10, 12)]],
    ]);
    const report = computeFramedAgreement({ framing: 'boxes', sample }, { bootstrap: 0 });
    expect(report.boxes?.f1.iou50).toBeCloseTo(2 / 3, 12);
    expect(report.boxes?.f1.iou75).toBeCloseTo(2 / 3, 12); // IoU 100/120
    expect(report.boxes?.meanIoU).toBeCloseTo(100 / 120, 12);
    expect(report.humanCeilingMetric).toBe('f1');
  });
});

describe('ranking', () => {
  it('relates W to the mean pairwise Spearman correlation, ρ̄ = (mW − 1)/(m − 1), without ties (Kendall & Babington Smith 1939)', () => {
    const spearman = (x: readonly number[], y: readonly number[]) => {
      const n = x.length;
      let d2 = 0;
      for (let i = 0; i < n; i++) d2 += ((x[i] ?? 0) - (y[i] ?? 0)) ** 2;
      return 1 - (6 * d2) / (n * (n * n - 1));
    };
    const permutation = fc.shuffledSubarray([1, 2, 3, 4, 5, 6], { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(permutation, { minLength: 2, maxLength: 5 }), (rankings) => {
        const m = rankings.length;
        let total = 0;
        for (let i = 0; i < m; i++)
          for (let j = i + 1; j < m; j++) total += spearman(rankings[i] ?? [], rankings[j] ?? []);
        const meanRho = total / ((m * (m - 1)) / 2);
        const { corrected, uncorrected } = kendallW(rankings);
        expect(uncorrected).toBeCloseTo(corrected, 12);
        expect((m * corrected - 1) / (m - 1)).toBeCloseTo(meanRho, 10);
      }),
    );
  });

  it('corrects W for ties and computes τ-b as for tied data', () => {
    const { corrected, uncorrected } = kendallW([
      [1, 2, 2, 4],
      [1, 2, 3, 4],
    ]);
    expect(corrected).toBeGreaterThan(uncorrected);
    // τ-b of (1,2,2,4) and (1,2,3,4): 5 concordant, 0 discordant, 1 tie in x: 5 / √(5 · 6)
    expect(kendallTauB([1, 2, 2, 4], [1, 2, 3, 4])).toBeCloseTo(5 / Math.sqrt(30), 12);
    expect(kendallTauB([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('uses each list’s common objects and averages over lists', () => {
    const r = (pairs: [string, number][]) => pairs.map(([object, rank]) => ({ object, rank }));
    const sample = unitSampleOf([
      [
        'q1',
        'a',
        r([
          ['x', 1],
          ['y', 2],
          ['z', 3],
        ]),
      ],
      [
        'q1',
        'b',
        r([
          ['x', 1],
          ['y', 2],
          ['z', 3],
          ['w', 4],
        ]),
      ],
      [
        'q2',
        'a',
        r([
          ['x', 1],
          ['y', 2],
        ]),
      ],
      [
        'q2',
        'b',
        r([
          ['x', 2],
          ['y', 1],
        ]),
      ],
    ]);
    const report = computeFramedAgreement({ framing: 'ranking', sample }, { bootstrap: 0 });
    expect(report.ranking?.meanKendallTau).toBeCloseTo(0, 12);
    expect(report.ranking?.lists).toBe(2);
    expect(report.humanCeilingMetric).toBe('kendallTau');
  });
});

describe('pairwise', () => {
  it('puts a comparison in canonical order whichever way it was shown', () => {
    expect(canonicalComparison('doc-2', 'doc-1', 'left')).toEqual({
      item: 'doc-1 vs doc-2',
      label: 'second',
    });
    expect(canonicalComparison('doc-1', 'doc-2', 'right')).toEqual({
      item: 'doc-1 vs doc-2',
      label: 'second',
    });
    expect(canonicalComparison('doc-1', 'doc-2', 'TIE')).toEqual({ item: 'doc-1 vs doc-2', label: 'tie' });
    expect(canonicalComparison('doc-1', 'doc-2', 'maybe')).toBeNull();
  });

  it('scores canonical answers with the categorical coefficients, ties counted apart', () => {
    const sample = encodeTriples([
      ['p1', 'a', 'first'],
      ['p1', 'b', 'first'],
      ['p2', 'a', 'second'],
      ['p2', 'b', 'first'],
      ['p3', 'a', 'tie'],
      ['p3', 'b', 'first'],
    ]);
    const report = computeFramedAgreement({ framing: 'pairwise', sample }, { bootstrap: 0 });
    expect(report.pairwise).toEqual({ comparisons: 3, tieShare: 1 / 6, agreementWithoutTies: 0.5 });
    expect(report.percentAgreement).toBeCloseTo(1 / 3, 12);
    expect(report.humanCeiling?.value).toBe(report.percentAgreement);
    expect(report.humanCeilingMetric).toBe('accuracy');
  });
});

describe('continuous', () => {
  it("inverts the F quantile's degrees of freedom: qf(p, a, b) = 1 / qf(1 − p, b, a)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (p, a, b) => {
          expect(fQuantile(p, a, b) * fQuantile(1 - p, b, a)).toBeCloseTo(1, 8);
        },
      ),
    );
  });

  it('reports ICC for numeric labels under the categorical framing too, with an accuracy ceiling', () => {
    const sample = encodeTriples([
      ['i1', 'a', '1'],
      ['i1', 'b', '2'],
      ['i2', 'a', '3'],
      ['i2', 'b', '3'],
      ['i3', 'a', '5'],
      ['i3', 'b', '4'],
    ]);
    const categorical = computeFramedAgreement({ framing: 'categorical', sample }, { bootstrap: 0 });
    const continuous = computeFramedAgreement({ framing: 'continuous', sample }, { bootstrap: 0 });
    expect(categorical.icc).toEqual(continuous.icc);
    expect(categorical.humanCeilingMetric).toBe('accuracy');
    expect(continuous.humanCeiling?.value).toBeCloseTo(
      Math.sqrt(continuous.icc?.['ICC(C,1)'] ?? Number.NaN),
      12,
    );
    expect(continuous.humanCeiling?.basis).toBe('sqrt-icc-c1');
  });

  it('leaves ICC null with a reason when no item was rated by every annotator', () => {
    const sample = encodeTriples([
      ['i1', 'a', '1'],
      ['i1', 'b', '2'],
      ['i2', 'c', '3'],
      ['i2', 'b', '3'],
    ]);
    const report = computeFramedAgreement({ framing: 'continuous', sample }, { bootstrap: 0 });
    expect(report.icc).toBeNull();
    expect(report.humanCeiling).toBeNull();
    expect(report.warnings.map((w) => w.key)).toContain('icc');
  });
});
