import { createHash } from 'node:crypto';
import {
  adoptedAngleName,
  analyzeTradeoff,
  type CostRate,
  DEFAULT_TRADEOFF_SETTINGS,
  type Duration,
  type EffortEstimate,
  latestMeasurementDate,
  type ResolvedTradeoffInputs,
  resolveTradeoffInputs,
  seedAttackAngles,
  summarizeTradeoff,
  type ThreePointEstimate,
  type TradeoffSummary,
  validateAttackAngle,
  validateMeasuredOn,
  validateTradeoffSettings,
  type worksheet,
} from '@raisin/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { DomainError } from '../errors';
import { LruMap } from '../lru';
import {
  type AuditDetails,
  attackAngle,
  measuredPoint,
  project,
  type TradeoffSettings,
  tradeoffSettings,
  tradeoffSummary,
} from '../schema';
import { getReferenceCeiling, type ReferenceCeiling } from './agreement';
import { writeAuditEntry } from './audit';
import { lockAtVersion, updateAtVersion } from './versioned-write';
import { getWorksheetAnswers } from './worksheet';

export type AttackAngleRow = typeof attackAngle.$inferSelect;
export type MeasuredPointRow = typeof measuredPoint.$inferSelect;
export type TradeoffSettingsRow = typeof tradeoffSettings.$inferSelect;

/** The worksheet question whose answer is the default target quality. */
export const TARGET_QUALITY_QUESTION = 'E.target-quality';

/** What an editor sends for an angle. */
export interface AttackAngleInput {
  readonly name: string;
  readonly effort: EffortEstimate;
  readonly quality: ThreePointEstimate;
  readonly costRate: CostRate | null;
  readonly riskNotes: string;
}

/** What an editor sends for a measured point: the effort spent, or the date it was measured. */
export interface MeasuredPointInput {
  readonly effort: Duration | null;
  readonly measuredOn: string | null;
  readonly quality: number;
  readonly label: string;
}

/** Everything the Tradeoff tab shows, with the other tabs' values it depends on. */
export interface TradeoffState {
  readonly settings: TradeoffSettings;
  readonly version: number;
  readonly angles: AttackAngleRow[];
  readonly measured: MeasuredPointRow[];
  readonly referenceCeiling: ReferenceCeiling | null;
  readonly worksheetTarget: number | null;
  /** The project's creation day (YYYY-MM-DD): dated measured points count from it without a start date. */
  readonly projectStartedOn: string;
  /**
   * True while the project has no attack angles: the tab shows the examples (`seedAttackAngles`), which
   * are never stored and which no other tab uses, until the team adopts them or saves one of its own.
   */
  readonly example: boolean;
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('TRADEOFF_INVALID', message, { field });
}

/** An attack angle of the project, at the version its editor read. */
function angleAt(params: { projectId: string; angleId: string; version: number }) {
  return {
    table: attackAngle,
    where: and(eq(attackAngle.id, params.angleId), eq(attackAngle.projectId, params.projectId)),
    version: params.version,
    what: 'attack angle',
    notFound: () => new DomainError('TRADEOFF_ITEM_NOT_FOUND', 'Attack angle not found'),
  };
}

/** A measured point of the project, at the version its editor read. */
function measuredPointAt(params: { projectId: string; pointId: string; version: number }) {
  return {
    table: measuredPoint,
    where: and(eq(measuredPoint.id, params.pointId), eq(measuredPoint.projectId, params.projectId)),
    version: params.version,
    what: 'measured point',
    notFound: () => new DomainError('TRADEOFF_ITEM_NOT_FOUND', 'Measured point not found'),
  };
}

async function requireProject(db: Db, projectId: string): Promise<{ workspaceId: string; createdAt: Date }> {
  const [row] = await db
    .select({ workspaceId: project.workspaceId, createdAt: project.createdAt })
    .from(project)
    .where(eq(project.id, projectId));
  if (!row) throw new DomainError('PROJECT_NOT_FOUND', 'Project not found');
  return row;
}

