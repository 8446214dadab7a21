import { z } from 'zod';
import { versionSchema } from './common';

export const projectNameSchema = z.string().trim().min(1).max(120);

export const projectDescriptionSchema = z.string().max(2000);

export const listProjectsInput = z.object({ includeArchived: z.boolean().optional() });

export const createProjectInput = z.object({
  name: projectNameSchema,
  description: projectDescriptionSchema.optional(),
});

export const updateProjectInput = z.object({
  version: versionSchema,
  name: projectNameSchema.optional(),
  description: projectDescriptionSchema.optional(),
});

export const setArchivedInput = z.object({ version: versionSchema, archived: z.boolean() });
