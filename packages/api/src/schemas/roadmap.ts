import { EDITABLE_FIELDS, MATURITY_ITEMS, PHASE_KINDS, parseIsoCalendarDate } from '@raisin/core';
import { z } from 'zod';

const KNOWN_ITEM_IDS = new Set(MATURITY_ITEMS.map((item) => item.id));

/** A version as read by the client; 0 means "nothing saved yet" (the first save creates the record). */
export const roadmapVersionSchema = z.number().int().min(0).max(2_147_483_647);

export const maturityLevelSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);

export const maturityAnswerSchema = z.enum(['yes', 'no', 'na']);

export const maturityItemIdSchema = z
  .string()
  .max(64)
  .refine((id) => KNOWN_ITEM_IDS.has(id), { message: 'Unknown assessment item' });

export const saveMaturityAnswersInput = z.object({
  version: roadmapVersionSchema,
  // null clears an answer; at most one entry per item.
  answers: z
    .record(maturityItemIdSchema, maturityAnswerSchema.nullable())
    .refine((answers) => Object.keys(answers).length > 0, { message: 'Give at least one answer' }),
});

export const setTargetOverrideInput = z.object({
  version: roadmapVersionSchema,
  override: z
    .object({
      level: maturityLevelSchema,
      reason: z.string().trim().min(1, { message: 'Give a reason for the override' }).max(500),
    })
    .nullable(),
});

export const isoDateSchema = z
  .string()
  .max(10)
  .refine((value) => parseIsoCalendarDate(value) !== null, { message: 'Enter a date as YYYY-MM-DD' });

export const generateRoadmapInput = z.object({
  version: roadmapVersionSchema,
  startDate: isoDateSchema,
  completedPhases: z.array(z.enum(PHASE_KINDS)).max(PHASE_KINDS.length).optional(),
});

/** Working days; ten years of them is far beyond any phase a roadmap plans. */
const daysSchema = z.number().finite().min(0).max(2_600);

export const phaseEstimateSchema = z
  .object({ low: daysSchema, likely: daysSchema, high: daysSchema })
  .refine((estimate) => estimate.low <= estimate.likely, {
    message: 'Low must not exceed likely',
    path: ['likely'],
  })
  .refine((estimate) => estimate.likely <= estimate.high, {
    message: 'Likely must not exceed high',
    path: ['high'],
  });

const phaseIdSchema = z.string().min(1).max(64);
const milestoneIdSchema = z.string().min(1).max(128);
const nameSchema = z.string().trim().min(1, { message: 'Enter a name' }).max(200);

export const roadmapEditSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('renamePhase'), phaseId: phaseIdSchema, name: nameSchema }),
  z.object({
    type: z.literal('setPhaseDescription'),
    phaseId: phaseIdSchema,
    description: z.string().max(2000),
  }),
  z.object({ type: z.literal('setPhaseEstimate'), phaseId: phaseIdSchema, estimate: phaseEstimateSchema }),
  z.object({
    type: z.literal('setPhaseDependencies'),
    phaseId: phaseIdSchema,
    dependsOn: z.array(phaseIdSchema).max(50),
  }),
  z.object({
    type: z.literal('movePhase'),
    phaseId: phaseIdSchema,
    toIndex: z.number().int().min(0).max(50),
  }),
  z.object({
    type: z.literal('addPhase'),
    name: nameSchema,
    estimate: phaseEstimateSchema,
    description: z.string().max(2000).optional(),
    milestones: z.array(nameSchema).max(20).optional(),
    index: z.number().int().min(0).max(50).optional(),
  }),
  z.object({ type: z.literal('removePhase'), phaseId: phaseIdSchema }),
  z.object({ type: z.literal('addMilestone'), phaseId: phaseIdSchema, name: nameSchema }),
  z.object({
    type: z.literal('renameMilestone'),
    phaseId: phaseIdSchema,
    milestoneId: milestoneIdSchema,
    name: nameSchema,
  }),
  z.object({ type: z.literal('removeMilestone'), phaseId: phaseIdSchema, milestoneId: milestoneIdSchema }),
]);

export const editRoadmapInput = z.object({ version: roadmapVersionSchema.min(1), edit: roadmapEditSchema });

export const resolveRoadmapConflictsInput = z.object({
  version: roadmapVersionSchema.min(1),
  resolutions: z
    .array(
      z.object({
        phaseId: phaseIdSchema,
        field: z.enum(EDITABLE_FIELDS).nullable(),
        choice: z.enum(['keep-manual', 'use-generated']),
      }),
    )
    .min(1)
    .max(100),
});

export const ROADMAP_EXPORT_FORMATS = ['csv', 'ics', 'markdown'] as const;
export type RoadmapExportFormat = (typeof ROADMAP_EXPORT_FORMATS)[number];

export const exportRoadmapInput = z.object({ format: z.enum(ROADMAP_EXPORT_FORMATS) });
