import { describe, expect, it } from 'vitest';
import {
  assessMaturity,
  MATURITY_ITEMS,
  recommendTargetLevel,
  targetLevelInputsFromWorksheet,
} from '../roadmap';
import { validateTradeoffInputs } from '../tradeoff';
import { type Answer, findQuestion, validateAnswer } from '../worksheet';
import { DEMO_ATTACK_ANGLES, DEMO_MATURITY_ANSWERS, DEMO_WORKSHEET_VALUES } from './project';

function demoAnswers(): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const [id, value] of Object.entries(DEMO_WORKSHEET_VALUES)) {
    const question = findQuestion(id);
    if (!question) throw new Error(`${id} is not a question of the bank`);
    const result = validateAnswer(question, value);
    if (!result.ok) throw new Error(`${id}: ${result.error.message}`);
    answers[id] = result.value;
  }
  return answers;
}

describe('the demo project data', () => {
  it('answers the worksheet with values the question bank accepts, leaving derived questions to their tabs', () => {
    const answers = demoAnswers();
    expect(Object.keys(answers).length).toBeGreaterThan(50);
    for (const id of Object.keys(answers)) expect(findQuestion(id)?.derivedFrom).toBeUndefined();
    expect(answers['C.framing']).toEqual({ kind: 'single', value: 'classification' });
    expect(answers['G.serving-mode']).toEqual({ kind: 'single', value: 'precomputed' });
  });

  it('has four attack angles from a 1-minute keyword rule to a year-long custom model', () => {
    expect(DEMO_ATTACK_ANGLES).toHaveLength(4);
    expect(DEMO_ATTACK_ANGLES[0]?.name).toContain("'antibiotic' in title");
    expect(DEMO_ATTACK_ANGLES[0]?.effort.likely).toEqual({ value: 1, unit: 'minute' });
    expect(DEMO_ATTACK_ANGLES[3]?.effort.likely).toEqual({ value: 1, unit: 'year' });
    const angles = DEMO_ATTACK_ANGLES.map(({ costRate: _, ...angle }, i) => ({ ...angle, id: String(i) }));
    expect(validateTradeoffInputs(angles, [], { min: 0, max: 1 })).toEqual([]);
  });

  it('assesses the team at MLOps level 0, and the worksheet recommends level 1', () => {
    const known = new Set(MATURITY_ITEMS.map((item) => item.id));
    for (const id of Object.keys(DEMO_MATURITY_ANSWERS)) expect(known.has(id)).toBe(true);
    expect(assessMaturity(DEMO_MATURITY_ANSWERS).level).toBe(0);
    const target = recommendTargetLevel(targetLevelInputsFromWorksheet(demoAnswers()));
    expect(target.ok && target.value.level).toBe(1);
  });
});
