/**
 * A whole project as plain JSON data (the body of a `raisin-project` file) and back. Reading gathers every
 * tab's rows; writing creates a new project from them in one transaction, with new ids, the importer as
 * author and the original timestamps. People are not carried over (their ids mean nothing in another
 * installation): history entries keep when, not who, and report versions keep their frozen snapshots but
 * no publisher. Decisions travel with their version (the name and e-mail a reader typed are text, not
 * accounts); a meeting entry and a hidden one get the importer as who recorded or hid it. Share links stay
 * behind: a new project starts unshared. The caller validates a bundle
 * before writing it.
 */

import type {
  CostRate,
  Duration,
  EffortEstimate,
  MaturityAnswer,
  MergeConflict,
  Roadmap,
  ThreePointEstimate,
} from '@raisin/core';
import type { ReportDecisionKind, ReportSnapshot } from '@raisin/core/report';
import type { Answer } from '@raisin/core/worksheet';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { DomainError } from '../errors';
import {
  agreementSample,
  agreementSampleData,
  attackAngle,
  maturityAssessment,
  measuredPoint,
  project,
  reportDecision,
  reportVersion,
  roadmap,
  type TradeoffSettings,
  tradeoffSettings,
  worksheetAnswer,
  worksheetAnswerHistory,
} from '../schema';
import { headlineOf, type SampleFileFields, type StoredAgreementReport, triplesValue } from './agreement';
import { writeAuditEntry } from './audit';
import type { ProjectRow } from './projects';
import { listAttackAngleRows, listMeasuredPointRows } from './tradeoff';

export interface BundledAnswer {
  questionId: string;
  value: Answer | null;
  version: number;
  updatedAt: string;
}

export interface BundledHistoryEntry {
  questionId: string;
  version: number;
  oldValue: Answer | null;
  newValue: Answer | null;
  /** Index in the bundle's history of the entry this change restored, if any (ids do not travel). */
  restoredFrom: number | null;
  at: string;
}

export interface BundledSample extends SampleFileFields {
  isReference: boolean;
  createdAt: string;
  /** With its `source` (how the file was read), which a re-score on import cannot recompute. */
  report: StoredAgreementReport;
  /** The stored triples (`encodeSample`), base64. */
  triples: string;
}

export interface BundledAngle {
  name: string;
  effort: EffortEstimate;
  quality: ThreePointEstimate;
  costRate: CostRate | null;
  riskNotes: string;
}

export interface BundledPoint {
  effort: Duration | null;
  measuredOn: string | null;
  quality: number;
  label: string;
}

/** A decision on a version, as the team sees it (with the reader's e-mail and whether it was hidden). */
export interface BundledDecision {
  decision: ReportDecisionKind;
  comment: string;
  name: string;
  email: string | null;
  /** Recorded by an owner from a meeting rather than by a reader of a link. */
  meeting: boolean;
  createdAt: string;
  /** When an owner hid it from readers; null while it shows. */
  hiddenAt: string | null;
}

export interface BundledReportVersion {
  number: number;
  note: string | null;
  publishedAt: string;
  /** As published, names included: a frozen record, never recomputed from the imported rows. */
  snapshot: ReportSnapshot;
  /** Oldest first. */
  decisions: BundledDecision[];
}

/** Everything a project holds, in export order; arrays keep the order the tabs show. */
export interface ProjectBundle {
  project: { name: string; description: string; createdAt: string };
  worksheet: { answers: BundledAnswer[]; history: BundledHistoryEntry[] };
  agreementSamples: BundledSample[];
  /** Null until an editor changed the Tradeoff tab (a project without angles shows examples, never stored). */
  tradeoff: { settings: TradeoffSettings; angles: BundledAngle[]; measuredPoints: BundledPoint[] } | null;
  maturity: {
    itemsVersion: number;
    answers: Record<string, MaturityAnswer>;
    targetOverrideLevel: number | null;
    targetOverrideReason: string | null;
  } | null;
  roadmap: { data: Roadmap; pendingConflicts: MergeConflict[] } | null;
  /** Oldest first. */
  reportVersions: BundledReportVersion[];
}

const iso = (date: Date) => date.toISOString();

