import { alphaBand, computeAgreement, kappaBand, parseSample } from '@raisin/core/agreement';
import { describe, expect, it } from 'vitest';
import {
  bandScale,
  bandTone,
  coefficientRows,
  describeAlphaBand,
  describeCeiling,
  describeSampleSize,
  disagreementsToCsv,
  filterDisagreements,
  pairGrid,
  parseUploadEvents,
} from './format';

function reportOf(csv: string) {
  const parsed = parseSample(csv);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return computeAgreement(parsed.value.sample, { bootstrap: 100 });
}

const THREE =
  'item,annotator,label\n1,a,x\n1,b,x\n1,c,x\n2,a,y\n2,b,y\n2,c,x\n3,a,x\n3,b,y\n3,c,y\n4,a,y\n4,b,y\n4,c,y\n';

describe('agreement tab wording and tables', () => {
  it('says the ceiling in plain words with its ± from the interval', () => {
    const report = reportOf(THREE);
    const ceiling = report.humanCeiling;
    if (!ceiling?.ci) throw new Error('expected a ceiling with an interval');
    const sentence = describeCeiling(ceiling);
    const spread = ((ceiling.ci[1] - ceiling.ci[0]) / 2).toFixed(2);
    expect(sentence).toContain(
      `would score about ${ceiling.value.toFixed(2)} ± ${spread} accuracy against one annotator's labels`,
    );
    expect(sentence).toContain('over 4 items with three or more labels');
    expect(describeCeiling(null)).toMatch(/not defined/);
  });

  it('lists every coefficient, giving the chosen level its α interval and band', () => {
    const report = reportOf(THREE);
    const rows = coefficientRows(report);
    const nominal = rows.find((r) => r.key === 'krippendorffAlpha.nominal');
    expect(nominal).toMatchObject({
      value: report.krippendorffAlpha.nominal,
      ci: report.ci.alpha,
      band: report.bands.alpha,
    });
    expect(rows.find((r) => r.key === 'cohenKappa')).toMatchObject({ value: null, ci: null, band: null });
    expect(rows).toHaveLength(14);
  });

  it('exports disagreements as CSV with a column per annotator, quoting risky cells', () => {
    const csv = disagreementsToCsv([
      {
        item: 'q1',
        agreement: 0,
        labels: [
          { annotator: 'ann', label: 'yes, mostly' },
          { annotator: 'ben', label: '=1+1' },
        ],
      },
      { item: 'q2', agreement: 1 / 3, labels: [{ annotator: 'ben', label: 'no' }] },
    ]);
    expect(csv).toBe('item,agreement,ann,ben\r\nq1,0.000,"yes, mostly","=1+1"\r\nq2,0.333,,no\r\n');
  });

  it('searches items, labels and annotators', () => {
    const disagreements = [
      { item: 'Aspirin 500', agreement: 0, labels: [{ annotator: 'ann', label: 'meds' }] },
      { item: 'Shoe', agreement: 0, labels: [{ annotator: 'ben', label: 'apparel' }] },
    ];
    expect(filterDisagreements(disagreements, 'MEDS').map((row) => row.item)).toEqual(['Aspirin 500']);
    expect(filterDisagreements(disagreements, 'ben').map((row) => row.item)).toEqual(['Shoe']);
    expect(filterDisagreements(disagreements, '  ')).toHaveLength(2);
  });

  it('builds a symmetric pair grid from the pairs', () => {
    const grid = pairGrid(reportOf(THREE));
    expect(grid.annotators).toEqual(['a', 'b', 'c']);
    expect(grid.cells[0]?.[1]).toBe(grid.cells[1]?.[0]);
    expect(grid.cells[0]?.[1]).toBe(0.75);
    expect(grid.cells[2]?.[2]).toBe(1);
  });

  it('reads complete NDJSON lines and waits for a partial one', () => {
    const text =
      '{"type":"progress","phase":"scoring","annotations":41}\n{"type":"done","sample":{"id":"s","na';
    expect(parseUploadEvents(text)).toEqual([{ type: 'progress', phase: 'scoring', annotations: 41 }]);
    expect(parseUploadEvents(`${text}me":"x"}}\n`).at(-1)).toEqual({
      type: 'done',
      sample: { id: 's', name: 'x' },
    });
  });
});

describe('describeSampleSize', () => {
  it('puts each noun in the right number', () => {
    // A one-item, one-category sample read "1 items, … 1 categories" before.
    expect(describeSampleSize(reportOf('item,annotator,label\n1,a,x\n1,b,x\n'))).toBe(
      '1 item, 2 annotators, 2 labels, 1 category',
    );
    expect(
      describeSampleSize({ items: 12_000, annotators: 1, annotations: 41, categories: ['a', 'b'] }),
    ).toBe('12,000 items, 1 annotator, 41 labels, 2 categories');
  });

  it('counts lists and rankings for rankings, documents and span sets for spans, without categories', () => {
    const size = { annotators: 2, annotations: 4, categories: [] };
    expect(describeSampleSize({ ...size, items: 2, framing: 'ranking' })).toBe(
      '2 lists, 2 annotators, 4 rankings',
    );
    expect(describeSampleSize({ ...size, items: 1, framing: 'spans' })).toBe(
      '1 document, 2 annotators, 4 span sets',
    );
  });
});

describe('bands and their scales', () => {
  it('names Krippendorff for every α row and Landis–Koch for the κ family', () => {
    const rows = coefficientRows(reportOf(THREE)).filter((row) => row.band !== null);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(bandScale(row.key)).toBe(
        row.name.startsWith("Krippendorff's α") ? "Krippendorff's" : "Landis–Koch's",
      );
    }
  });

  it('colours the same number alike on both scales', () => {
    // 0.70 is "tentative" for α and "substantial" for κ: both amber, so the colours never contradict.
    expect(bandTone(alphaBand(0.7))).toBe('fair');
    expect(bandTone(kappaBand(0.7))).toBe('fair');
    expect(bandTone(alphaBand(0.85))).toBe('good');
    expect(bandTone(kappaBand(0.85))).toBe('good');
    expect(bandTone(alphaBand(0.5))).toBe('poor');
    expect(bandTone(kappaBand(0.3))).toBe('poor');
    expect(bandTone(null)).toBeNull();
  });

  it('says what the α band means', () => {
    expect(describeAlphaBand('tentative')).toBe('0.667 ≤ α < 0.800 — draw only tentative conclusions');
    expect(describeAlphaBand(undefined)).toBe('no band (undefined)');
  });
});
