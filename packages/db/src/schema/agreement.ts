import type { AgreementReport, ColumnMapping, MeasurementLevel, SampleFormat } from '@raisin/core/agreement';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { apiToken } from './api-tokens';
import { user } from './auth';
import { projectOwnedRow } from './projects';

// drizzle-orm 0.45 has no bytea column; `pg` reads it as a Buffer and PGlite as a Uint8Array.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value)),
});

/**
 * What the stored report keeps about how its sample was read, beside the numbers: re-scoring the triples
 * cannot recompute it. `missingSpellings` as `ParsedSample` has it (e.g. `{ NA: 37 }`).
 */
export interface StoredSampleSource {
  readonly missingSpellings: Readonly<Record<string, number>>;
  /** Conflicting repeated annotations resolved by a `duplicates` policy (pushed batches; absent: none). */
  readonly duplicatesResolved?: number;
  /** The question (Label Studio `from_name`) the top level reports, for an export that names its questions. */
  readonly control?: string;
}

/**
 * The report JSON column: the agreement report, (samples stored since it existed) its `source`, and for
 * an export holding several questions every question's report by name (`controls`, the headline's too).
 */
export type StoredAgreementReport = AgreementReport & {
  readonly source?: StoredSampleSource;
  readonly controls?: Readonly<Record<string, AgreementReport>>;
};

const levelCheck = sql.raw(`level in ('nominal', 'ordinal', 'interval', 'ratio')`);

/**
 * A labeled sample of a project and its agreement report. The headline numbers are columns so the
 * sample list and the trend never read the report JSON; the triples live in `agreement_sample_data`.
 */
export const agreementSample = pgTable(
  'agreement_sample',
  {
    ...projectOwnedRow(),
    name: text('name').notNull(),
    fileName: text('file_name').notNull(),
    fileBytes: integer('file_bytes').notNull(),
    format: text('format').$type<SampleFormat>().notNull(),
    /** The columns the long table or JSON records were read from, when the format has columns. */
    columns: jsonb('columns').$type<ColumnMapping>(),
    level: text('level').$type<MeasurementLevel>().notNull(),
    /** The declared category order for ordinal labels, when one was given. */
    categoryOrder: jsonb('category_order').$type<string[]>(),
    items: integer('items').notNull(),
    annotators: integer('annotators').notNull(),
    annotations: integer('annotations').notNull(),
    /** Krippendorff's α at `level`, and its interval. */
    alpha: doublePrecision('alpha'),
    alphaLow: doublePrecision('alpha_low'),
    alphaHigh: doublePrecision('alpha_high'),
    ceiling: doublePrecision('ceiling'),
    ceilingLow: doublePrecision('ceiling_low'),
    ceilingHigh: doublePrecision('ceiling_high'),
    ceilingItems: integer('ceiling_items'),
    /**
     * What the ceiling is measured in (the report's `humanCeiling.basis`), a column so that listings (the
     * portfolio) name each project's ceiling metric without reading the report.
     */
    ceilingBasis: text('ceiling_basis'),
    report: jsonb('report').$type<StoredAgreementReport>().notNull(),
    isReference: boolean('is_reference').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
    /** The API token that pushed this batch (REST API), or null for a sample uploaded in the browser. */
    apiTokenId: uuid('api_token_id').references(() => apiToken.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('agreement_sample_project_idx').on(t.projectId, t.createdAt),
    index('agreement_sample_api_token_idx').on(t.apiTokenId),
    // At most one reference sample per project, whatever races between two "mark as reference" calls.
    uniqueIndex('agreement_sample_one_reference_idx').on(t.projectId).where(sql`${t.isReference}`),
    index('agreement_sample_created_by_idx').on(t.createdBy),
    index('agreement_sample_updated_by_idx').on(t.updatedBy),
    check('agreement_sample_level_check', levelCheck),
  ],
);

/** The sample's normalised triples, deflated (see `encodeSample`), kept apart so listings never load them. */
export const agreementSampleData = pgTable('agreement_sample_data', {
  sampleId: uuid('sample_id')
    .primaryKey()
    .references(() => agreementSample.id, { onDelete: 'cascade' }),
  triples: bytea('triples').notNull(),
});
