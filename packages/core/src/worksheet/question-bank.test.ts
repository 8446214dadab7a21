import { describe, expect, it } from 'vitest';
import { DERIVED_CONTEXT_KEY } from './answers';
import {
  findQuestion,
  isQuestionId,
  QUESTION_BANK,
  QUESTION_KINDS,
  questionsInGroup,
  WORKSHEET_GROUP_IDS,
  WORKSHEET_GROUP_TITLES,
} from './question-bank';
import { ESSENTIAL_QUESTION_IDS, VERDICT_RULES } from './verdict-rules';

describe('QUESTION_BANK', () => {
  it('has unique ids, each prefixed by its group', () => {
    const ids = QUESTION_BANK.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of QUESTION_BANK) expect(q.id.startsWith(`${q.group}.`), q.id).toBe(true);
  });

  it('covers every group A–K with a title and at least three questions, 50–70 in all', () => {
    for (const group of WORKSHEET_GROUP_IDS) {
      expect(WORKSHEET_GROUP_TITLES[group].length).toBeGreaterThan(0);
      expect(questionsInGroup(group).length, group).toBeGreaterThanOrEqual(3);
    }
    expect(QUESTION_BANK.length).toBeGreaterThanOrEqual(50);
    expect(QUESTION_BANK.length).toBeLessThanOrEqual(70);
  });

  it('uses every answer kind', () => {
    expect(new Set(QUESTION_BANK.map((q) => q.kind))).toEqual(new Set(QUESTION_KINDS));
  });

  it('gives every question a prompt and a reason why it matters', () => {
    for (const q of QUESTION_BANK) {
      expect(q.prompt.trim().length, q.id).toBeGreaterThan(0);
      expect(q.guidance.why.trim().length, q.id).toBeGreaterThan(0);
    }
  });

  it('gives choice questions at least two distinct options', () => {
    for (const q of QUESTION_BANK) {
      if (q.kind !== 'single' && q.kind !== 'multi') continue;
      const values = q.options.map((o) => o.value);
      expect(values.length, q.id).toBeGreaterThanOrEqual(2);
      expect(new Set(values).size, q.id).toBe(values.length);
    }
  });

  it('keeps number and range bounds ordered, quality questions in [0, 1]', () => {
    for (const q of QUESTION_BANK) {
      if (q.kind !== 'number' && q.kind !== 'range') continue;
      if ('min' in q && 'max' in q) expect(q.min, q.id).toBeLessThanOrEqual(q.max);
    }
    for (const id of ['E.target-quality', 'E.min-launch-quality', 'B.heuristic-quality', 'E.human-ceiling']) {
      expect(findQuestion(id)).toMatchObject({ kind: 'number', min: 0, max: 1 });
    }
  });

  it('answers each derived source by exactly one question', () => {
    const derived = QUESTION_BANK.flatMap((q) => ('derivedFrom' in q ? [q.derivedFrom] : []));
    expect(derived.toSorted()).toEqual(Object.keys(DERIVED_CONTEXT_KEY).toSorted());
  });

  it('asks, in D, whether a double-labeled sample was measured, answered live by the Agreement tab', () => {
    // docs/product.md, group D: "has a double-labeled sample been measured (link to the Agreement tab)?"
    expect(findQuestion('D.agreement-measured')).toMatchObject({
      group: 'D',
      kind: 'yes-no-unknown',
      derivedFrom: 'agreement.sampleMeasured',
    });
    expect(DERIVED_CONTEXT_KEY['agreement.sampleMeasured']).toBe('humanCeiling');
  });

  it('encodes the rules of thumb of docs/product.md in the guidance', () => {
    const guidance = JSON.stringify(QUESTION_BANK.map((q) => q.guidance));
    expect(guidance).toContain("if 'antibiotic' in title: return 'meds'");
    expect(guidance).toContain('Human agreement limits ML performance');
    expect(guidance).toContain('Launch a heuristic first');
    expect(guidance).toContain('Cost grows super-linearly as the target approaches the ceiling');
    expect(guidance).toContain('Prefer ML over a complex heuristic, not over a simple one');
  });

  it('finds questions by id and rejects unknown ids', () => {
    expect(findQuestion('G.serving-mode')?.kind).toBe('single');
    expect(findQuestion('Z.nothing')).toBeUndefined();
    expect(isQuestionId('K.horizon')).toBe(true);
    expect(isQuestionId('K.nothing')).toBe(false);
  });
});

describe('VERDICT_RULES', () => {
  it('have unique ids and need only questions of the bank', () => {
    const ids = VERDICT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of VERDICT_RULES) {
      expect(rule.needs.length, rule.id).toBeGreaterThan(0);
      for (const id of rule.needs) expect(isQuestionId(id), `${rule.id} needs ${id}`).toBe(true);
    }
  });

  it('make every essential question a need of some rule', () => {
    const needed = new Set(VERDICT_RULES.flatMap((r) => r.needs));
    for (const id of ESSENTIAL_QUESTION_IDS) expect(needed.has(id), id).toBe(true);
  });
});
