import { type WorksheetContextJson, worksheetContextFromTabs } from '@raisin/core/worksheet';
import {
  applyWorksheetTemplate,
  type Db,
  getMaturitySummary,
  getReferenceCeiling,
  getTradeoffSummary,
  listWorksheetAnswers,
  listWorksheetHistory,
  refreshTradeoffSummary,
  restoreWorksheetAnswer,
  saveWorksheetAnswer,
  TARGET_QUALITY_QUESTION,
  type WorksheetAnswerRow,
} from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { applyTemplateInput, restoreAnswerInput, saveAnswerInput, worksheetHistoryInput } from '../schemas';
import { projectProcedure } from '../trpc';

const DEFAULT_HISTORY_LIMIT = 50;

function toAnswerDto(row: WorksheetAnswerRow) {
  return {
    questionId: row.questionId,
    value: row.value,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    updatedByName: row.updatedByName,
  };
}

/**
 * What the other tabs know, for the derived questions and the verdict, read through their `@raisin/db`
 * contract functions (`getReferenceCeiling`, `getTradeoffSummary`, `getMaturitySummary`); a tab with
 * nothing yet gives null. JSON has no Infinity, so a time to target that is never reached travels as null.
 */
export async function loadWorksheetContext(db: Db, projectId: string): Promise<WorksheetContextJson> {
  const [ceiling, tradeoff, maturity] = await Promise.all([
    getReferenceCeiling(db, projectId),
    getTradeoffSummary(db, projectId),
    getMaturitySummary(db, projectId),
  ]);
  return worksheetContextFromTabs({ ceiling, tradeoff, maturityLevel: maturity?.currentLevel ?? null });
}

export const worksheetRouter = {
  /** Every answer with its version and who saved it; polled by the tab for teammates' saves. */
  get: projectProcedure('viewer').query(async ({ ctx }) => {
    const rows = await listWorksheetAnswers(ctx.db, { projectId: ctx.project.id });
    return { answers: rows.map(toAnswerDto) };
  }),

  /**
   * What the other tabs know, for the derived questions and the verdict. Separate from `get` because the
   * tradeoff summary runs a simulation: the tab reads it on opening and polls it slowly.
   */
  context: projectProcedure('viewer').query(({ ctx }) => loadWorksheetContext(ctx.db, ctx.project.id)),

  save: projectProcedure('editor')
    .input(saveAnswerInput)
    .mutation(async ({ ctx, input }) => {
      const row = await saveWorksheetAnswer(ctx.db, {
        projectId: ctx.project.id,
        questionId: input.questionId,
        baseVersion: input.baseVersion,
        value: input.value,
        actorId: ctx.user.id,
      });
      // The target is an input of the time to target, stored with the project for the portfolio.
      if (input.questionId === TARGET_QUALITY_QUESTION) await refreshTradeoffSummary(ctx.db, ctx.project.id);
      return toAnswerDto(row);
    }),

  history: projectProcedure('viewer')
    .input(worksheetHistoryInput)
    .query(async ({ ctx, input }) => {
      const entries = await listWorksheetHistory(ctx.db, {
        projectId: ctx.project.id,
        questionId: input.questionId,
        beforeId: input.beforeId,
        limit: input.limit ?? DEFAULT_HISTORY_LIMIT,
      });
      return entries.map((entry) => ({ ...entry, at: entry.at.toISOString() }));
    }),

  restore: projectProcedure('editor')
    .input(restoreAnswerInput)
    .mutation(async ({ ctx, input }) => {
      const row = await restoreWorksheetAnswer(ctx.db, {
        projectId: ctx.project.id,
        historyId: input.historyId,
        baseVersion: input.baseVersion,
        actorId: ctx.user.id,
      });
      if (row.questionId === TARGET_QUALITY_QUESTION) await refreshTradeoffSummary(ctx.db, ctx.project.id);
      return toAnswerDto(row);
    }),

  applyTemplate: projectProcedure('editor')
    .input(applyTemplateInput)
    .mutation(async ({ ctx, input }) => {
      const filled = await applyWorksheetTemplate(ctx.db, {
        projectId: ctx.project.id,
        templateId: input.templateId,
        actorId: ctx.user.id,
      });
      await refreshTradeoffSummary(ctx.db, ctx.project.id);
      return { filled };
    }),
} satisfies TRPCRouterRecord;
