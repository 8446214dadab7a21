/**
 * The `raisin-project` file: a whole project as one JSON document. Every field is checked here, so an
 * import either stores a project the app can show or is refused naming the field at fault. Values the
 * server can recompute are recomputed on import rather than trusted: agreement reports from the triples,
 * roadmap dates from the plan. Published report versions are the exception: they are frozen records.
 */
import { EDITABLE_FIELDS, PHASE_KINDS, SAMPLE_FORMATS, type Weekday, worksheet } from '@raisin/core';
import { z } from 'zod';
import { categoryOrderSchema, measurementLevelSchema, sampleNameSchema } from './agreement';
import { timestampSchema, versionSchema as versionNumberSchema } from './common';
import { reportVersionsSchema } from './portability-reports';
import { projectDescriptionSchema, projectNameSchema } from './projects';
import {
  isoDateSchema,
  maturityAnswerSchema,
  maturityItemIdSchema,
  maturityLevelSchema,
  phaseEstimateSchema,
} from './roadmap';
import { attackAngleInputSchema, measuredPointInputSchema, tradeoffSettingsSchema } from './tradeoff';
import { MAX_ANSWER_JSON_LENGTH, questionIdSchema } from './worksheet';

export const PROJECT_FILE_FORMAT = 'raisin-project';
export const PROJECT_FILE_VERSION = 1;
/** Largest project file an import reads (its JSON text, in bytes) unless the server sets another. */
export const PROJECT_FILE_LIMIT_BYTES = 20 * 1024 * 1024;

/** What an import of a file over `limitBytes` answers, whichever layer refuses it. */
export function projectFileTooLargeMessage(limitBytes: number): string {
  const mb = Math.round((limitBytes / (1024 * 1024)) * 10) / 10;
  return `A project file may be at most ${mb} MB`;
}

const countSchema = z.number().int().min(0).max(2_147_483_647);

/** A stored answer `{ kind, value }`, checked against its question as a save would be. */
const storedAnswerSchema = z
  .object({ kind: z.string(), value: z.json() })
  .refine((answer) => JSON.stringify(answer).length <= MAX_ANSWER_JSON_LENGTH, {
    message: `must be at most ${MAX_ANSWER_JSON_LENGTH} characters of JSON`,
  });

type StoredAnswer = worksheet.Answer | null;

/** Checks `answer` against question `questionId`; adds an issue at `path` and returns null when it does not fit. */
function checkAnswer(
  questionId: string,
  answer: z.infer<typeof storedAnswerSchema> | null,
  ctx: z.RefinementCtx,
  path: (string | number)[],
): StoredAnswer {
  if (answer === null) return null;
  const question = worksheet.findQuestion(questionId);
  if (question === undefined) {
    ctx.addIssue({ code: 'custom', path: ['questionId'], message: `unknown question '${questionId}'` });
    return null;
  }
  if (answer.kind !== question.kind) {
    ctx.addIssue({ code: 'custom', path: [...path, 'kind'], message: `must be '${question.kind}'` });
    return null;
  }
  const result = worksheet.validateAnswer(question, answer.value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', path: [...path, 'value'], message: result.error.message });
    return null;
  }
  return result.value;
}

const answerRowSchema = z
  .object({
    questionId: questionIdSchema,
    value: storedAnswerSchema.nullable(),
    version: versionNumberSchema,
    updatedAt: timestampSchema,
  })
  .transform((row, ctx) => ({ ...row, value: checkAnswer(row.questionId, row.value, ctx, ['value']) }));

const historyEntrySchema = z
  .object({
    questionId: questionIdSchema,
    version: versionNumberSchema,
    oldValue: storedAnswerSchema.nullable(),
    newValue: storedAnswerSchema.nullable(),
    restoredFrom: countSchema.nullable(),
    at: timestampSchema,
  })
  .transform((entry, ctx) => ({
    ...entry,
    oldValue: checkAnswer(entry.questionId, entry.oldValue, ctx, ['oldValue']),
    newValue: checkAnswer(entry.questionId, entry.newValue, ctx, ['newValue']),
  }));

const worksheetSchema = z
  .object({ answers: z.array(answerRowSchema).max(1000), history: z.array(historyEntrySchema).max(200_000) })
  .superRefine((sheet, ctx) => {
    const seen = new Set<string>();
    sheet.answers.forEach((answer, index) => {
      if (seen.has(answer.questionId)) {
        ctx.addIssue({ code: 'custom', path: ['answers', index, 'questionId'], message: 'appears twice' });
      }
      seen.add(answer.questionId);
    });
    sheet.history.forEach((entry, index) => {
      if (entry.restoredFrom !== null && entry.restoredFrom >= index) {
        ctx.addIssue({
          code: 'custom',
          path: ['history', index, 'restoredFrom'],
          message: 'must name an earlier history entry',
        });
      }
    });
  });

