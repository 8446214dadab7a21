import {
  type Answer,
  findQuestion,
  isAnswered,
  sameAnswerValue,
  templateAnswers,
  validateAnswer,
} from '@raisin/core/worksheet';
import { and, desc, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { DomainError } from '../errors';
import { user, worksheetAnswer, worksheetAnswerHistory } from '../schema';
import { versionConflict } from './versioned-write';

/** The current answer to one question, with who saved it. `value` is null once the answer was cleared. */
export interface WorksheetAnswerRow {
  questionId: string;
  value: Answer | null;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
  updatedByName: string | null;
}

export interface WorksheetHistoryEntry {
  id: number;
  questionId: string;
  version: number;
  oldValue: Answer | null;
  newValue: Answer | null;
  actorId: string | null;
  actorName: string | null;
  restoredFromId: number | null;
  at: Date;
}

const answerColumns = {
  questionId: worksheetAnswer.questionId,
  value: worksheetAnswer.value,
  version: worksheetAnswer.version,
  updatedAt: worksheetAnswer.updatedAt,
  updatedBy: worksheetAnswer.updatedBy,
  updatedByName: user.name,
};

/** Every stored answer row of a project (cleared ones included, with their versions), in question-id order. */
export async function listWorksheetAnswers(
  db: Db,
  params: { projectId: string },
): Promise<WorksheetAnswerRow[]> {
  return db
    .select(answerColumns)
    .from(worksheetAnswer)
    .leftJoin(user, eq(user.id, worksheetAnswer.updatedBy))
    .where(eq(worksheetAnswer.projectId, params.projectId))
    .orderBy(worksheetAnswer.questionId);
}

/**
 * The project's answers by question id, shaped as `@raisin/core/worksheet`'s `Answer` (`{ kind, value }`),
 * for the other tabs (e.g. the Tradeoff tab reads `E.target-quality`). Cleared answers are left out.
 */
export async function getWorksheetAnswers(db: Db, projectId: string): Promise<Record<string, Answer>> {
  const rows = await db
    .select({ questionId: worksheetAnswer.questionId, value: worksheetAnswer.value })
    .from(worksheetAnswer)
    .where(and(eq(worksheetAnswer.projectId, projectId), isNotNull(worksheetAnswer.value)));
  const answers: Record<string, Answer> = {};
  for (const row of rows) if (row.value !== null) answers[row.questionId] = row.value;
  return answers;
}

async function getAnswerRow(db: Db, projectId: string, questionId: string) {
  const [row] = await db
    .select(answerColumns)
    .from(worksheetAnswer)
    .leftJoin(user, eq(user.id, worksheetAnswer.updatedBy))
    .where(and(eq(worksheetAnswer.projectId, projectId), eq(worksheetAnswer.questionId, questionId)));
  return row ?? null;
}

/**
 * A conflict that tells the client what it lost to: the current value, its version and who saved it,
 * so the UI can show both values and let the user choose.
 */
function answerConflict(questionId: string, current: WorksheetAnswerRow | null): DomainError {
  return versionConflict(`answer to ${questionId}`, current?.version ?? 0, {
    by: current?.updatedByName ?? null,
    details: {
      questionId,
      current:
        current === null
          ? { value: null, version: 0, updatedAt: null, updatedBy: null, updatedByName: null }
          : {
              value: current.value,
              version: current.version,
              updatedAt: current.updatedAt.toISOString(),
              updatedBy: current.updatedBy,
              updatedByName: current.updatedByName,
            },
    },
  });
}

/**
 * Checks a raw answer value from a client against the question bank; null clears the answer.
 * Errors name the question and the field, e.g. `E.target-quality: value must be ≤ 1`.
 */
export function checkWorksheetAnswer(questionId: string, value: unknown): Answer | null {
  const question = findQuestion(questionId);
  if (question === undefined) {
    throw new DomainError('INVALID_ANSWER', `questionId: unknown question '${questionId}'`, {
      questionId,
      field: 'questionId',
    });
  }
  if (value === null) return null;
  const result = validateAnswer(question, value);
  if (!result.ok) {
    throw new DomainError('INVALID_ANSWER', `${questionId}: ${result.error.message}`, {
      questionId,
      field: result.error.field,
    });
  }
  return result.value;
}

/**
 * Saves one answer if it is still at `baseVersion` (0: the question had no answer yet), bumping the version
 * and recording the change in the history, in one transaction. A save whose value equals the stored one
 * changes nothing (autosave may resend). Throws VERSION_CONFLICT, carrying the current value and who saved
 * it, when someone else saved first; INVALID_ANSWER (naming the field) when the value does not fit the question.
 */
export async function saveWorksheetAnswer(
  db: Db,
  params: {
    projectId: string;
    questionId: string;
    baseVersion: number;
    value: unknown;
    actorId: string;
    restoredFromId?: number | undefined;
  },
): Promise<WorksheetAnswerRow> {
  const value = checkWorksheetAnswer(params.questionId, params.value);
  const { projectId, questionId } = params;
  const saved = await db.transaction(async (tx) => {
    // Locking the row makes a concurrent save wait, then see the version this one wrote.
    const [before] = await tx
      .select()
      .from(worksheetAnswer)
      .where(and(eq(worksheetAnswer.projectId, projectId), eq(worksheetAnswer.questionId, questionId)))
      .for('update');
    const currentVersion = before?.version ?? 0;
    if (currentVersion !== params.baseVersion) return { conflict: true, row: null } as const;
    const oldValue = before?.value ?? null;
    if (before && sameAnswerValue(oldValue, value)) return { conflict: false, row: null } as const;

    const now = new Date();
    const version = currentVersion + 1;
    // The saved row comes back with its author's name, so the caller needs no re-read after the commit.
    const savedColumns = {
      ...answerColumns,
      updatedByName: sql<
        string | null
      >`(select ${user.name} from ${user} where ${user.id} = ${params.actorId})`,
    };
    const written = before
      ? await tx
          .update(worksheetAnswer)
          .set({ value, version, updatedAt: now, updatedBy: params.actorId })
          .where(
            and(
              eq(worksheetAnswer.projectId, projectId),
              eq(worksheetAnswer.questionId, questionId),
              eq(worksheetAnswer.version, currentVersion),
            ),
          )
          .returning(savedColumns)
      : // Two first saves race past the empty SELECT above; the primary key lets only one insert win.
        await tx
          .insert(worksheetAnswer)
          .values({ projectId, questionId, value, version, updatedAt: now, updatedBy: params.actorId })
          .onConflictDoNothing()
          .returning(savedColumns);
    const [row] = written;
    if (!row) return { conflict: true, row: null } as const;
    await tx.insert(worksheetAnswerHistory).values({
      projectId,
      questionId,
      version,
      oldValue,
      newValue: value,
      actorId: params.actorId,
      restoredFromId: params.restoredFromId ?? null,
      at: now,
    });
    return { conflict: false, row } as const;
  });
  if (saved.row) return saved.row;
  // A conflict, or an unchanged value: answer with the row as it stands.
  const current = await getAnswerRow(db, projectId, questionId);
  if (saved.conflict) throw answerConflict(questionId, current);
  if (!current) throw new Error('saveWorksheetAnswer: the saved row is missing');
  return current;
}

/**
 * Changes of a project's answers, newest first: of one question when `questionId` is given, and only
 * entries older than `beforeId` when paging.
 */
export async function listWorksheetHistory(
  db: Db,
  params: {
    projectId: string;
    questionId?: string | undefined;
    beforeId?: number | undefined;
    limit: number;
  },
): Promise<WorksheetHistoryEntry[]> {
  const conditions = [eq(worksheetAnswerHistory.projectId, params.projectId)];
  if (params.questionId !== undefined)
    conditions.push(eq(worksheetAnswerHistory.questionId, params.questionId));
  if (params.beforeId !== undefined) conditions.push(lt(worksheetAnswerHistory.id, params.beforeId));
  return db
    .select({
      id: worksheetAnswerHistory.id,
      questionId: worksheetAnswerHistory.questionId,
      version: worksheetAnswerHistory.version,
      oldValue: worksheetAnswerHistory.oldValue,
      newValue: worksheetAnswerHistory.newValue,
      actorId: worksheetAnswerHistory.actorId,
      actorName: user.name,
      restoredFromId: worksheetAnswerHistory.restoredFromId,
      at: worksheetAnswerHistory.at,
    })
    .from(worksheetAnswerHistory)
    .leftJoin(user, eq(user.id, worksheetAnswerHistory.actorId))
    .where(and(...conditions))
    .orderBy(desc(worksheetAnswerHistory.id))
    .limit(params.limit);
}

/**
 * Restores the value a history entry set, as a new save on `baseVersion` (so it is versioned, can
 * conflict, and appears in the history itself, pointing back at the entry it restored).
 */
export async function restoreWorksheetAnswer(
  db: Db,
  params: { projectId: string; historyId: number; baseVersion: number; actorId: string },
): Promise<WorksheetAnswerRow> {
  const [entry] = await db
    .select({ questionId: worksheetAnswerHistory.questionId, newValue: worksheetAnswerHistory.newValue })
    .from(worksheetAnswerHistory)
    .where(
      and(
        eq(worksheetAnswerHistory.id, params.historyId),
        eq(worksheetAnswerHistory.projectId, params.projectId),
      ),
    );
  if (!entry) throw new DomainError('WORKSHEET_HISTORY_NOT_FOUND', 'History entry not found');
  return saveWorksheetAnswer(db, {
    projectId: params.projectId,
    questionId: entry.questionId,
    baseVersion: params.baseVersion,
    // Re-validated on the way in: an entry saved under an older question bank may no longer fit.
    value: entry.newValue?.value ?? null,
    actorId: params.actorId,
    restoredFromId: params.historyId,
  });
}

/**
 * Pre-fills a template's answers into the questions that have no answer yet (or a blank one), never
 * over what the team already wrote. Returns the ids it filled; each fill is a versioned save in the history.
 */
export async function applyWorksheetTemplate(
  db: Db,
  params: { projectId: string; templateId: string; actorId: string },
): Promise<string[]> {
  const answers = templateAnswers(params.templateId);
  if (answers === undefined) {
    throw new DomainError('INVALID_ANSWER', `templateId: unknown template '${params.templateId}'`, {
      field: 'templateId',
    });
  }
  const existing = new Map(
    (await listWorksheetAnswers(db, { projectId: params.projectId })).map((row) => [row.questionId, row]),
  );
  const filled: string[] = [];
  for (const [questionId, answer] of Object.entries(answers)) {
    const question = findQuestion(questionId);
    const row = existing.get(questionId);
    if (answer === undefined || question === undefined) continue;
    if (row?.value && isAnswered(question, row.value)) continue;
    try {
      await saveWorksheetAnswer(db, {
        projectId: params.projectId,
        questionId,
        baseVersion: row?.version ?? 0,
        value: answer.value,
        actorId: params.actorId,
      });
      filled.push(questionId);
    } catch (error) {
      // Someone answered it meanwhile: theirs stays, which is the rule anyway.
      if (!(error instanceof DomainError && error.code === 'VERSION_CONFLICT')) throw error;
    }
  }
  return filled;
}
