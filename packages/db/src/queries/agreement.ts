import {
  type AgreementReport,
  type ColumnMapping,
  type Framing,
  isFraming,
  type MeasurementLevel,
  type SampleFormat,
} from '@raisin/core/agreement';
import { and, asc, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { DomainError } from '../errors';
import { perDatabase } from '../per-database';
import { agreementSample, agreementSampleData, apiToken, user } from '../schema';
import type { StoredAgreementReport, StoredSampleSource } from '../schema/agreement';
import { writeAuditEntry } from './audit';
import { versionConflict } from './versioned-write';

type SampleRow = typeof agreementSample.$inferSelect;

/**
 * A sample's name, its file and how it was read and scored: the same fields in a stored row, a new sample
 * and a project file.
 */
export interface SampleFileFields {
  name: string;
  fileName: string;
  fileBytes: number;
  format: SampleFormat;
  columns: ColumnMapping | null;
  level: MeasurementLevel;
  categoryOrder: string[] | null;
}

/** What the sample list, the trend and the headline need: everything but the report and the triples. */
export interface AgreementSampleSummary extends SampleFileFields {
  id: string;
  projectId: string;
  items: number;
  annotators: number;
  annotations: number;
  /** Krippendorff's α at `level`, with its interval. */
  alpha: number | null;
  alphaCi: [number, number] | null;
  ceiling: number | null;
  ceilingCi: [number, number] | null;
  ceilingItems: number | null;
  isReference: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
  createdByName: string | null;
  /** The name of the API token that pushed this batch, or null for a sample uploaded in the browser. */
  pushedByToken: string | null;
}

export interface AgreementSampleWithReport extends AgreementSampleSummary {
  /** With `source` (how the file was read, e.g. cells read as missing) for samples uploaded since it was kept. */
  report: StoredAgreementReport;
}

export type { StoredAgreementReport, StoredSampleSource };

/**
 * The `source` of a report read from outside (a project file being imported), checked: counts per
 * spelling, whole and non-negative, or `undefined` when there is none or it is malformed.
 */
export function storedSourceOf(report: unknown): StoredSampleSource | undefined {
  if (typeof report !== 'object' || report === null || !('source' in report)) return undefined;
  const source = report.source;
  if (typeof source !== 'object' || source === null || !('missingSpellings' in source)) return undefined;
  const counts = source.missingSpellings;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) return undefined;
  const entries = Object.entries(counts);
  if (entries.length > 64 || !entries.every(([k, n]) => k.length <= 8 && Number.isSafeInteger(n) && n >= 0)) {
    return undefined;
  }
  return { missingSpellings: Object.fromEntries(entries) as Record<string, number> };
}

const { report: _report, ...summaryColumns } = getTableColumns(agreementSample);

function interval(low: number | null, high: number | null): [number, number] | null {
  return low === null || high === null ? null : [low, high];
}

function toSummary(
  row: Omit<SampleRow, 'report'> & { createdByName: string | null; pushedByToken: string | null },
): AgreementSampleSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    fileName: row.fileName,
    fileBytes: row.fileBytes,
    format: row.format,
    columns: row.columns,
    level: row.level,
    categoryOrder: row.categoryOrder,
    items: row.items,
    annotators: row.annotators,
    annotations: row.annotations,
    alpha: row.alpha,
    alphaCi: interval(row.alphaLow, row.alphaHigh),
    ceiling: row.ceiling,
    ceilingCi: interval(row.ceilingLow, row.ceilingHigh),
    ceilingItems: row.ceilingItems,
    isReference: row.isReference,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    pushedByToken: row.pushedByToken,
  };
}

/** The headline columns, copied out of the report so listings never parse it. */
/**
 * Encoded triples as an insert value: base64 text that the database decodes. PGlite writes a `Uint8Array`
 * parameter as hex through a JavaScript array of one string per byte, which cost 2 s of CPU and as much again
 * in garbage collection for a 10M-annotation sample; base64 is native in Node and `decode` runs in C.
 */
