import { z } from 'zod';

/** Longest JSON an answer may take: the longest text answer (5,000 characters) with room for escaping. */
export const MAX_ANSWER_JSON_LENGTH = 20_000;

/** A question-bank id such as `E.target-quality`; which ids exist is checked against the bank. */
export const questionIdSchema = z.string().min(1).max(64);

/** The version a save was based on: 0 when the question had no answer yet. */
export const answerVersionSchema = z.number().int().min(0).max(2_147_483_647);

const historyIdSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** A raw answer value, checked against its question by the query (`validateAnswer`); null clears it. */
export const answerValueSchema = z
  .json()
  .refine((value) => JSON.stringify(value).length <= MAX_ANSWER_JSON_LENGTH, {
    message: `value must be at most ${MAX_ANSWER_JSON_LENGTH} characters of JSON`,
  });

export const saveAnswerInput = z.object({
  questionId: questionIdSchema,
  baseVersion: answerVersionSchema,
  value: answerValueSchema,
});

export const worksheetHistoryInput = z.object({
  questionId: questionIdSchema.optional(),
  beforeId: historyIdSchema.optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

export const restoreAnswerInput = z.object({ historyId: historyIdSchema, baseVersion: answerVersionSchema });

export const applyTemplateInput = z.object({ templateId: z.string().min(1).max(100) });
