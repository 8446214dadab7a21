import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeAgreement } from './compute-agreement';
import { encodeTriples, loadLongCsv, REFERENCE_DATA_DIR } from './test-support';
import type { AgreementProgress } from './types';

const sample = () => loadLongCsv(join(REFERENCE_DATA_DIR, 'krippendorff2011.long.csv'));

function record(resamples: number): AgreementProgress[] {
  const events: AgreementProgress[] = [];
  computeAgreement(sample(), { bootstrap: resamples, seed: 3, onProgress: (p) => events.push(p) });
  return events;
}

const ofStage = (events: readonly AgreementProgress[], stage: AgreementProgress['stage']) =>
  events.filter((event) => event.stage === stage);

describe('computeAgreement progress', () => {
  it('reports the coefficients, then the bootstrap, each monotone from 0 to its total', () => {
    const events = record(1000);
    const stages = events.map((event) => event.stage);
    expect(stages.indexOf('bootstrap')).toBe(stages.lastIndexOf('coefficients') + 1);
    for (const stage of ['coefficients', 'bootstrap'] as const) {
      const own = ofStage(events, stage);
      const total = own[0]?.total ?? 0;
      expect(total).toBeGreaterThan(0);
      expect(own.every((event) => event.total === total)).toBe(true);
      expect(own[0]?.done).toBe(0);
      expect(own.at(-1)?.done).toBe(total);
      for (let i = 1; i < own.length; i++) expect(own[i]?.done).toBeGreaterThan(own[i - 1]?.done ?? 0);
    }
    expect(ofStage(events, 'bootstrap')[0]?.total).toBe(1000);
  });

  it('reports the bootstrap about every 1% of the resamples, not after each one', () => {
    const bootstrap = ofStage(record(1000), 'bootstrap');
    // 0, then every 10 resamples up to 1000.
    expect(bootstrap).toHaveLength(101);
    const odd = ofStage(record(7), 'bootstrap').map((event) => event.done);
    expect(odd).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const uneven = ofStage(record(250), 'bootstrap').map((event) => event.done);
    expect(uneven.length).toBeLessThanOrEqual(101);
    expect(uneven.at(-1)).toBe(250);
  });

  it('has no bootstrap stage without resamples or without a pairable item', () => {
    expect(ofStage(record(0), 'bootstrap')).toEqual([]);
    const events: AgreementProgress[] = [];
    computeAgreement(
      encodeTriples([
        ['1', 'A', 'x'],
        ['2', 'B', 'y'],
      ]),
      { bootstrap: 100, onProgress: (p) => events.push(p) },
    );
    expect(events.map((event) => event.stage)).not.toContain('bootstrap');
    expect(events.at(-1)).toMatchObject({ stage: 'coefficients', done: events.at(-1)?.total });
  });

  it('gives the same report with or without a progress callback', () => {
    const plain = computeAgreement(sample(), { bootstrap: 200, seed: 5 });
    const watched = computeAgreement(sample(), { bootstrap: 200, seed: 5, onProgress: () => undefined });
    expect(watched).toEqual(plain);
  });
});