/**
 * Run by every mutation in its transaction before its change, so a refused change writes nothing (and a
 * read never writes): creates the settings row, which makes the tradeoff the team's and lets the other
 * tabs use it. The insert is the guard, so two first editors do this once. Nothing else is written: the
 * example angles are shown, never stored.
 */
async function ensureInitialised(db: Db, projectId: string): Promise<void> {
  await db
    .insert(tradeoffSettings)
    .values({ projectId, settings: DEFAULT_TRADEOFF_SETTINGS })
    .onConflictDoNothing();
}

function worksheetTargetOf(answers: Readonly<Record<string, worksheet.Answer>>): number | null {
  const answer = answers[TARGET_QUALITY_QUESTION];
  return answer?.kind === 'number' && Number.isFinite(answer.value) ? answer.value : null;
}

/** A project's attack angles as stored, in the order the tab shows them. */
export function listAttackAngleRows(db: Db, projectId: string) {
  return db
    .select()
    .from(attackAngle)
    .where(eq(attackAngle.projectId, projectId))
    .orderBy(asc(attackAngle.position), asc(attackAngle.createdAt));
}

/** A project's measured points as stored, oldest first (the id orders points saved in the same instant). */
export function listMeasuredPointRows(db: Db, projectId: string) {
  return db
    .select()
    .from(measuredPoint)
    .where(eq(measuredPoint.projectId, projectId))
    .orderBy(asc(measuredPoint.createdAt), asc(measuredPoint.id));
}

/**
 * The project's tradeoff as stored, with the reference ceiling and the worksheet's target. A read: it
 * writes nothing, so a project no editor changed reads as the default settings and no angles.
 */
export async function getTradeoff(db: Db, params: { projectId: string }): Promise<TradeoffState> {
  const { projectId } = params;
  const owner = await requireProject(db, projectId);
  const [[settingsRow], angles, measured, referenceCeiling, answers] = await Promise.all([
    db.select().from(tradeoffSettings).where(eq(tradeoffSettings.projectId, projectId)),
    listAttackAngleRows(db, projectId),
    listMeasuredPointRows(db, projectId),
    getReferenceCeiling(db, projectId),
    getWorksheetAnswers(db, projectId),
  ]);
  return tradeoffStateOf({
    settingsRow,
    angles,
    measured,
    referenceCeiling,
    answers,
    createdAt: owner.createdAt,
  });
}

/** The tradeoff state from a project's stored rows (`settingsRow` undefined: never changed by an editor). */
export function tradeoffStateOf(rows: {
  settingsRow: Pick<TradeoffSettingsRow, 'settings' | 'version'> | undefined;
  angles: AttackAngleRow[];
  measured: MeasuredPointRow[];
  referenceCeiling: ReferenceCeiling | null;
  answers: Readonly<Record<string, worksheet.Answer>>;
  createdAt: Date;
}): TradeoffState {
  const { settingsRow } = rows;
  return {
    settings: { ...DEFAULT_TRADEOFF_SETTINGS, ...settingsRow?.settings },
    version: settingsRow?.version ?? 1,
    angles: rows.angles,
    measured: rows.measured,
    referenceCeiling: rows.referenceCeiling,
    worksheetTarget: worksheetTargetOf(rows.answers),
    projectStartedOn: rows.createdAt.toISOString().slice(0, 10),
    example: rows.angles.length === 0,
  };
}

/** The core's inputs from a stored state (the same resolution the browser does). */
export function resolveStoredTradeoff(state: TradeoffState): ResolvedTradeoffInputs {
  return resolveTradeoffInputs({
    angles: state.angles,
    measured: state.measured,
    settings: state.settings,
    referenceCeiling: state.referenceCeiling?.value ?? null,
    worksheetTarget: state.worksheetTarget,
    fallbackStart: state.projectStartedOn,
  });
}