/** Reads a whole project. @throws DomainError PROJECT_NOT_FOUND */
export async function readProjectBundle(db: Db, params: { projectId: string }): Promise<ProjectBundle> {
  const { projectId } = params;
  const [row] = await db.select().from(project).where(eq(project.id, projectId));
  if (!row) throw new DomainError('PROJECT_NOT_FOUND', 'Project not found');
  const [answers, history, samples, settings, angles, points, maturity, plan, versions, decisions] =
    await Promise.all([
      db
        .select()
        .from(worksheetAnswer)
        .where(eq(worksheetAnswer.projectId, projectId))
        .orderBy(asc(worksheetAnswer.questionId)),
      db
        .select()
        .from(worksheetAnswerHistory)
        .where(eq(worksheetAnswerHistory.projectId, projectId))
        .orderBy(asc(worksheetAnswerHistory.id)),
      db
        .select({ sample: agreementSample, triples: agreementSampleData.triples })
        .from(agreementSample)
        .innerJoin(agreementSampleData, eq(agreementSampleData.sampleId, agreementSample.id))
        .where(eq(agreementSample.projectId, projectId))
        .orderBy(asc(agreementSample.createdAt), asc(agreementSample.id)),
      db.select().from(tradeoffSettings).where(eq(tradeoffSettings.projectId, projectId)),
      listAttackAngleRows(db, projectId),
      listMeasuredPointRows(db, projectId),
      db.select().from(maturityAssessment).where(eq(maturityAssessment.projectId, projectId)),
      db.select().from(roadmap).where(eq(roadmap.projectId, projectId)),
      db
        .select()
        .from(reportVersion)
        .where(eq(reportVersion.projectId, projectId))
        .orderBy(asc(reportVersion.number)),
      db
        .select({ decision: reportDecision })
        .from(reportDecision)
        .innerJoin(reportVersion, eq(reportVersion.id, reportDecision.versionId))
        .where(eq(reportVersion.projectId, projectId))
        .orderBy(asc(reportDecision.createdAt), asc(reportDecision.id)),
    ]);
  const decisionsOf = new Map<string, BundledDecision[]>();
  for (const { decision: d } of decisions) {
    const list = decisionsOf.get(d.versionId) ?? [];
    list.push({
      decision: d.decision,
      comment: d.comment,
      name: d.name,
      email: d.email,
      meeting: d.linkId === null && d.recordedBy !== null,
      createdAt: iso(d.createdAt),
      hiddenAt: d.hiddenAt && iso(d.hiddenAt),
    });
    decisionsOf.set(d.versionId, list);
  }
  const historyIndex = new Map(history.map((entry, index) => [entry.id, index]));
  const [settingsRow] = settings;
  const [maturityRow] = maturity;
  const [roadmapRow] = plan;
  return {
    project: { name: row.name, description: row.description, createdAt: iso(row.createdAt) },
    worksheet: {
      answers: answers.map((a) => ({
        questionId: a.questionId,
        value: a.value,
        version: a.version,
        updatedAt: iso(a.updatedAt),
      })),
      history: history.map((h) => ({
        questionId: h.questionId,
        version: h.version,
        oldValue: h.oldValue,
        newValue: h.newValue,
        restoredFrom: h.restoredFromId === null ? null : (historyIndex.get(h.restoredFromId) ?? null),
        at: iso(h.at),
      })),
    },
    agreementSamples: samples.map(({ sample, triples }) => ({
      name: sample.name,
      fileName: sample.fileName,
      fileBytes: sample.fileBytes,
      format: sample.format,
      columns: sample.columns,
      level: sample.level,
      categoryOrder: sample.categoryOrder,
      isReference: sample.isReference,
      createdAt: iso(sample.createdAt),
      report: sample.report,
      triples: Buffer.from(triples).toString('base64'),
    })),
    tradeoff: settingsRow
      ? {
          settings: settingsRow.settings,
          angles: angles.map((a) => ({
            name: a.name,
            effort: a.effort,
            quality: a.quality,
            costRate: a.costRate,
            riskNotes: a.riskNotes,
          })),
          measuredPoints: points.map((p) => ({
            effort: p.effort,
            measuredOn: p.measuredOn,
            quality: p.quality,
            label: p.label,
          })),
        }
      : null,
    maturity: maturityRow
      ? {
          itemsVersion: maturityRow.itemsVersion,
          answers: maturityRow.answers,
          targetOverrideLevel: maturityRow.targetOverrideLevel,
          targetOverrideReason: maturityRow.targetOverrideReason,
        }
      : null,
    roadmap: roadmapRow ? { data: roadmapRow.data, pendingConflicts: roadmapRow.pendingConflicts } : null,
    reportVersions: versions.map((v) => ({
      number: v.number,
      note: v.note,
      publishedAt: iso(v.publishedAt),
      snapshot: v.snapshot,
      decisions: decisionsOf.get(v.id) ?? [],
    })),
  };
}

/** `name`, or `name (2)`, `name (3)`… : the first not used by a project of the workspace. */
function freeName(name: string, taken: ReadonlySet<string>, maxLength: number): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, maxLength - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Creates a project in `workspaceId` from a validated bundle, everything in one transaction, so a failure
 * leaves nothing behind. The name gets a ` (n)` suffix when the workspace already has a project of that name.
 */
