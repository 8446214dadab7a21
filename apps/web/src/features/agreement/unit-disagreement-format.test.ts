import type { UnitDisagreement, UnitDisagreements } from '@raisin/core/agreement';
import { describe, expect, it } from 'vitest';
import {
  describeDifference,
  describePairwiseAnswer,
  filterUnitDisagreements,
  unitDisagreementsToCsv,
  unitHeadline,
  unitListEmpty,
  unitListTitle,
} from './unit-disagreement-format';

const doc17: UnitDisagreement = {
  unit: 'doc 17',
  score: 0.4,
  annotatorA: 'ann1',
  annotatorB: 'ann2',
  differences: [
    { kind: 'span', has: 'ann1', lacks: 'ann2', start: 13, end: 21, label: 'PER', text: 'New York' },
    { kind: 'span', has: 'ann2', lacks: 'ann1', start: 17, end: 21, label: 'PER', text: null },
  ],
  moreDifferences: 0,
};

describe('the structured disagreement list in words', () => {
  it('says a span one annotator has and the other lacks, quoting its text or else naming its characters', () => {
    expect(unitHeadline(doc17, 'spanF1')).toBe('doc 17 — span F1 0.40 (ann1 vs ann2)');
    expect(doc17.differences.map(describeDifference)).toEqual([
      'ann1 has ‘New York’ (PER) · ann2 lacks it',
      'ann2 has characters 17–21 (PER) · ann1 lacks it',
    ]);
  });

  it('says boxes, labels, rankings and ratings in their own terms', () => {
    expect(
      describeDifference({
        kind: 'box',
        has: 'a',
        lacks: 'b',
        label: 'car',
        x: 20,
        y: 20.5,
        width: 5,
        height: 5,
      }),
    ).toBe('a has car at x 20, y 20.50, 5 × 5 · b has no match');
    expect(describeDifference({ kind: 'label', has: 'x', lacks: 'y', label: 'dog' })).toBe(
      'x has dog · y lacks it',
    );
    expect(describeDifference({ kind: 'order', annotator: 'p', objects: ['a', 'b', 'c'] })).toBe(
      'p ranks a > b > c',
    );
    expect(describeDifference({ kind: 'rating', annotator: 'r1', value: 4 })).toBe('r1 rated 4');
    expect(unitHeadline({ ...doc17, unit: 'i3', score: 3 }, 'ratingRange')).toBe(
      'i3 — range 3 (ann1 vs ann2)',
    );
  });

  it('titles the list by the framing’s unit and says what agreeing means when it is empty', () => {
    expect(unitListTitle('spanF1').title).toBe('Documents with the most disagreement');
    expect(unitListTitle('boxF1').title).toBe('Images with the most disagreement');
    expect(unitListTitle('kendallTau').title).toBe('Lists with the most disagreement');
    expect(unitListTitle('spanF1').listName).toBe('Documents that agree least');
    expect(unitListEmpty('spanF1')).toMatch(/same spans/);
  });

  it('finds units by id, annotator or difference, case-insensitively', () => {
    const other = { ...doc17, unit: 'doc 2', differences: [], annotatorA: 'x', annotatorB: 'y' };
    expect(filterUnitDisagreements([doc17, other], 'new york').map((u) => u.unit)).toEqual(['doc 17']);
    expect(filterUnitDisagreements([doc17, other], 'DOC 2').map((u) => u.unit)).toEqual(['doc 2']);
    expect(filterUnitDisagreements([doc17, other], ' ')).toHaveLength(2);
  });

  it('exports one CSV row per difference, quoting formula-like cells', () => {
    const list: UnitDisagreements = { metric: 'spanF1', units: [{ ...doc17, unit: '=cmd' }] };
    expect(unitDisagreementsToCsv(list, list.units)).toBe(
      'document,spanF1,annotator_a,annotator_b,difference\r\n' +
        '"=cmd",0.4,ann1,ann2,ann1 has ‘New York’ (PER) · ann2 lacks it\r\n' +
        '"=cmd",0.4,ann1,ann2,ann2 has characters 17–21 (PER) · ann1 lacks it\r\n',
    );
  });

  it('says which item a pairwise answer preferred', () => {
    expect(describePairwiseAnswer('doc-1 vs doc-2', 'first')).toBe('prefers doc-1');
    expect(describePairwiseAnswer('doc-1 vs doc-2', 'second')).toBe('prefers doc-2');
    expect(describePairwiseAnswer('doc-1 vs doc-2', 'tie')).toBe('tie');
  });
});
