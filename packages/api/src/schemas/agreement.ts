import { z } from 'zod';
import { idSchema, versionSchema } from './common';

export const MEASUREMENT_LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;

export const measurementLevelSchema = z.enum(MEASUREMENT_LEVELS);

export const sampleNameSchema = z.string().trim().min(1).max(120);

/** A declared order of the labels (ordinal level): distinct, non-empty labels. */
export const categoryOrderSchema = z
  .array(z.string().trim().min(1).max(200))
  .min(2)
  .max(1000)
  .refine((labels) => new Set(labels).size === labels.length, { message: 'Each label may appear only once' });

export const sampleRefInput = z.object({ sampleId: idSchema });

export const renameSampleInput = z.object({
  sampleId: idSchema,
  version: versionSchema,
  name: sampleNameSchema,
});

export const rescoreSampleInput = z.object({
  sampleId: idSchema,
  version: versionSchema,
  level: measurementLevelSchema,
  order: categoryOrderSchema.nullable().optional(),
});

export const setReferenceInput = z.object({ sampleId: idSchema.nullable() });

/** The α below which a batch is marked on the trend (Krippendorff's α lies in [-1, 1]); null clears it. */
export const agreementThresholdInput = z.object({
  version: versionSchema,
  threshold: z.number().min(-1).max(1).nullable(),
});