export function triplesValue(triples: Uint8Array): SQL {
  const base64 = Buffer.from(triples.buffer, triples.byteOffset, triples.byteLength).toString('base64');
  return sql`decode(${base64}, 'base64')`;
}

export function headlineOf(report: AgreementReport, level: MeasurementLevel) {
  const ceiling = report.humanCeiling;
  return {
    level,
    items: report.items,
    annotators: report.annotators,
    annotations: report.annotations,
    alpha: report.krippendorffAlpha[level],
    alphaLow: report.ci.alpha?.[0] ?? null,
    alphaHigh: report.ci.alpha?.[1] ?? null,
    ceiling: ceiling?.value ?? null,
    ceilingLow: ceiling?.ci?.[0] ?? null,
    ceilingHigh: ceiling?.ci?.[1] ?? null,
    ceilingItems: ceiling?.items ?? null,
    ceilingBasis: ceiling?.basis ?? null,
  };
}

const sampleNotFound = () => new DomainError('AGREEMENT_SAMPLE_NOT_FOUND', 'Sample not found');

export interface CreateAgreementSampleParams extends SampleFileFields {
  projectId: string;
  /** The project's workspace, for the audit log. */
  workspaceId: string;
  report: AgreementReport;
  /** Non-empty cells the parser read as missing, per spelling (`ParsedSample.missingSpellings`), kept in the report's `source`. */
  missingSpellings?: Readonly<Record<string, number>>;
  /** Conflicting repeated annotations the parser resolved (a `duplicates` policy), kept in the report's `source`. */
  duplicatesResolved?: number;
  /** Every question of an export holding several, by name (the headline's included), kept as `controls`. */
  controls?: Readonly<Record<string, AgreementReport>>;
  /** The question the report is, kept in the report's `source`. */
  control?: string;
  /** The triples as `encodeSample` wrote them. */
  triples: Uint8Array;
  actorId: string;
  /** The API token that pushed the batch (REST API); absent for an upload in the browser. */
  apiToken?: { readonly id: string; readonly name: string };
}

/** The report as stored: with how the file was read (`source`) and every question (`controls`), when known. */
function storedReportOf(params: CreateAgreementSampleParams): StoredAgreementReport {
  const { missingSpellings, duplicatesResolved, control, controls } = params;
  const source: StoredSampleSource | undefined =
    missingSpellings === undefined && control === undefined
      ? undefined
      : {
          missingSpellings: missingSpellings ?? {},
          ...(duplicatesResolved ? { duplicatesResolved } : {}),
          ...(control === undefined ? {} : { control }),
        };
  return {
    ...params.report,
    ...(source === undefined ? {} : { source }),
    ...(controls === undefined ? {} : { controls }),
  };
}

/**
 * Stores a scored sample: its row, its triples and an audit entry in one transaction, so there is
 * never a sample without its result. The project's first sample becomes its reference.
 */
export async function createAgreementSample(
  db: Db,
  params: CreateAgreementSampleParams,
): Promise<AgreementSampleSummary> {
  return db.transaction(async (tx) => {
    const [existingReference] = await tx
      .select({ id: agreementSample.id })
      .from(agreementSample)
      .where(and(eq(agreementSample.projectId, params.projectId), eq(agreementSample.isReference, true)));
    const [created] = await tx
      .insert(agreementSample)
      .values({
        projectId: params.projectId,
        name: params.name,
        fileName: params.fileName,
        fileBytes: params.fileBytes,
        format: params.format,
        columns: params.columns,
        categoryOrder: params.categoryOrder,
        report: storedReportOf(params),
        isReference: existingReference === undefined,
        createdBy: params.actorId,
        updatedBy: params.actorId,
        apiTokenId: params.apiToken?.id ?? null,
        ...headlineOf(params.report, params.level),
      })
      .returning(summaryColumns);
    if (!created) throw new Error('createAgreementSample: insert returned no row');
    await tx
      .insert(agreementSampleData)
      .values({ sampleId: created.id, triples: triplesValue(params.triples) });
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'agreement_sample.created',
      entityType: 'agreement_sample',
      entityId: created.id,
      details: {
        projectId: params.projectId,
        name: created.name,
        annotations: created.annotations,
        ...(params.apiToken ? { apiTokenId: params.apiToken.id, apiTokenName: params.apiToken.name } : {}),
      },
    });
    const [author] = await tx.select({ name: user.name }).from(user).where(eq(user.id, params.actorId));
    return toSummary({
      ...created,
      createdByName: author?.name ?? null,
      pushedByToken: params.apiToken?.name ?? null,
    });
  });
}

