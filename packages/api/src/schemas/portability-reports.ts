/**
 * Published report versions in a `raisin-project` file. A version is a frozen record: its snapshot is
 * stored as it was published, never rebuilt from the imported tabs. Its envelope is checked here (schema
 * version, the version it claims to be, every section present); the import then renders each snapshot,
 * which proves the fields the report reads are there.
 */
import {
  MAX_DECISION_COMMENT_LENGTH,
  MAX_DECISION_NAME_LENGTH,
  REPORT_DECISIONS,
  REPORT_SCHEMA_VERSION,
  REPORT_SECTION_KEYS,
  type ReportSectionKey,
} from '@raisin/core';
import { z } from 'zod';
import { timestampSchema, versionSchema as versionNumberSchema } from './common';

// As long as the Publish form allows.
const noteSchema = z.string().max(500).nullable();

const sectionSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('empty'), title: z.string().max(200), nextStep: z.string().max(2000) }),
  z.looseObject({ status: z.literal('ready'), title: z.string().max(200) }),
]);

const sectionsSchema = z.object(
  Object.fromEntries(REPORT_SECTION_KEYS.map((key) => [key, sectionSchema])) as Record<
    ReportSectionKey,
    typeof sectionSchema
  >,
);

const snapshotSchema = z.looseObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION, {
    error: `must be ${REPORT_SCHEMA_VERSION}, the report format this version of Raisin reads`,
  }),
  project: z.object({ id: z.string().max(64), name: z.string().max(200) }),
  version: z.object({
    number: versionNumberSchema,
    note: noteSchema,
    publishedByName: z.string().max(200).nullable(),
    publishedAt: timestampSchema,
  }),
  generatedAt: timestampSchema,
  summary: z.looseObject({ verdict: z.enum(['go', 'spike-first', 'no-go', 'undecided']) }),
  sections: sectionsSchema,
  assumptions: z.array(z.looseObject({ label: z.string(), value: z.string() })).max(10_000),
});

/** A decision on the version, held to the limits the share page's form and the API hold it to. */
const decisionSchema = z.object({
  decision: z.enum(REPORT_DECISIONS),
  comment: z.string().max(MAX_DECISION_COMMENT_LENGTH),
  name: z.string().trim().min(1).max(MAX_DECISION_NAME_LENGTH),
  email: z.email().max(254).nullable(),
  meeting: z.boolean(),
  createdAt: timestampSchema,
  hiddenAt: timestampSchema.nullable(),
});

const reportVersionSchema = z
  .object({
    number: versionNumberSchema,
    note: noteSchema,
    publishedAt: timestampSchema,
    snapshot: snapshotSchema,
    // Absent in files written before decisions were exported.
    decisions: z.array(decisionSchema).max(10_000).default([]),
  })
  .superRefine((version, ctx) => {
    if (version.snapshot.version.number !== version.number) {
      ctx.addIssue({ code: 'custom', path: ['snapshot', 'version', 'number'], message: 'must equal number' });
    }
  });

/** Oldest first, numbers unique; absent in files written before reports were exported. */
export const reportVersionsSchema = z
  .array(reportVersionSchema)
  // Each is rendered on import: the bound keeps that work in seconds.
  .max(1000)
  .superRefine((versions, ctx) => {
    const seen = new Set<number>();
    versions.forEach((version, index) => {
      if (seen.has(version.number)) {
        ctx.addIssue({ code: 'custom', path: [index, 'number'], message: 'appears twice' });
      }
      seen.add(version.number);
    });
  })
  .default([]);
