import {
  applyRoadmapEdit,
  assessMaturity,
  type EditableField,
  generateRoadmap,
  type IsoCalendarDate,
  MATURITY_ITEMS_VERSION,
  type MaturityAnswer,
  type MaturityAssessment,
  type MaturityLevel,
  type MergeConflict,
  mergeRegenerated,
  type PhaseKind,
  type Roadmap,
  type RoadmapEdit,
  type RoadmapError,
  type RoadmapEstimates,
  recommendTargetLevel,
  resolveConflict,
  roadmapEstimatesFromTradeoff,
  type TargetLevelRecommendation,
  targetLevelInputsFromWorksheet,
} from '@raisin/core';
import { eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { DomainError } from '../errors';
import { maturityAssessment, project, roadmap } from '../schema';
import type { AuditEntryInput } from './audit';
import { getTradeoffSummary } from './tradeoff';
import { type UpsertAtVersion, upsertAtVersion, type VersionedTable } from './versioned-write';
import { getWorksheetAnswers } from './worksheet';

export type MaturityAssessmentRow = typeof maturityAssessment.$inferSelect;
export type RoadmapRow = typeof roadmap.$inferSelect;

/** The assessment as stored (or an empty one at version 0), its level and the target level to plan for. */
export interface MaturityOverview {
  /** 0 while nothing has been saved: the first save names version 0. */
  readonly version: number;
  readonly itemsVersion: number;
  readonly answers: Readonly<Record<string, MaturityAnswer>>;
  readonly override: { readonly level: MaturityLevel; readonly reason: string } | null;
  readonly assessment: MaturityAssessment;
  readonly target: TargetLevelRecommendation;
  readonly updatedAt: Date | null;
  readonly updatedBy: string | null;
}

function roadmapRefused(error: RoadmapError): DomainError {
  return new DomainError('ROADMAP_INVALID', error.message, {
    reason: error.code,
    ...(error.phaseId === undefined ? {} : { phaseId: error.phaseId }),
  });
}

async function requireWorkspaceId(db: Db, projectId: string): Promise<string> {
  const [row] = await db
    .select({ workspaceId: project.workspaceId })
    .from(project)
    .where(eq(project.id, projectId));
  if (!row) throw new DomainError('PROJECT_NOT_FOUND', 'Project not found');
  return row.workspaceId;
}

function overrideOf(row: MaturityAssessmentRow | null): MaturityOverview['override'] {
  if (!row || row.targetOverrideLevel === null || row.targetOverrideReason === null) return null;
  const level = row.targetOverrideLevel;
  if (level !== 0 && level !== 1 && level !== 2) return null;
  return { level, reason: row.targetOverrideReason };
}

/** The overview of a stored assessment row (null: never saved) and the worksheet's answers. */
export function maturityOverviewOf(
  row: MaturityAssessmentRow | null,
  worksheetAnswers: Readonly<Record<string, unknown>>,
): MaturityOverview {
  const answers = row?.answers ?? {};
  const override = overrideOf(row);
  const target = recommendTargetLevel(
    targetLevelInputsFromWorksheet(worksheetAnswers),
    override ?? undefined,
  );
  // The stored override always has a reason (a check constraint), so only a malformed worksheet number
  // can fail here; the override-free recommendation is the fallback then.
  const fallback: TargetLevelRecommendation = {
    level: override?.level ?? 0,
    recommendedLevel: 0,
    reasons: ['The worksheet answers could not be read; level 0 is assumed.'],
    overridden: override !== null,
  };
  return {
    version: row?.version ?? 0,
    itemsVersion: row?.itemsVersion ?? MATURITY_ITEMS_VERSION,
    answers,
    override,
    assessment: assessMaturity(answers),
    target: target.ok ? target.value : fallback,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

async function selectAssessment(db: Db, projectId: string): Promise<MaturityAssessmentRow | null> {
  const [row] = await db.select().from(maturityAssessment).where(eq(maturityAssessment.projectId, projectId));
  return row ?? null;
}

/** The project's maturity self-assessment with its computed level and target level (version 0 when unsaved). */
export async function getMaturityOverview(db: Db, params: { projectId: string }): Promise<MaturityOverview> {
  const [row, worksheetAnswers] = await Promise.all([
    selectAssessment(db, params.projectId),
    getWorksheetAnswers(db, params.projectId),
  ]);
  return maturityOverviewOf(row, worksheetAnswers);
}

/**
 * The current MLOps level from the self-assessment and the target level to plan for (the override when
 * set, else the worksheet's recommendation), or null when the assessment was never saved.
 */
export async function getMaturitySummary(
  db: Db,
  projectId: string,
): Promise<{ currentLevel: MaturityLevel; targetLevel: MaturityLevel } | null> {
  const overview = await getMaturityOverview(db, { projectId });
  if (overview.version === 0) return null;
  return { currentLevel: overview.assessment.level, targetLevel: overview.target.level };
}

type AssessmentChanges = Partial<
  Pick<MaturityAssessmentRow, 'answers' | 'targetOverrideLevel' | 'targetOverrideReason'>
>;

/** A roadmap-tab write's audit entry: on the project, with the version it made. */
function projectAudit(
  workspaceId: string,
  params: { projectId: string; actorId: string; action: string; details: Record<string, unknown> },
  version: number,
): AuditEntryInput {
  return {
    workspaceId,
    actorId: params.actorId,
    action: params.action,
    entityType: 'project',
    entityId: params.projectId,
    details: { version, ...params.details },
  };
}

/** Who writes which project's row, at the version they read (0: none stored yet). */
interface VersionedWrite {
  readonly projectId: string;
  readonly version: number;
  readonly actorId: string;
}

function pickWrite({ projectId, version, actorId }: VersionedWrite): VersionedWrite {
  return { projectId, version, actorId };
}

/**
 * Writes a project's one-row document (its assessment, its roadmap) if it is still at the version the writer
 * read, in a transaction, with the roadmap tab's audit entry on the project.
 */
async function writeProjectDocument<T extends VersionedTable & { readonly projectId: PgColumn }>(
  db: Db,
  params: VersionedWrite & { action: string; details: Record<string, unknown> },
  document: Pick<UpsertAtVersion<T>, 'table' | 'what' | 'change'>,
): Promise<T['$inferSelect']> {
  return db.transaction(async (tx) => {
    const workspaceId = await requireWorkspaceId(tx, params.projectId);
    return upsertAtVersion(tx, {
      ...document,
      where: eq(document.table.projectId, params.projectId),
      version: params.version,
      audit: (row) => projectAudit(workspaceId, params, (row as { version: number }).version),
    });
  });
}

/**
 * Writes the assessment if it is still at `version` (0: not saved yet), bumping the version, with an
 * audit row in the same transaction. A stale version is a VERSION_CONFLICT carrying the current one.
 */
async function writeAssessment(
  db: Db,
  at: VersionedWrite,
  what: {
    action: string;
    change: (current: MaturityAssessmentRow | null) => AssessmentChanges;
    details: Record<string, unknown>;
  },
): Promise<MaturityOverview> {
  const params = { ...pickWrite(at), ...what };
  const saved = await writeProjectDocument(db, params, {
    table: maturityAssessment,
    what: 'assessment',
    change: async (current) => {
      const changes = params.change(current);
      return {
        insert: {
          projectId: params.projectId,
          itemsVersion: MATURITY_ITEMS_VERSION,
          answers: {},
          ...changes,
          updatedBy: params.actorId,
        },
        set: {
          ...changes,
          itemsVersion: MATURITY_ITEMS_VERSION,
          updatedAt: new Date(),
          updatedBy: params.actorId,
        },
      };
    },
  });
  return maturityOverviewOf(saved, await getWorksheetAnswers(db, params.projectId));
}

/**
 * Saves answers of the self-assessment: each key is an item id, `null` clears the answer; other answers
 * are kept. Optimistic: `version` is the one the caller read (0 before the first save).
 */
export async function saveMaturityAnswers(
  db: Db,
  params: {
    projectId: string;
    version: number;
    answers: Readonly<Record<string, MaturityAnswer | null>>;
    actorId: string;
  },
): Promise<MaturityOverview> {
  return writeAssessment(db, params, {
    action: 'roadmap.assessment.answered',
    details: { answers: params.answers },
    change: (current) => {
      const answers: Record<string, MaturityAnswer> = { ...(current?.answers ?? {}) };
      for (const [itemId, answer] of Object.entries(params.answers)) {
        if (answer === null) delete answers[itemId];
        else answers[itemId] = answer;
      }
      return { answers };
    },
  });
}

/** Sets (or with `null` clears) the override of the recommended target level; the reason must not be blank. */
export async function setTargetLevelOverride(
  db: Db,
  params: {
    projectId: string;
    version: number;
    override: { level: MaturityLevel; reason: string } | null;
    actorId: string;
  },
): Promise<MaturityOverview> {
  const reason = params.override?.reason.trim() ?? null;
  if (params.override !== null && !reason) {
    throw new DomainError('ROADMAP_INVALID', 'Overriding the recommended target level needs a reason.', {
      reason: 'override_reason_required',
    });
  }
  return writeAssessment(db, params, {
    action: 'roadmap.target.overridden',
    details: { override: params.override === null ? null : { level: params.override.level, reason } },
    change: () => ({
      targetOverrideLevel: params.override?.level ?? null,
      targetOverrideReason: params.override === null ? null : reason,
    }),
  });
}

/** A stored roadmap with the conflicts its last regeneration left, or null when none was generated. */
export async function getProjectRoadmap(db: Db, params: { projectId: string }): Promise<RoadmapRow | null> {
  const [row] = await db.select().from(roadmap).where(eq(roadmap.projectId, params.projectId));
  return row ?? null;
}

/** The inputs a roadmap is generated from, for the UI to show where the durations come from. */
export interface RoadmapPlanningInputs {
  readonly currentLevel: MaturityLevel;
  readonly targetLevel: MaturityLevel;
  readonly estimates: RoadmapEstimates;
  readonly fromTradeoff: boolean;
  readonly answers: Readonly<Record<string, MaturityAnswer>>;
}

export async function getRoadmapPlanningInputs(db: Db, projectId: string): Promise<RoadmapPlanningInputs> {
  const [overview, tradeoff] = await Promise.all([
    getMaturityOverview(db, { projectId }),
    getTradeoffSummary(db, projectId),
  ]);
  return {
    currentLevel: overview.assessment.level,
    targetLevel: overview.target.level,
    estimates: roadmapEstimatesFromTradeoff(tradeoff),
    fromTradeoff: tradeoff !== null,
    answers: overview.answers,
  };
}

export interface RoadmapWriteResult {
  readonly row: RoadmapRow;
  /** Conflicts this write left pending (a regeneration's; empty after generating a first roadmap). */
  readonly conflicts: readonly MergeConflict[];
}

async function writeRoadmap(
  db: Db,
  at: VersionedWrite,
  what: {
    action: string;
    details: Record<string, unknown>;
    compute: (current: RoadmapRow | null) => Promise<{ data: Roadmap; pendingConflicts: MergeConflict[] }>;
  },
): Promise<RoadmapRow> {
  const params = { ...pickWrite(at), ...what };
  return writeProjectDocument(db, params, {
    table: roadmap,
    what: 'roadmap',
    change: async (current) => {
      const next = await params.compute(current);
      return {
        insert: { projectId: params.projectId, ...next, updatedBy: params.actorId },
        set: { ...next, updatedAt: new Date(), updatedBy: params.actorId },
      };
    },
  });
}

/** Conflicts that still name a phase of the roadmap (an edit may have removed the phase since). */
function stillPending(conflicts: readonly MergeConflict[], data: Roadmap): MergeConflict[] {
  const ids = new Set(data.phases.map((phase) => phase.id));
  return conflicts.filter((conflict) => ids.has(conflict.phaseId));
}

/**
 * Generates the project's roadmap from its assessment (current level, answers), the target level and the
 * tradeoff's estimates, starting `startDate`. With no roadmap yet (`version` 0) it is stored as is; over
 * an existing one (at `version`) the fresh roadmap is merged with `mergeRegenerated`, so every manual edit
 * is kept, and the conflicts (edits the generator would now change) are returned and stored as pending.
 * A roadmap the core refuses (e.g. nothing left to do) is ROADMAP_INVALID with the core's message.
 */
export async function generateProjectRoadmap(
  db: Db,
  params: {
    projectId: string;
    version: number;
    startDate: IsoCalendarDate;
    completedPhases?: readonly PhaseKind[] | undefined;
    actorId: string;
  },
): Promise<RoadmapWriteResult> {
  const inputs = await getRoadmapPlanningInputs(db, params.projectId);
  const generated = generateRoadmap({
    startDate: params.startDate,
    currentLevel: inputs.currentLevel,
    targetLevel: inputs.targetLevel,
    estimates: inputs.estimates,
    answers: inputs.answers,
    ...(params.completedPhases === undefined ? {} : { completedPhases: params.completedPhases }),
  });
  if (!generated.ok) throw roadmapRefused(generated.error);
  let conflicts: MergeConflict[] = [];
  const row = await writeRoadmap(db, params, {
    action: params.version === 0 ? 'roadmap.generated' : 'roadmap.regenerated',
    details: {
      startDate: params.startDate,
      currentLevel: inputs.currentLevel,
      targetLevel: inputs.targetLevel,
    },
    compute: async (current) => {
      if (!current) return { data: generated.value, pendingConflicts: [] };
      const merged = mergeRegenerated(current.data, generated.value);
      if (!merged.ok) throw roadmapRefused(merged.error);
      conflicts = [...merged.value.conflicts];
      return { data: merged.value.roadmap, pendingConflicts: conflicts };
    },
  });
  return { row, conflicts };
}

/** Applies one manual edit at `version`; refused edits (empty name, last phase, …) are ROADMAP_INVALID. */
export async function editProjectRoadmap(
  db: Db,
  params: { projectId: string; version: number; edit: RoadmapEdit; actorId: string },
): Promise<RoadmapRow> {
  return writeRoadmap(db, params, {
    action: 'roadmap.edited',
    details: { edit: params.edit },
    compute: async (current) => {
      if (!current) throw new DomainError('ROADMAP_NOT_FOUND', 'Generate a roadmap before editing it.');
      const edited = applyRoadmapEdit(current.data, params.edit);
      if (!edited.ok) throw roadmapRefused(edited.error);
      return { data: edited.value, pendingConflicts: stillPending(current.pendingConflicts, edited.value) };
    },
  });
}

export interface ConflictResolution {
  readonly phaseId: string;
  /** The conflicting field, or null for a phase the generator no longer produces. */
  readonly field: EditableField | null;
  readonly choice: 'keep-manual' | 'use-generated';
}

function conflictKey(phaseId: string, field: EditableField | null): string {
  return `${phaseId}\u0000${field ?? ''}`;
}

/**
 * Settles pending regeneration conflicts: `keep-manual` keeps the edit, `use-generated` takes the
 * generator's value (or drops a phase it no longer produces). Each resolution must name a pending one.
 */
export async function resolveRoadmapConflicts(
  db: Db,
  params: {
    projectId: string;
    version: number;
    resolutions: readonly ConflictResolution[];
    actorId: string;
  },
): Promise<RoadmapRow> {
  return writeRoadmap(db, params, {
    action: 'roadmap.conflicts.resolved',
    details: { resolutions: params.resolutions },
    compute: async (current) => {
      if (!current) throw new DomainError('ROADMAP_NOT_FOUND', 'Generate a roadmap first.');
      const pending = new Map(
        current.pendingConflicts.map((conflict) => [
          conflictKey(conflict.phaseId, conflict.kind === 'field' ? conflict.field : null),
          conflict,
        ]),
      );
      let data = current.data;
      for (const resolution of params.resolutions) {
        const key = conflictKey(resolution.phaseId, resolution.field);
        const conflict = pending.get(key);
        if (conflict === undefined) {
          throw new DomainError(
            'ROADMAP_INVALID',
            `There is no pending conflict on "${resolution.phaseId}"${resolution.field ? ` (${resolution.field})` : ''}.`,
            { reason: 'unknown_conflict', phaseId: resolution.phaseId },
          );
        }
        const resolved = resolveConflict(data, conflict, resolution.choice);
        if (!resolved.ok) throw roadmapRefused(resolved.error);
        data = resolved.value;
        pending.delete(key);
      }
      return { data, pendingConflicts: stillPending([...pending.values()], data) };
    },
  });
}