// Prepared (`per-database.ts`): the trend a dashboard or a CI gate polls through the REST API.
const listSamplesStatement = perDatabase((db) =>
  db
    .select({ ...summaryColumns, createdByName: user.name, pushedByToken: apiToken.name })
    .from(agreementSample)
    .leftJoin(user, eq(user.id, agreementSample.createdBy))
    .leftJoin(apiToken, eq(apiToken.id, agreementSample.apiTokenId))
    .where(eq(agreementSample.projectId, sql.placeholder('projectId')))
    .orderBy(asc(agreementSample.createdAt), asc(agreementSample.id))
    .prepare('raisin_list_agreement_samples'),
);

/** A project's samples, oldest first (the order of the trend chart). */
export async function listAgreementSamples(
  db: Db,
  params: { projectId: string },
): Promise<AgreementSampleSummary[]> {
  const rows = await listSamplesStatement(db).execute({ projectId: params.projectId });
  return rows.map(toSummary);
}

/** One sample of the project with its report. @throws DomainError AGREEMENT_SAMPLE_NOT_FOUND */
export async function getAgreementSample(
  db: Db,
  params: { projectId: string; sampleId: string },
): Promise<AgreementSampleWithReport> {
  const [row] = await db
    .select({
      ...summaryColumns,
      report: agreementSample.report,
      createdByName: user.name,
      pushedByToken: apiToken.name,
    })
    .from(agreementSample)
    .leftJoin(user, eq(user.id, agreementSample.createdBy))
    .leftJoin(apiToken, eq(apiToken.id, agreementSample.apiTokenId))
    .where(and(eq(agreementSample.id, params.sampleId), eq(agreementSample.projectId, params.projectId)));
  if (!row) throw sampleNotFound();
  return { ...toSummary(row), report: row.report };
}

/**
 * What re-scoring a sample reads: its stored triples and the framing it was uploaded in (`categorical` for
 * reports stored before framings). @throws DomainError AGREEMENT_SAMPLE_NOT_FOUND
 */
export async function getAgreementSampleTriples(
  db: Db,
  params: { projectId: string; sampleId: string },
): Promise<{ triples: Uint8Array; framing: Framing }> {
  const [row] = await db
    .select({
      triples: agreementSampleData.triples,
      framing: sql<string | null>`${agreementSample.report} ->> 'framing'`,
    })
    .from(agreementSampleData)
    .innerJoin(agreementSample, eq(agreementSample.id, agreementSampleData.sampleId))
    .where(and(eq(agreementSample.id, params.sampleId), eq(agreementSample.projectId, params.projectId)));
  if (!row) throw sampleNotFound();
  return {
    triples: row.triples,
    framing: row.framing !== null && isFraming(row.framing) ? row.framing : 'categorical',
  };
}

/** The sample an edit changes (in its project and workspace), the version it was read at, and who edits it. */
interface SampleEdit {
  projectId: string;
  workspaceId: string;
  sampleId: string;
  version: number;
  actorId: string;
}

/**
 * Updates one sample at `version` (optimistic concurrency), bumping it, with an audit row in the
 * same transaction.
 */
