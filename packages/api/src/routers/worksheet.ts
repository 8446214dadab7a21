import {
  applyWorksheetTemplate,
  type Db,
  listWorksheetAnswers,
  listWorksheetHistory,
  restoreWorksheetAnswer,
  saveWorksheetAnswer,
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
 * What the other tabs know, for the derived questions and the verdict. JSON has no Infinity, so a time
 * to target that is never reached travels as null.
 */
export interface WorksheetContextDto {
  humanCeiling: { value: number; ci: [number, number] | null; sampleName: string } | null;
  bestAngle: { name: string; expectedQuality: number } | null;
  timeToTarget: { p50Days: number | null; p90Days: number | null } | null;
  maturityLevel: 0 | 1 | 2 | null;
}

/**
 * INTEGRATION POINT (issue #5 ↔ #6, #7, #8): reads the Agreement, Tradeoff and Roadmap tabs through their
 * `@raisin/db` contract functions `getReferenceCeiling`, `getTradeoffSummary` and `getMaturitySummary`.
 * Until a producer lands, its part stays null and the tab says "not measured yet".
 */
async function loadWorksheetContext(_db: Db, _projectId: string): Promise<WorksheetContextDto> {
  return { humanCeiling: null, bestAngle: null, timeToTarget: null, maturityLevel: null };
}

export const worksheetRouter = {
  /** Every answer with its version and who saved it, plus the other tabs' values; polled by the tab. */
  get: projectProcedure('viewer').query(async ({ ctx }) => {
    const [rows, context] = await Promise.all([
      listWorksheetAnswers(ctx.db, { projectId: ctx.project.id }),
      loadWorksheetContext(ctx.db, ctx.project.id),
    ]);
    return { answers: rows.map(toAnswerDto), context };
  }),

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
      return { filled };
    }),
} satisfies TRPCRouterRecord;
