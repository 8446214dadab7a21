import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeAgreement, parseSample } from '../agreement';
import { CATALOGUE } from './catalogue';
import {
  DEMO_ANNOTATORS,
  DEMO_ITEM_COUNT,
  DEMO_SEED,
  type DemoSample,
  demoSampleToCsv,
  generateDemoSample,
} from './generate-sample';
import { DEMO_SAMPLE_REPO_PATH } from './index';

const sample = generateDemoSample(DEMO_SEED);

/** Per annotator, the share of items they label against the guidelines, over items matching `filter`. */
function departureRate(s: DemoSample, annotator: string, filter: (clarity: string) => boolean): number {
  const truthByTitle = new Map(s.items.map((item) => [item.title, item]));
  let total = 0;
  let departed = 0;
  for (const a of s.annotations) {
    const item = truthByTitle.get(a.item);
    if (a.annotator !== annotator || !item || !filter(item.clarity)) continue;
    total += 1;
    if (a.label !== item.truth) departed += 1;
  }
  return departed / total;
}

const medicineShare = (s: DemoSample, annotator: string) =>
  s.annotations.filter((a) => a.annotator === annotator && a.label === 'medicine').length / s.items.length;

describe('generateDemoSample', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoSample(DEMO_SEED)).toEqual(sample);
    expect(demoSampleToCsv(generateDemoSample(7))).not.toBe(demoSampleToCsv(sample));
  });

  it('gives every one of the unique titles a label from each of the three annotators', () => {
    expect(sample.items).toHaveLength(DEMO_ITEM_COUNT);
    expect(new Set(sample.items.map((item) => item.title)).size).toBe(DEMO_ITEM_COUNT);
    expect(sample.annotations).toHaveLength(DEMO_ITEM_COUNT * DEMO_ANNOTATORS.length);
    for (const item of sample.items) {
      const annotators = sample.annotations.filter((a) => a.item === item.title).map((a) => a.annotator);
      expect(annotators).toEqual(DEMO_ANNOTATORS.map((a) => a.id));
    }
  });

  it('mixes every kind of product, with medicines a minority', () => {
    const kinds = new Set(sample.items.map((item) => item.kind));
    expect([...kinds].sort()).toEqual(['cosmetic', 'device', 'medicine', 'ordinary', 'supplement']);
    const medicines = sample.items.filter((item) => item.truth === 'medicine').length;
    expect(medicines / DEMO_ITEM_COUNT).toBeGreaterThan(0.25);
    expect(medicines / DEMO_ITEM_COUNT).toBeLessThan(0.5);
  });

  it('concentrates disagreement on ambiguous products', () => {
    for (const { id } of DEMO_ANNOTATORS) {
      const clear = departureRate(sample, id, (clarity) => clarity === 'clear');
      const ambiguous = departureRate(sample, id, (clarity) => clarity === 'ambiguous');
      expect(clear).toBeLessThan(0.06);
      expect(ambiguous).toBeGreaterThan(3 * clear);
    }
  });

  it('makes chen the strict annotator, who labels more titles "medicine" than the others', () => {
    const chen = medicineShare(sample, 'chen');
    expect(chen).toBeGreaterThan(medicineShare(sample, 'amira') + 0.05);
    expect(chen).toBeGreaterThan(medicineShare(sample, 'bruno') + 0.03);
  });

  it('scores as a realistic pilot: tentative α and a ceiling between 0.8 and 0.9', () => {
    const parsed = parseSample(demoSampleToCsv(sample));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.format).toBe('long');
    expect(parsed.value.sample.items).toHaveLength(DEMO_ITEM_COUNT);
    const report = computeAgreement(parsed.value.sample, { bootstrap: 0 });
    const alpha = report.krippendorffAlpha.nominal ?? Number.NaN;
    expect(alpha).toBeGreaterThanOrEqual(0.667);
    expect(alpha).toBeLessThan(0.8);
    expect(report.humanCeiling?.value).toBeGreaterThan(0.8);
    expect(report.humanCeiling?.value).toBeLessThan(0.9);
    expect(report.warnings).toEqual([]);
  });

  it('draws only titles of the catalogue', () => {
    const patterns = CATALOGUE.map((p) => p.pattern.split('{')[0]?.trim() ?? '');
    for (const item of sample.items) {
      expect(patterns.some((start) => item.title.includes(start))).toBe(true);
    }
  });
});

describe('the committed sample file', () => {
  it('equals the generator’s output (regenerate with scripts/generate-demo-sample.ts)', () => {
    const path = fileURLToPath(new URL(`../../../../${DEMO_SAMPLE_REPO_PATH}`, import.meta.url));
    expect(readFileSync(path, 'utf8')).toBe(demoSampleToCsv(sample));
  });
});