async function updateSampleAtVersion(
  db: Db,
  params: SampleEdit & {
    changes: PgUpdateSetSource<typeof agreementSample>;
    action: string;
    details: Record<string, unknown>;
  },
): Promise<AgreementSampleSummary> {
  return db.transaction(async (tx) => {
    const where = and(
      eq(agreementSample.id, params.sampleId),
      eq(agreementSample.projectId, params.projectId),
    );
    // Only the version: a sample's stored result can weigh megabytes, so this write never reads it.
    const [before] = await tx
      .select({ version: agreementSample.version })
      .from(agreementSample)
      .where(where)
      .for('update');
    if (!before) throw sampleNotFound();
    const [updated] = await tx
      .update(agreementSample)
      .set({
        ...params.changes,
        version: sql`${agreementSample.version} + 1`,
        updatedAt: new Date(),
        updatedBy: params.actorId,
      })
      .where(and(where, eq(agreementSample.version, params.version)))
      .returning(summaryColumns);
    if (!updated) throw versionConflict('sample', before.version);
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: params.action,
      entityType: 'agreement_sample',
      entityId: params.sampleId,
      details: { projectId: params.projectId, version: updated.version, ...params.details },
    });
    const [author] = updated.createdBy
      ? await tx.select({ name: user.name }).from(user).where(eq(user.id, updated.createdBy))
      : [];
    const [token] = updated.apiTokenId
      ? await tx.select({ name: apiToken.name }).from(apiToken).where(eq(apiToken.id, updated.apiTokenId))
      : [];
    return toSummary({ ...updated, createdByName: author?.name ?? null, pushedByToken: token?.name ?? null });
  });
}

export async function renameAgreementSample(
  db: Db,
  params: SampleEdit & { name: string },
): Promise<AgreementSampleSummary> {
  return updateSampleAtVersion(db, {
    ...params,
    changes: { name: params.name },
    action: 'agreement_sample.renamed',
    details: { name: params.name },
  });
}

/** Stores the result of re-scoring a sample (at another level or category order). */
export async function saveAgreementRescore(
  db: Db,
  params: SampleEdit & { level: MeasurementLevel; categoryOrder: string[] | null; report: AgreementReport },
): Promise<AgreementSampleSummary> {
  const report = JSON.stringify(params.report);
  const stored = agreementSample.report;
  return updateSampleAtVersion(db, {
    ...params,
    changes: {
      // The new numbers, keeping the stored `source`: how the file was read does not change with the level.
      // `controls` (an export's every question) stays too, its headline question's entry replaced by the
      // new report; not through jsonb_strip_nulls, which would drop the reports' own null values.
      report: sql`${report}::jsonb || jsonb_strip_nulls(jsonb_build_object('source', ${stored} -> 'source')) || case when ${stored} -> 'controls' is null then '{}'::jsonb else jsonb_build_object('controls', jsonb_set(${stored} -> 'controls', array[${stored} -> 'source' ->> 'control'], ${report}::jsonb)) end`,
      categoryOrder: params.categoryOrder,
      ...headlineOf(params.report, params.level),
    },
    action: 'agreement_sample.rescored',
    details: { level: params.level, categoryOrder: params.categoryOrder },
  });
}

/**
 * Deletes a sample with its labels. When it was the project's reference, the newest remaining sample
 * takes over, as the first sample became the reference on upload: a project with samples keeps a
 * ceiling for the tradeoff and the report. Returns the new reference's id, or null when none moved.
 */
export async function deleteAgreementSample(
  db: Db,
  params: { projectId: string; workspaceId: string; sampleId: string; actorId: string },
): Promise<{ newReferenceId: string | null }> {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(agreementSample)
      .where(and(eq(agreementSample.id, params.sampleId), eq(agreementSample.projectId, params.projectId)))
      .returning({
        id: agreementSample.id,
        name: agreementSample.name,
        isReference: agreementSample.isReference,
      });
    if (!deleted) throw sampleNotFound();
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'agreement_sample.deleted',
      entityType: 'agreement_sample',
      entityId: deleted.id,
      details: { projectId: params.projectId, name: deleted.name },
    });
    if (!deleted.isReference) return { newReferenceId: null };
    const [successor] = await tx
      .select({ id: agreementSample.id })
      .from(agreementSample)
      .where(eq(agreementSample.projectId, params.projectId))
      .orderBy(desc(agreementSample.createdAt), desc(agreementSample.id))
      .limit(1)
      .for('update');
    if (!successor) return { newReferenceId: null };
    await tx.update(agreementSample).set({ isReference: true }).where(eq(agreementSample.id, successor.id));
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'agreement_sample.reference_set',
      entityType: 'agreement_sample',
      entityId: successor.id,
      details: { projectId: params.projectId, sampleId: successor.id, replacing: deleted.id },
    });
    return { newReferenceId: successor.id };
  });
}

