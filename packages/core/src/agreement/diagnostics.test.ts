import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared';
import { computeAgreement } from './compute-agreement';
import { computeConfusionMatrix } from './diagnostics';
import { buildItemIndex } from './item-index';
import { buildPairTable } from './pair-table';
import { createLightStatistic, lightKappaFromPairTable } from './statistics';
import {
  buildPairSources,
  drawResample,
  encodeTriples,
  loadLongCsv,
  REFERENCE_DATA_DIR,
  type Triple,
} from './test-support';

describe('computeConfusionMatrix', () => {
  const sample = loadLongCsv(`${REFERENCE_DATA_DIR}artstein_poesio2008_table1.long.csv`);

  it('counts Artstein & Poesio (2008) Table 1 for the two coders, by id or by index', () => {
    const matrix = computeConfusionMatrix(sample, 'coder1', 'coder2');
    // Table 1: both STAT 20, both IReq 50, and 20 + 10 disagreements; categories in first-seen order.
    expect(matrix).toEqual({
      annotatorA: 'coder1',
      annotatorB: 'coder2',
      categories: ['STAT', 'IREQ'],
      counts: [
        [20, 20],
        [10, 50],
      ],
      items: 100,
    });
    expect(computeConfusionMatrix(sample, 0, 1)).toEqual(matrix);
    expect(computeConfusionMatrix(sample, 'coder2', 'coder1')?.counts).toEqual([
      [20, 10],
      [20, 50],
    ]);
  });

  it('returns null for an unknown annotator or the same one twice', () => {
    expect(computeConfusionMatrix(sample, 'coder1', 'nobody')).toBeNull();
    expect(computeConfusionMatrix(sample, 0, 0)).toBeNull();
    expect(computeConfusionMatrix(sample, 0, 2)).toBeNull();
  });
});

describe('per-category agreement', () => {
  it("weights to Fleiss' κ: Σ p_k q_k κ_k / Σ p_k q_k = κ (Fleiss 1971, diagnoses)", () => {
    const report = computeAgreement(loadLongCsv(`${REFERENCE_DATA_DIR}fleiss1971_diagnoses.long.csv`), {
      bootstrap: 0,
    });
    const total = report.annotations;
    let weighted = 0;
    let weights = 0;
    for (const category of report.diagnostics.perCategory) {
      const p = category.count / total;
      weighted += p * (1 - p) * (category.kappa ?? 0);
      weights += p * (1 - p);
    }
    expect(weighted / weights).toBeCloseTo(report.fleissKappa ?? Number.NaN, 12);
    // Neurosis (Fleiss 1971, Table 2): κ_j = .245 … check specific agreement is a share.
    for (const category of report.diagnostics.perCategory) {
      expect(category.specificAgreement).toBeGreaterThan(0);
      expect(category.specificAgreement).toBeLessThan(1);
    }
  });

  it('is null for a category that never occurs on a pairable item', () => {
    const report = computeAgreement(
      encodeTriples([
        ['1', 'A', 'x'],
        ['1', 'B', 'y'],
        ['2', 'A', 'z'],
      ]),
      { bootstrap: 0 },
    );
    expect(report.diagnostics.perCategory.find((c) => c.category === 'z')).toEqual({
      category: 'z',
      count: 1,
      specificAgreement: null,
      kappa: null,
    });
  });
});

describe('annotator pairs in a sparse crowd', () => {
  // 1,000 annotators who each label about 20 of 4,000 items, 5 per item.
  const random = createRandom(9);
  const triples: Triple[] = [];
  for (let i = 0; i < 4000; i++) {
    const chosen = new Set<number>();
    while (chosen.size < 5) chosen.add(random.nextInt(1000));
    const truth = random.nextInt(4);
    for (const a of chosen)
      triples.push([`i${i}`, `a${a}`, String(random.nextFloat() < 0.8 ? truth : random.nextInt(4))]);
  }
  const sample = encodeTriples(triples);

  it('keeps only the pairs that share an item, without a dense annotator × annotator table', () => {
    const pairs = buildPairTable(sample, buildItemIndex(sample));
    expect(pairs.confusion).toBeNull();
    expect(pairs.pairCount).toBeLessThanOrEqual(4000 * 10);
    expect(pairs.pairCount).toBeGreaterThan(30_000);
    let shared = 0;
    for (const items of pairs.items) shared += items;
    expect(shared).toBe(4000 * 10);
  });

  it("computes Light's κ over single-item pairs as a dense recount does, on a resample", () => {
    const { dense, sparse, pairs } = buildPairSources(sample);
    const resample = drawResample(sample.items.length, 7);
    for (const which of [null, resample]) {
      const x = new Float64Array(1);
      const y = new Float64Array(1);
      createLightStatistic(dense).evaluate(which, x);
      createLightStatistic(sparse).evaluate(which, y);
      expect(y[0]).toBeCloseTo(x[0] ?? Number.NaN, 12);
    }
    const point = new Float64Array(1);
    createLightStatistic(sparse).evaluate(null, point);
    expect(point[0]).toBeCloseTo(lightKappaFromPairTable(pairs).value, 12);
  });

  it('reports them, with confusion matrices counted from the items', () => {
    const report = computeAgreement(sample, { bootstrap: 20 });
    expect(report.diagnostics.pairs.length).toBeGreaterThan(30_000);
    expect(report.diagnostics.confusionMatrices).toHaveLength(10);
    const [first] = report.diagnostics.confusionMatrices;
    const pair = report.diagnostics.pairs[0];
    expect(first?.items).toBe(pair?.items);
    expect(report.lightKappa).not.toBeNull();
    expect(report.ci.lightKappa).toBeDefined();
  });
});