const columnSchema = z.string().trim().min(1).max(200);

const sampleSchema = z.object({
  name: sampleNameSchema,
  fileName: z.string().max(500),
  fileBytes: countSchema,
  format: z.enum(SAMPLE_FORMATS),
  columns: z.object({ item: columnSchema, annotator: columnSchema, label: columnSchema }).nullable(),
  level: measurementLevelSchema,
  categoryOrder: categoryOrderSchema.nullable(),
  isReference: z.boolean(),
  createdAt: timestampSchema,
  // Informative only: the import scores the triples again.
  report: z.json(),
  triples: z.base64().min(1),
});

const tradeoffSchema = z.object({
  settings: tradeoffSettingsSchema,
  angles: z.array(attackAngleInputSchema).max(200),
  measuredPoints: z
    .array(
      measuredPointInputSchema.refine((p) => p.effort !== null || p.measuredOn !== null, {
        message: 'give the effort or the date measured',
        path: ['effort'],
      }),
    )
    .max(1000),
});

const maturitySchema = z
  .object({
    itemsVersion: z.number().int().min(1).max(1000),
    answers: z.record(maturityItemIdSchema, maturityAnswerSchema),
    targetOverrideLevel: maturityLevelSchema.nullable(),
    targetOverrideReason: z.string().trim().min(1).max(500).nullable(),
  })
  .refine((m) => (m.targetOverrideLevel === null) === (m.targetOverrideReason === null), {
    message: 'an override needs both a level and a reason',
    path: ['targetOverrideReason'],
  });

const phaseIdSchema = z.string().min(1).max(64);
const milestonesSchema = z
  .array(z.object({ id: z.string().min(1).max(128), name: z.string().max(200) }))
  .max(50);
const phaseValuesSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000),
  estimate: phaseEstimateSchema,
  milestones: milestonesSchema,
  dependsOn: z.array(phaseIdSchema).max(50),
});

/** The roadmap's plan; its dates (schedule, target dates, end) are recomputed on import. */
const roadmapPlanSchema = z.object({
  startDate: isoDateSchema,
  calendar: z.object({
    weekend: z
      .array(z.union([0, 1, 2, 3, 4, 5, 6].map((day) => z.literal(day as Weekday))))
      .max(6)
      .exactOptional(),
    holidays: z.array(isoDateSchema).max(2000).exactOptional(),
  }),
  currentLevel: maturityLevelSchema,
  targetLevel: maturityLevelSchema,
  phases: z
    .array(
      phaseValuesSchema.extend({
        id: phaseIdSchema,
        kind: z.enum([...PHASE_KINDS, 'custom']),
        level: maturityLevelSchema.nullable(),
        closes: z.array(z.string().max(64)).max(200),
        edited: z.array(z.enum(EDITABLE_FIELDS)).max(EDITABLE_FIELDS.length),
        generated: phaseValuesSchema.nullable(),
      }),
    )
    .min(1)
    .max(50),
  timeToTarget: z.object({ p50: z.number().finite().min(0), p90: z.number().finite().min(0) }).nullable(),
  orderEdited: z.boolean(),
  removedPhaseIds: z.array(phaseIdSchema).max(50),
  revision: countSchema,
});

const conflictSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('field'),
    phaseId: phaseIdSchema,
    field: z.enum(EDITABLE_FIELDS),
    manual: z.json(),
    previousGenerated: z.json(),
    regenerated: z.json(),
  }),
  z.object({ kind: z.literal('phase'), phaseId: phaseIdSchema }),
]);

export const projectFileSchema = z.object({
  format: z.literal(PROJECT_FILE_FORMAT),
  formatVersion: z.literal(PROJECT_FILE_VERSION),
  exportedAt: timestampSchema,
  project: z.object({
    name: projectNameSchema,
    description: projectDescriptionSchema,
    createdAt: timestampSchema,
  }),
  worksheet: worksheetSchema,
  agreementSamples: z.array(sampleSchema).max(200),
  tradeoff: tradeoffSchema.nullable(),
  maturity: maturitySchema.nullable(),
  roadmap: z
    .object({ data: roadmapPlanSchema, pendingConflicts: z.array(conflictSchema).max(500) })
    .nullable(),
  reportVersions: reportVersionsSchema,
});

export type ProjectFile = z.infer<typeof projectFileSchema>;

export const importProjectInput = z.object({
  /** The file's text, parsed on the server so a syntax error is reported like any other fault. */
  file: z.string(),
});