/**
 * Makes `sampleId` the project's reference sample (the one whose ceiling the tradeoff and the report
 * use), or clears the reference when `sampleId` is null.
 */
export async function setReferenceSample(
  db: Db,
  params: { projectId: string; workspaceId: string; sampleId: string | null; actorId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (params.sampleId !== null) {
      const [target] = await tx
        .select({ id: agreementSample.id })
        .from(agreementSample)
        .where(and(eq(agreementSample.id, params.sampleId), eq(agreementSample.projectId, params.projectId)))
        .for('update');
      if (!target) throw sampleNotFound();
    }
    // Clear first: the partial unique index allows one reference per project at any moment.
    await tx
      .update(agreementSample)
      .set({ isReference: false })
      .where(and(eq(agreementSample.projectId, params.projectId), eq(agreementSample.isReference, true)));
    if (params.sampleId !== null) {
      await tx
        .update(agreementSample)
        .set({ isReference: true })
        .where(eq(agreementSample.id, params.sampleId));
    }
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'agreement_sample.reference_set',
      entityType: 'agreement_sample',
      entityId: params.sampleId ?? params.projectId,
      details: { projectId: params.projectId, sampleId: params.sampleId },
    });
  });
}

export interface ReferenceCeiling {
  value: number;
  ci: [number, number] | null;
  items: number;
  krippendorffAlpha: number | null;
  sampleId: string;
  sampleName: string;
  /**
   * What the ceiling is (the report's `humanCeiling.basis`: `spans.f1.exact`, `ranking.meanKendallTau`,
   * `percent-agreement`…), so the Tradeoff tab and the portfolio name its metric (`ceilingMetricName`);
   * null for a sample stored before it was kept.
   */
  basis: string | null;
}

/** The reference sample's columns the ceiling is read from (one query for one project or for many). */
export const referenceCeilingColumns = {
  projectId: agreementSample.projectId,
  id: agreementSample.id,
  name: agreementSample.name,
  alpha: agreementSample.alpha,
  ceiling: agreementSample.ceiling,
  ceilingLow: agreementSample.ceilingLow,
  ceilingHigh: agreementSample.ceilingHigh,
  ceilingItems: agreementSample.ceilingItems,
  ceilingBasis: agreementSample.ceilingBasis,
};

type ReferenceCeilingRow = {
  [K in keyof typeof referenceCeilingColumns]: (typeof referenceCeilingColumns)[K]['_']['data'] | null;
};

/** The ceiling of a reference sample's row; null when there is none or its ceiling is undefined. */
export function referenceCeilingOf(row: ReferenceCeilingRow | undefined): ReferenceCeiling | null {
  if (!row || row.ceiling === null || row.id === null || row.name === null) return null;
  return {
    basis: row.ceilingBasis,
    value: row.ceiling,
    ci: interval(row.ceilingLow, row.ceilingHigh),
    items: row.ceilingItems ?? 0,
    krippendorffAlpha: row.alpha,
    sampleId: row.id,
    sampleName: row.name,
  };
}

/**
 * The human ceiling of the project's reference sample (cross-feature contract: the worksheet, the
 * tradeoff and the report read it). Null when no sample is the reference or its ceiling is undefined.
 */
export async function getReferenceCeiling(db: Db, projectId: string): Promise<ReferenceCeiling | null> {
  const [row] = await db
    .select(referenceCeilingColumns)
    .from(agreementSample)
    .where(and(eq(agreementSample.projectId, projectId), eq(agreementSample.isReference, true)));
  return referenceCeilingOf(row);
}
