import { type Answer, findQuestion, validateAnswer, type WorksheetAnswers } from '@raisin/core/worksheet';
import type { WorksheetDrafts } from './draft-store';
import { parseRaw } from './raw-answer';
import type { AnswerDto } from './types';

// Shared with the report, which computes the same verdict on the server.
export { toWorksheetContext } from '@raisin/core/worksheet';

/**
 * The answers the page shows and judges: the server's, overlaid with this device's unsent drafts that
 * are valid, so progress and the verdict follow the user's typing instead of the last save.
 */
export function mergeAnswers(answers: readonly AnswerDto[], drafts: WorksheetDrafts): WorksheetAnswers {
  const merged: Record<string, Answer> = {};
  for (const dto of answers) if (dto.value !== null) merged[dto.questionId] = dto.value;
  for (const [questionId, draft] of Object.entries(drafts)) {
    const question = findQuestion(questionId);
    if (question === undefined) continue;
    const parsed = parseRaw(question, draft.raw);
    if (parsed.status !== 'value') continue;
    if (parsed.value === null) {
      delete merged[questionId];
      continue;
    }
    const answer = validateAnswer(question, parsed.value);
    if (answer.ok) merged[questionId] = answer.value;
  }
  return merged;
}
