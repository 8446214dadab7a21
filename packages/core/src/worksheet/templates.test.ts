import { describe, expect, it } from 'vitest';
import { computeProgress, validateAnswer } from './answers';
import { findQuestion } from './question-bank';
import { templateAnswers, WORKSHEET_TEMPLATES } from './templates';

describe('WORKSHEET_TEMPLATES', () => {
  it('hold only values that validate against their questions', () => {
    for (const template of WORKSHEET_TEMPLATES) {
      for (const [id, value] of Object.entries(template.values)) {
        const question = findQuestion(id);
        expect(question, `${template.id}: ${id}`).toBeDefined();
        if (question !== undefined)
          expect(validateAnswer(question, value).ok, `${template.id}: ${id}`).toBe(true);
      }
    }
  });

  it('pre-fill the framing group', () => {
    for (const template of WORKSHEET_TEMPLATES) {
      const answers = templateAnswers(template.id) ?? {};
      expect(computeProgress(answers).byGroup.C.answered, template.id).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('templateAnswers', () => {
  it('gives the ranking template a ranked list served online', () => {
    const answers = templateAnswers('ranking-retrieval');
    expect(answers?.['C.framing']).toEqual({ kind: 'single', value: 'ranking-retrieval' });
    expect(answers?.['C.output']).toEqual({ kind: 'single', value: 'ranked-list' });
    expect(answers?.['G.serving-mode']).toEqual({ kind: 'single', value: 'online' });
  });

  it('is undefined for an unknown template', () => {
    expect(templateAnswers('no-such-template')).toBeUndefined();
  });
});