/**
 * The tradeoff summary other tabs read (cross-feature contract): the best angle, the time to target as
 * P10/P50/P90 calendar days (the core's seeded simulation, 10,000 draws), and each angle's likely effort
 * and quality. Null until an editor saves a tradeoff change (see `ensureInitialised`); the examples a
 * project without angles shows are never part of it. Read from `tradeoff_summary` when it was computed
 * from the same inputs, else computed and stored there, so the next reader in any instance (the portfolio
 * reading two hundred projects) does not simulate again.
 */
export async function getTradeoffSummary(db: Db, projectId: string): Promise<TradeoffSummary | null> {
  const [existing] = await db
    .select({ inputsKey: tradeoffSummary.inputsKey, summary: tradeoffSummary.summary })
    .from(tradeoffSettings)
    .leftJoin(tradeoffSummary, eq(tradeoffSummary.projectId, tradeoffSettings.projectId))
    .where(eq(tradeoffSettings.projectId, projectId));
  if (!existing) return null;
  const inputs = resolveStoredTradeoff(await getTradeoff(db, { projectId }));
  const inputsKey = tradeoffSummaryKey(inputs);
  if (existing.inputsKey === inputsKey && existing.summary !== null) return existing.summary;
  const summary = summarizeCached(inputs, inputsKey);
  await storeTradeoffSummaries(db, [{ projectId, inputsKey, summary }]);
  return summary;
}

/**
 * Computes and stores a project's tradeoff summary after a change to one of its inputs (a tradeoff edit,
 * the worksheet's target, the reference sample), so lists read it instead of simulating. Nothing is
 * computed when the stored one still fits the inputs, or while the project has no tradeoff of its own.
 */
export async function refreshTradeoffSummary(db: Db, projectId: string): Promise<void> {
  await getTradeoffSummary(db, projectId);
}

/** A project's computed summary with the key of the inputs it was computed from. */
export interface StoredTradeoffSummary {
  readonly projectId: string;
  readonly inputsKey: string;
  readonly summary: TradeoffSummary;
}

/**
 * Stores computed summaries in one statement, replacing what each project had. Two writers racing may
 * leave the older inputs' summary; its key then no longer matches, so the next reader recomputes it.
 */
