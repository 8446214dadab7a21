/**
 * Published values of the framings beyond one label per item (reference-data/framings.json, with their
 * sources): Shrout & Fleiss's ICCs, crowd-kit's multi-label α, NLTK's MASI distance and bratiaa's span F1.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFramedAgreement } from './compute-framed-agreement';
import type { Span } from './framing';
import { masiDistance } from './multilabel/set-distances';
import { parseSample } from './parse';
import { loadLongCsv, REFERENCE_DATA_DIR, readBratSpans, unitSampleOf } from './test-support';

interface Published {
  readonly published: Record<string, number>;
  readonly digits: number;
  readonly intervals?: Record<string, [number, number]>;
}
const reference = JSON.parse(readFileSync(`${REFERENCE_DATA_DIR}framings.json`, 'utf8')) as Record<
  string,
  Published
>;
const set = (name: string): Published => {
  const found = reference[name];
  if (found === undefined) throw new Error(`no ${name} in framings.json`);
  return found;
};
const close = (actual: number | null | undefined, expected: number, digits: number) =>
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(0.5 * 10 ** -digits);

describe('Shrout & Fleiss (1979), 6 targets × 4 judges', () => {
  const { published, digits, intervals = {} } = set('shrout_fleiss1979_table2');
  const fromLong = loadLongCsv(`${REFERENCE_DATA_DIR}shrout_fleiss1979_table2.long.csv`);
  const wide = parseSample(readFileSync(`${REFERENCE_DATA_DIR}shrout_fleiss1979_table2.wide.csv`));
  if (!wide.ok) throw new Error(wide.error.message);

  for (const [name, sample] of [
    ['long', fromLong],
    ['wide', wide.value.sample],
  ] as const) {
    it(`reproduces the six ICCs and psych's intervals from the ${name} CSV`, () => {
      const report = computeFramedAgreement({ framing: 'continuous', sample }, { bootstrap: 0 });
      expect(report.iccItems).toBe(6);
      for (const [form, value] of Object.entries(published)) {
        close(report.icc?.[form as keyof typeof report.icc], value, digits);
      }
      for (const [form, [lower, upper]] of Object.entries(intervals)) {
        const bounds = report.ci.icc?.[form as keyof NonNullable<typeof report.ci.icc>];
        // psych prints the lower bounds to 3 decimals and the upper ones to 2.
        close(bounds?.[0], lower, 3);
        close(bounds?.[1], upper, 2);
      }
      expect(report.humanCeilingMetric).toBe('correlation');
      expect(report.humanCeiling?.value).toBeCloseTo(Math.sqrt(report.icc?.['ICC(C,1)'] ?? Number.NaN), 12);
    });
  }
});

describe("crowd-kit's toy multi-label sample", () => {
  it('gives α with MASI and with the 0/1 set distance as crowd-kit and NLTK do', () => {
    const { published, digits } = set('crowdkit_toy_multilabel');
    const rows = readFileSync(`${REFERENCE_DATA_DIR}crowdkit_toy_multilabel.long.csv`, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [task = '', worker = '', labels = ''] = line.split(',');
        return [task, worker, labels.split('|')] as const;
      });
    const report = computeFramedAgreement(
      { framing: 'multilabel', sample: unitSampleOf(rows) },
      { bootstrap: 0 },
    );
    close(report.multilabel?.alphaMasi, published.alphaMasi ?? Number.NaN, digits);
    close(report.multilabel?.alphaExact, published.alphaExact ?? Number.NaN, digits);
  });

  it("gives NLTK's documented MASI distance", () => {
    const { published, digits } = set('nltk_masi_distance');
    close(masiDistance([1, 2], [1, 2, 3, 4]), published.distance ?? Number.NaN, digits);
  });
});

describe("bratiaa's agree-2 project", () => {
  it('gives the instance-level span F1 26/33', () => {
    const { published, digits } = set('bratiaa_agree_2');
    const records: [string, string, Span[]][] = [];
    for (const annotator of ['ann1', 'ann2']) {
      for (const doc of ['esp.train-doc-29', 'esp.train-doc-46']) {
        const text = readFileSync(`${REFERENCE_DATA_DIR}bratiaa-agree-2/${annotator}/${doc}.ann`, 'utf8');
        records.push([doc, annotator, readBratSpans(text)]);
      }
    }
    const report = computeFramedAgreement(
      { framing: 'spans', sample: unitSampleOf(records) },
      { bootstrap: 200 },
    );
    close(report.spans?.f1.exact, published.exact ?? Number.NaN, digits);
    expect(report.spans?.f1.exact).toBeCloseTo(26 / 33, 12);
    expect(report.humanCeiling?.value).toBe(report.spans?.f1.exact);
    expect(report.humanCeilingMetric).toBe('f1');
    expect(report.spans?.documents).toBe(2);
  });
});