export async function writeProjectBundle(
  db: Db,
  params: { workspaceId: string; bundle: ProjectBundle; actorId: string; maxNameLength: number },
): Promise<ProjectRow> {
  const { bundle, actorId } = params;
  return db.transaction(async (tx) => {
    const names = await tx
      .select({ name: project.name })
      .from(project)
      .where(eq(project.workspaceId, params.workspaceId));
    const name = freeName(bundle.project.name, new Set(names.map((n) => n.name)), params.maxNameLength);
    const [created] = await tx
      .insert(project)
      .values({
        workspaceId: params.workspaceId,
        name,
        description: bundle.project.description,
        createdAt: new Date(bundle.project.createdAt),
        createdBy: actorId,
        updatedBy: actorId,
      })
      .returning();
    if (!created) throw new Error('writeProjectBundle: insert returned no row');
    const projectId = created.id;
    const author = { updatedBy: actorId };

    const { answers, history } = bundle.worksheet;
    if (answers.length > 0) {
      await tx.insert(worksheetAnswer).values(
        answers.map((a) => ({
          projectId,
          questionId: a.questionId,
          value: a.value,
          version: a.version,
          updatedAt: new Date(a.updatedAt),
          ...author,
        })),
      );
    }
    // One by one: a restored entry names an earlier entry's new id.
    const historyIds: number[] = [];
    for (const h of history) {
      const [inserted] = await tx
        .insert(worksheetAnswerHistory)
        .values({
          projectId,
          questionId: h.questionId,
          version: h.version,
          oldValue: h.oldValue,
          newValue: h.newValue,
          actorId: null,
          restoredFromId: h.restoredFrom === null ? null : (historyIds[h.restoredFrom] ?? null),
          at: new Date(h.at),
        })
        .returning({ id: worksheetAnswerHistory.id });
      if (!inserted) throw new Error('writeProjectBundle: history insert returned no row');
      historyIds.push(inserted.id);
    }

    for (const s of bundle.agreementSamples) {
      const createdAt = new Date(s.createdAt);
      const [sample] = await tx
        .insert(agreementSample)
        .values({
          projectId,
          name: s.name,
          fileName: s.fileName,
          fileBytes: s.fileBytes,
          format: s.format,
          columns: s.columns,
          categoryOrder: s.categoryOrder,
          report: s.report,
          isReference: s.isReference,
          createdAt,
          updatedAt: createdAt,
          createdBy: actorId,
          ...author,
          ...headlineOf(s.report, s.level),
        })
        .returning({ id: agreementSample.id });
      if (!sample) throw new Error('writeProjectBundle: sample insert returned no row');
      await tx.insert(agreementSampleData).values({
        sampleId: sample.id,
        triples: triplesValue(new Uint8Array(Buffer.from(s.triples, 'base64'))),
      });
    }

    if (bundle.tradeoff) {
      const { settings, angles, measuredPoints } = bundle.tradeoff;
      await tx.insert(tradeoffSettings).values({ projectId, settings, ...author });
      if (angles.length > 0) {
        await tx
          .insert(attackAngle)
          .values(angles.map((angle, position) => ({ projectId, position, ...angle, ...author })));
      }
      if (measuredPoints.length > 0) {
        // Points are listed by creation time: a millisecond apart keeps the file's order.
        const now = Date.now();
        await tx
          .insert(measuredPoint)
          .values(
            measuredPoints.map((p, i) => ({ projectId, ...p, createdAt: new Date(now + i), ...author })),
          );
      }
    }
    if (bundle.maturity)
      await tx.insert(maturityAssessment).values({ projectId, ...bundle.maturity, ...author });
    if (bundle.roadmap) await tx.insert(roadmap).values({ projectId, ...bundle.roadmap, ...author });
    if (bundle.reportVersions.length > 0) {
      const inserted = await tx
        .insert(reportVersion)
        .values(
          bundle.reportVersions.map((v) => ({
            projectId,
            number: v.number,
            note: v.note,
            snapshot: v.snapshot,
            publishedAt: new Date(v.publishedAt),
            publishedBy: null,
          })),
        )
        .returning({ id: reportVersion.id, number: reportVersion.number });
      const idOf = new Map(inserted.map((v) => [v.number, v.id]));
      const decisions = bundle.reportVersions.flatMap((v) =>
        v.decisions.map((d) => ({
          versionId: idOf.get(v.number) ?? '',
          decision: d.decision,
          comment: d.comment,
          name: d.name,
          email: d.email,
          // Who recorded a meeting entry, or hid one, does not travel: the importer stands in.
          recordedBy: d.meeting ? actorId : null,
          createdAt: new Date(d.createdAt),
          hiddenAt: d.hiddenAt === null ? null : new Date(d.hiddenAt),
          hiddenBy: d.hiddenAt === null ? null : actorId,
        })),
      );
      if (decisions.length > 0) await tx.insert(reportDecision).values(decisions);
    }

    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId,
      action: 'project.imported',
      entityType: 'project',
      entityId: projectId,
      details: {
        name,
        samples: bundle.agreementSamples.length,
        answers: answers.length,
        reportVersions: bundle.reportVersions.length,
        decisions: bundle.reportVersions.reduce((n, v) => n + v.decisions.length, 0),
      },
    });
    return created;
  });
}
