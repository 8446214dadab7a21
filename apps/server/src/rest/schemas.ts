/**
 * The REST API's inputs and answers as zod schemas: the routes validate requests with them and the
 * OpenAPI document (openapi.ts) is generated from them, so the two cannot disagree. Output schemas are
 * checked against real answers in apps/server/test/rest-api.test.ts.
 */
import { SAMPLE_FORMATS } from '@raisin/core/agreement';
import { z } from 'zod';

const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
const DUPLICATE_POLICIES = ['error', 'first', 'last'] as const;

export const API_ERROR_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_REQUEST',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'INVALID_SAMPLE',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const sampleIssueSchema = z
  .object({
    code: z
      .string()
      .meta({ description: 'What is wrong, e.g. `ragged_row`, `invalid_json`, `missing_column`.' }),
    message: z.string(),
    line: z.int().min(1).optional().meta({ description: '1-based line of the file at fault.' }),
    column: z.int().min(1).optional().meta({ description: '1-based column (field or character) at fault.' }),
  })
  .meta({ id: 'SampleIssue', description: 'Why a labeled file could not be read.' });

export const apiErrorSchema = z
  .object({
    code: z.enum(API_ERROR_CODES),
    message: z.string().meta({ description: 'One sentence saying what went wrong and what to do.' }),
    requestId: z.string().meta({ description: "The request's id, as in the server's logs." }),
    issue: sampleIssueSchema
      .optional()
      .meta({ description: 'For INVALID_SAMPLE: the line and column at fault.' }),
  })
  .meta({ id: 'Error', description: 'Every refusal: a code and a sentence.' });

const uuid = z.uuid();

export const projectParamsSchema = z.object({
  projectId: uuid.meta({ description: "The project's id, as in its address in the app (`/p/<id>`)." }),
});

export const sampleParamsSchema = projectParamsSchema.extend({
  sampleId: uuid.meta({ description: "The sample's id, as returned when it was pushed." }),
});

const column = z.string().trim().min(1).max(200);

export const pushQuerySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .optional()
    .meta({ description: 'The batch name shown in the app (default: "Batch" and the time it arrived).' }),
  format: z
    .enum(['auto', ...SAMPLE_FORMATS])
    .default('auto')
    .meta({ description: 'How to read the body; `auto` detects it.' }),
  level: z
    .enum(LEVELS)
    .default('nominal')
    .meta({ description: "The level of measurement of the batch's headline Krippendorff α." }),
  order: z
    .string()
    .max(100_000)
    .transform((text) => text.split(',').map((label) => label.trim()))
    .pipe(z.array(z.string().min(1).max(200)).min(2).max(1000))
    .optional()
    .meta({ description: 'Ordinal order of text labels, lowest first, comma-separated.' }),
  item: column.optional().meta({ description: 'Column (or JSON key) of the item ids.' }),
  annotator: column.optional().meta({ description: 'Column (or JSON key) of the annotator ids.' }),
  label: column.optional().meta({ description: 'Column (or JSON key) of the labels.' }),
  duplicates: z.enum(DUPLICATE_POLICIES).default('error').meta({
    description:
      'A repeated (item, annotator) pair with another label: refuse it, keep the first or the last.',
  }),
});

const interval = z.tuple([z.number(), z.number()]).nullable();

export const sampleSummarySchema = z
  .object({
    id: uuid,
    name: z.string(),
    url: z.string().meta({ description: "The sample on the project's Agreement tab." }),
    createdAt: z.iso.datetime({ offset: true }),
    pushedBy: z
      .string()
      .nullable()
      .meta({ description: 'The name of the API token that pushed the batch; null for a browser upload.' }),
    fileName: z.string(),
    format: z.enum(SAMPLE_FORMATS),
    level: z.enum(LEVELS),
    items: z.int(),
    annotators: z.int(),
    annotations: z.int(),
    alpha: z.number().nullable().meta({ description: "Krippendorff's α at `level`." }),
    alphaCi: interval.meta({ description: '95% bootstrap interval of α.' }),
    ceiling: z.number().nullable().meta({ description: 'The human ceiling (a share of items, 0–1).' }),
    ceilingCi: interval,
    isReference: z.boolean().meta({ description: "Whether this sample is the project's reference ceiling." }),
    belowThreshold: z.boolean().nullable().meta({
      description:
        "Whether α is below the project's batch threshold; null when it sets none or α is undefined.",
    }),
  })
  .meta({ id: 'SampleSummary' });

export const sampleListSchema = z
  .object({
    threshold: z
      .number()
      .nullable()
      .meta({ description: "The project's batch threshold on α (set on its Agreement tab), or null." }),
    samples: z.array(sampleSummarySchema).meta({ description: 'Oldest first: the trend of batches.' }),
  })
  .meta({ id: 'SampleList' });

/** The keys a pipeline reads most; the object carries every key of the agreement report (docs/product.md). */
export const agreementJsonSchema = z
  .looseObject({
    items: z.int(),
    annotators: z.int(),
    annotations: z.int(),
    level: z.enum(LEVELS),
    categories: z.array(z.string()),
    krippendorffAlpha: z.object({
      nominal: z.number().nullable(),
      ordinal: z.number().nullable(),
      interval: z.number().nullable(),
      ratio: z.number().nullable(),
    }),
    percentAgreement: z.number().nullable(),
    humanCeiling: z
      .looseObject({ value: z.number(), ci: interval, items: z.int(), basis: z.string() })
      .nullable(),
    warnings: z.array(z.looseObject({ key: z.string(), message: z.string() })),
    source: z.object({
      format: z.enum(SAMPLE_FORMATS),
      duplicatesResolved: z.int(),
      missingSpellings: z.record(z.string(), z.int()),
    }),
  })
  .meta({
    id: 'AgreementResult',
    description:
      'The object `raisin agreement --json` prints: every coefficient with its interval (`ci`), bands, diagnostics and warnings, and `source` (how the file was read).',
  });

export const sampleResultSchema = sampleSummarySchema
  .extend({ agreement: agreementJsonSchema })
  .meta({ id: 'SampleResult' });