export async function storeTradeoffSummaries(
  db: Db,
  entries: readonly StoredTradeoffSummary[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insert(tradeoffSummary)
    .values(entries.map((entry) => ({ ...entry, computedAt: new Date() })))
    .onConflictDoUpdate({
      target: tradeoffSummary.projectId,
      set: {
        inputsKey: sql`excluded.inputs_key`,
        summary: sql`excluded.summary`,
        computedAt: sql`excluded.computed_at`,
      },
    });
}

/**
 * Bumped whenever the simulation or `summarizeTradeoff` would answer differently for the same inputs, so
 * every stored summary's key stops matching and each is recomputed on its next read.
 */
const SUMMARY_FORMAT = 1;

/** The summary is a pure function of the resolved inputs (the simulation is seeded): their hash keys it. */
export function tradeoffSummaryKey(inputs: ResolvedTradeoffInputs): string {
  return createHash('sha256')
    .update(`${SUMMARY_FORMAT}:${JSON.stringify(inputs)}`)
    .digest('base64');
}

const SUMMARY_CACHE_SIZE = 256;
const summaryCache = new LruMap<string, TradeoffSummary>(SUMMARY_CACHE_SIZE);

/**
 * The summary of the resolved inputs, from this instance's memory when it computed them lately: the
 * Worksheet tab polls it, and 10,000 draws per poll would hold the event loop. Keyed by the whole input,
 * an entry can never be stale, so each instance keeping its own cache is safe (README, "N instances").
 * Least recently used entries go first; callers get a copy.
 */
export function summarizeCached(
  inputs: ResolvedTradeoffInputs,
  key: string = tradeoffSummaryKey(inputs),
): TradeoffSummary {
  let summary = summaryCache.get(key);
  if (summary === undefined) {
    summary = summarizeTradeoff(analyzeTradeoff(inputs));
    summaryCache.set(key, summary);
  }
  return structuredClone(summary);
}

function checkAngle(angle: AttackAngleInput, maxQuality: number): void {
  const issue = validateAttackAngle(
    { id: 'angle', name: angle.name, effort: angle.effort, quality: angle.quality },
    { min: 0, max: maxQuality },
  )[0];
  if (issue) throw invalid(issue.path, `${issue.path}: ${issue.message}`);
}

/** When a measured point is checked: `today` is the editor's calendar date as their browser gave it. */
interface MeasuredClock {
  readonly today?: string | null | undefined;
  readonly now?: Date | undefined;
}

function checkMeasured(point: MeasuredPointInput, maxQuality: number, clock: MeasuredClock): void {
  if (point.effort === null && point.measuredOn === null) {
    throw invalid('effort', 'effort: give the effort spent or the date it was measured');
  }
  if (point.measuredOn !== null) {
    // A measurement in the future has not happened: it would anchor the curve on a guess.
    const issue = validateMeasuredOn(
      point.measuredOn,
      latestMeasurementDate(clock.now ?? new Date(), clock.today),
    );
    if (issue) throw invalid(issue.path, issue.message);
  }
  if (!(point.quality >= 0 && point.quality <= maxQuality)) {
    throw invalid('quality', `quality: must lie in the metric's range [0, ${maxQuality}]`);
  }
}

function checkSettings(settings: TradeoffSettings): void {
  const issue = validateTradeoffSettings(settings)[0];
  if (issue) throw invalid(issue.path, issue.message);
}

/** The settings a change is checked against: the stored ones, or the defaults its first change stores. */
async function currentSettings(db: Db, projectId: string): Promise<TradeoffSettings> {
  const [row] = await db
    .select({ settings: tradeoffSettings.settings })
    .from(tradeoffSettings)
    .where(eq(tradeoffSettings.projectId, projectId));
  return row?.settings ?? DEFAULT_TRADEOFF_SETTINGS;
}

/**
 * Runs one tradeoff edit in one transaction: makes sure the project's tradeoff is stored (from its first
 * edit the other tabs use it), applies the change and writes its audit entry, all or nothing; then stores
 * the summary of the new inputs.
 */
async function editTradeoff<T>(
  db: Db,
  owner: { workspaceId: string },
  params: { projectId: string; actorId: string },
  change: (tx: Db) => Promise<{ result: T; action: string; details: AuditDetails }>,
): Promise<T> {
  const result = await db.transaction(async (tx) => {
    await ensureInitialised(tx, params.projectId);
    const { result, action, details } = await change(tx);
    await writeAuditEntry(tx, {
      workspaceId: owner.workspaceId,
      actorId: params.actorId,
      action,
      entityType: 'project',
      entityId: params.projectId,
      details,
    });
    return result;
  });
  // After the commit, so the simulation holds no row lock; a failure here leaves a stale key, recomputed on read.
  await refreshTradeoffSummary(db, params.projectId);
  return result;
}

/**
 * Stores the example angles as the team's own ("Use these examples"): the four of `seedAttackAngles`,
 * named without their example marker. Only on a project with no angles yet (else CONFLICT: the tab showed
 * the examples, so someone else added angles meanwhile), in one transaction with its audit entry.
 */
export async function adoptExampleAngles(
  db: Db,
  params: { projectId: string; actorId: string },
): Promise<AttackAngleRow[]> {
  const owner = await requireProject(db, params.projectId);
  return editTradeoff(db, owner, params, async (tx) => {
    // The settings row was just locked in by `ensureInitialised`; locking it orders two adopters.
    await tx
      .select({ projectId: tradeoffSettings.projectId })
      .from(tradeoffSettings)
      .where(eq(tradeoffSettings.projectId, params.projectId))
      .for('update');
    const [existing] = await tx
      .select({ id: attackAngle.id })
      .from(attackAngle)
      .where(eq(attackAngle.projectId, params.projectId))
      .limit(1);
    if (existing) {
      throw new DomainError(
        'VERSION_CONFLICT',
        'This project already has attack angles (someone added them meanwhile); reload to see them',
        { currentVersion: 0 },
      );
    }
    const created = await tx
      .insert(attackAngle)
      .values(
        seedAttackAngles().map((angle, position) => ({
          projectId: params.projectId,
          position,
          name: adoptedAngleName(angle.name),
          effort: angle.effort,
          quality: angle.quality,
          costRate: angle.costRate ?? null,
          riskNotes: angle.riskNotes ?? '',
          updatedBy: params.actorId,
        })),
      )
      .returning();
    return {
      result: created,
      action: 'tradeoff.examples.adopted',
      details: { names: created.map((row) => row.name).join(', ') },
    };
  });
}

/** Adds an angle at the end of the list. */
export async function createAttackAngle(
  db: Db,
  params: { projectId: string; angle: AttackAngleInput; actorId: string },
): Promise<AttackAngleRow> {
  const owner = await requireProject(db, params.projectId);
  const settings = await currentSettings(db, params.projectId);
  checkAngle(params.angle, settings.maxQuality);
  return editTradeoff(db, owner, params, async (tx) => {
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${attackAngle.position}), -1)` })
      .from(attackAngle)
      .where(eq(attackAngle.projectId, params.projectId));
    const [created] = await tx
      .insert(attackAngle)
      .values({
        projectId: params.projectId,
        position: Number(last?.position ?? -1) + 1,
        ...params.angle,
        updatedBy: params.actorId,
      })
      .returning();
    if (!created) throw new Error('createAttackAngle: insert returned no row');
    return {
      result: created,
      action: 'tradeoff.angle.created',
      details: { angleId: created.id, name: created.name },
    };
  });
}

/** Replaces an angle's fields if it is still at `version` (else VERSION_CONFLICT), bumping the version. */
export async function updateAttackAngle(
  db: Db,
  params: { projectId: string; angleId: string; version: number; angle: AttackAngleInput; actorId: string },
): Promise<AttackAngleRow> {
  const owner = await requireProject(db, params.projectId);
  const settings = await currentSettings(db, params.projectId);
  checkAngle(params.angle, settings.maxQuality);
  return editTradeoff(db, owner, params, async (tx) => {
    const { after: updated } = await updateAtVersion(tx, {
      ...angleAt(params),
      set: { ...params.angle, updatedAt: new Date(), updatedBy: params.actorId },
    });
    return {
      result: updated,
      action: 'tradeoff.angle.updated',
      details: { angleId: updated.id, name: updated.name, version: updated.version },
    };
  });
}

/** Deletes an angle if it is still at `version`. */
export async function deleteAttackAngle(
  db: Db,
  params: { projectId: string; angleId: string; version: number; actorId: string },
): Promise<void> {
  const owner = await requireProject(db, params.projectId);
  await editTradeoff(db, owner, params, async (tx) => {
    const target = angleAt(params);
    const before = await lockAtVersion(tx, target);
    await tx.delete(attackAngle).where(target.where);
    return {
      result: undefined,
      action: 'tradeoff.angle.deleted',
      details: { angleId: before.id, name: before.name },
    };
  });
}

/** Records a measured point. */
export async function createMeasuredPoint(
  db: Db,
  params: { projectId: string; point: MeasuredPointInput; actorId: string } & MeasuredClock,
): Promise<MeasuredPointRow> {
  const owner = await requireProject(db, params.projectId);
  const settings = await currentSettings(db, params.projectId);
  checkMeasured(params.point, settings.maxQuality, params);
  return editTradeoff(db, owner, params, async (tx) => {
    const [created] = await tx
      .insert(measuredPoint)
      .values({ projectId: params.projectId, ...params.point, updatedBy: params.actorId })
      .returning();
    if (!created) throw new Error('createMeasuredPoint: insert returned no row');
    return {
      result: created,
      action: 'tradeoff.measured.created',
      details: { pointId: created.id, quality: created.quality },
    };
  });
}

/** Replaces a measured point if it is still at `version`. */
export async function updateMeasuredPoint(
  db: Db,
  params: {
    projectId: string;
    pointId: string;
    version: number;
    point: MeasuredPointInput;
    actorId: string;
  } & MeasuredClock,
): Promise<MeasuredPointRow> {
  const owner = await requireProject(db, params.projectId);
  const settings = await currentSettings(db, params.projectId);
  checkMeasured(params.point, settings.maxQuality, params);
  return editTradeoff(db, owner, params, async (tx) => {
    const { after: updated } = await updateAtVersion(tx, {
      ...measuredPointAt(params),
      set: { ...params.point, updatedAt: new Date(), updatedBy: params.actorId },
    });
    return {
      result: updated,
      action: 'tradeoff.measured.updated',
      details: { pointId: updated.id, quality: updated.quality },
    };
  });
}

/** Deletes a measured point if it is still at `version`. */
export async function deleteMeasuredPoint(
  db: Db,
  params: { projectId: string; pointId: string; version: number; actorId: string },
): Promise<void> {
  const owner = await requireProject(db, params.projectId);
  await editTradeoff(db, owner, params, async (tx) => {
    const target = measuredPointAt(params);
    const before = await lockAtVersion(tx, target);
    await tx.delete(measuredPoint).where(target.where);
    return { result: undefined, action: 'tradeoff.measured.deleted', details: { pointId: before.id } };
  });
}

/**
 * A smaller metric maximum (100 → 1) must still hold every stored quality: the angles and measured points
 * are checked against it on their own writes, and would otherwise fall outside the metric's range.
 */
async function checkMaxQualityFits(tx: Db, projectId: string, maxQuality: number): Promise<void> {
  const [angles, measured] = await Promise.all([
    listAttackAngleRows(tx, projectId),
    listMeasuredPointRows(tx, projectId),
  ]);
  const angle = angles.find((row) => row.quality.high > maxQuality);
  if (angle) {
    throw invalid(
      'maxQuality',
      `maxQuality: the angle "${angle.name}" expects quality up to ${angle.quality.high}, above ${maxQuality}; change its estimates first`,
    );
  }
  const point = measured.find((row) => row.quality > maxQuality);
  if (point) {
    throw invalid(
      'maxQuality',
      `maxQuality: a measured point has quality ${point.quality}, above ${maxQuality}; change or delete it first`,
    );
  }
}

/** Replaces the settings if they are still at `version`. */
export async function updateTradeoffSettings(
  db: Db,
  params: { projectId: string; version: number; settings: TradeoffSettings; actorId: string },
): Promise<TradeoffSettingsRow> {
  const owner = await requireProject(db, params.projectId);
  checkSettings(params.settings);
  return editTradeoff(db, owner, params, async (tx) => {
    await checkMaxQualityFits(tx, params.projectId, params.settings.maxQuality);
    const { after: updated } = await updateAtVersion(tx, {
      table: tradeoffSettings,
      where: eq(tradeoffSettings.projectId, params.projectId),
      version: params.version,
      what: 'tradeoff settings',
      notFound: () => new DomainError('PROJECT_NOT_FOUND', 'Project not found'),
      set: { settings: params.settings, updatedAt: new Date(), updatedBy: params.actorId },
    });
    return { result: updated, action: 'tradeoff.settings.updated', details: { version: updated.version } };
  });
}
