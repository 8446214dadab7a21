import { describe, expect, it } from 'vitest';
import {
  assessMaturity,
  MATURITY_ITEMS,
  MATURITY_SECTIONS,
  type MaturityAnswer,
  type MaturityAnswers,
  unsatisfiedItems,
} from './maturity-items';

function answerAll(answer: MaturityAnswer, levels: readonly number[]): Record<string, MaturityAnswer> {
  return Object.fromEntries(
    MATURITY_ITEMS.filter((item) => levels.includes(item.level)).map((item) => [item.id, answer]),
  );
}

const level1Ids = MATURITY_ITEMS.filter((item) => item.level === 1).map((item) => item.id);
const level2Ids = MATURITY_ITEMS.filter((item) => item.level === 2).map((item) => item.id);

describe('MATURITY_ITEMS', () => {
  it('has unique ids, guidance on every item, and items for every section at both levels overall', () => {
    expect(new Set(MATURITY_ITEMS.map((item) => item.id)).size).toBe(MATURITY_ITEMS.length);
    for (const item of MATURITY_ITEMS) expect(item.guidance.length).toBeGreaterThan(10);
    for (const section of MATURITY_SECTIONS) {
      expect(MATURITY_ITEMS.some((item) => item.section === section.id)).toBe(true);
    }
    expect(level1Ids.length).toBeGreaterThan(0);
    expect(level2Ids.length).toBeGreaterThan(0);
  });
});

describe('assessMaturity', () => {
  it('is level 0 with no answers, every level-1 item blocking', () => {
    const result = assessMaturity({});
    expect(result.level).toBe(0);
    expect(result.blockers.map((item) => item.id)).toEqual(level1Ids);
    expect(result.answered).toBe(0);
  });

  it('is level 1 when every level-1 item is yes, with the level-2 items blocking', () => {
    const result = assessMaturity(answerAll('yes', [1]));
    expect(result.level).toBe(1);
    expect(result.blockers.map((item) => item.id)).toEqual(level2Ids);
  });

  it('is level 2 when all items are satisfied, with no blockers', () => {
    const result = assessMaturity(answerAll('yes', [1, 2]));
    expect(result.level).toBe(2);
    expect(result.blockers).toEqual([]);
  });

  it('counts not-applicable as satisfied', () => {
    const answers: MaturityAnswers = { ...answerAll('yes', [1]), [level1Ids[0] ?? '']: 'na' };
    expect(assessMaturity(answers).level).toBe(1);
    expect(assessMaturity(answerAll('na', [1, 2])).level).toBe(2);
  });

  it('holds the level back on one no or one unanswered item, and names it as the blocker', () => {
    const missing = level1Ids[3] ?? '';
    const no = { ...answerAll('yes', [1, 2]), [missing]: 'no' as const };
    expect(assessMaturity(no).level).toBe(0);
    expect(assessMaturity(no).blockers.map((item) => item.id)).toEqual([missing]);
    const unanswered = answerAll('yes', [1, 2]);
    delete unanswered[missing];
    expect(assessMaturity(unanswered).blockers.map((item) => item.id)).toEqual([missing]);
  });

  it('is cumulative: level-2 practices without level 1 stay at level 0', () => {
    expect(assessMaturity(answerAll('yes', [2])).level).toBe(0);
  });

  it('summarises each section and reports unknown answer keys', () => {
    const answers: MaturityAnswers = {
      'doc.problem-and-metrics': 'yes',
      'doc.model-card': 'no',
      'doc.runbook': 'na',
      'gone.item': 'yes',
    };
    const result = assessMaturity(answers);
    const documentation = result.bySection.find((section) => section.section === 'documentation');
    expect(documentation).toMatchObject({ yes: 1, no: 1, notApplicable: 1, unanswered: 1, level: 0 });
    expect(result.bySection).toHaveLength(MATURITY_SECTIONS.length);
    expect(result.answered).toBe(3);
    expect(result.unknownItemIds).toEqual(['gone.item']);
  });
});

describe('unsatisfiedItems', () => {
  it('lists the no and unanswered items up to a level', () => {
    const answers: MaturityAnswers = { ...answerAll('yes', [1]), 'code.unit-tests': 'na' };
    expect(unsatisfiedItems(answers, 1)).toEqual([]);
    expect(unsatisfiedItems(answers, 2).map((item) => item.id)).toEqual(
      level2Ids.filter((id) => id !== 'code.unit-tests'),
    );
  });
});
