import { type Answer, validateAnswer, type WorksheetAnswers } from './answers';
import { findQuestion, type QuestionId } from './question-bank';

/** Answers built from raw values through `validateAnswer`, so tests only ever hold valid answers. */
export function answersFrom(values: Partial<Record<QuestionId, unknown>>): WorksheetAnswers {
  const answers: Record<string, Answer> = {};
  for (const [id, value] of Object.entries(values)) {
    const question = findQuestion(id);
    if (question === undefined) throw new Error(`no question ${id}`);
    const result = validateAnswer(question, value);
    if (!result.ok) throw new Error(`${id}: ${result.error.message}`);
    answers[id] = result.value;
  }
  return answers;
}
