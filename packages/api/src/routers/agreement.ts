import {
  type AgreementSampleSummary,
  DomainError,
  deleteAgreementSample,
  getAgreementSample,
  getAgreementSampleTriples,
  listAgreementSamples,
  refreshTradeoffSummary,
  renameAgreementSample,
  saveAgreementRescore,
  setAgreementThreshold,
  setReferenceSample,
} from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  agreementThresholdInput,
  renameSampleInput,
  rescoreSampleInput,
  sampleRefInput,
  setReferenceInput,
} from '../schemas';
import { projectProcedure, projectWriteInWorkspace } from '../trpc';

/** The sample as the web app reads it: dates as ISO strings. */
export function toSampleDto(row: AgreementSampleSummary) {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export type AgreementSampleDto = ReturnType<typeof toSampleDto>;

export const agreementRouter = {
  /** The project's samples, oldest first: the list and the trend chart. */
  list: projectProcedure('viewer').query(async ({ ctx }) => {
    const rows = await listAgreementSamples(ctx.db, { projectId: ctx.project.id });
    return rows.map(toSampleDto);
  }),

  /** One sample with its report (summaries and top disagreements only, never every item). */
  get: projectProcedure('viewer')
    .input(sampleRefInput)
    .query(async ({ ctx, input }) => {
      const { report, ...summary } = await getAgreementSample(ctx.db, {
        projectId: ctx.project.id,
        sampleId: input.sampleId,
      });
      return { ...toSampleDto(summary), report };
    }),

  rename: projectProcedure('editor')
    .input(renameSampleInput)
    .mutation(async ({ ctx, input }) => {
      const row = await renameAgreementSample(ctx.db, projectWriteInWorkspace(ctx, input));
      // The reference sample's ceiling caps the tradeoff, whose summary is stored for the portfolio.
      if (row.isReference) await refreshTradeoffSummary(ctx.db, ctx.project.id);
      return toSampleDto(row);
    }),

  /**
   * Scores the stored triples again under the sample's framing, e.g. at another level of measurement or with
   * a category order; options the framing has no use for are refused (BAD_REQUEST) naming why.
   */
  rescore: projectProcedure('editor')
    .input(rescoreSampleInput)
    .mutation(async ({ ctx, input }) => {
      const where = { projectId: ctx.project.id, sampleId: input.sampleId };
      const stored = await getAgreementSampleTriples(ctx.db, where);
      const order = input.order ?? null;
      const result = await ctx.agreementScorer.rescore({ ...stored, level: input.level, order });
      if (!result.ok) throw new DomainError('INVALID_SAMPLE', result.message);
      const row = await saveAgreementRescore(ctx.db, {
        ...where,
        workspaceId: ctx.project.workspaceId,
        version: input.version,
        level: input.level,
        categoryOrder: order,
        report: result.report,
        actorId: ctx.user.id,
      });
      return toSampleDto(row);
    }),

  delete: projectProcedure('editor')
    .input(sampleRefInput)
    .mutation(async ({ ctx, input }) => {
      const { newReferenceId } = await deleteAgreementSample(ctx.db, projectWriteInWorkspace(ctx, input));
      await refreshTradeoffSummary(ctx.db, ctx.project.id);
      return { deleted: input.sampleId, newReferenceId };
    }),

  /** Marks the project's reference sample (its ceiling feeds the tradeoff and the report); null clears it. */
  setReference: projectProcedure('editor')
    .input(setReferenceInput)
    .mutation(async ({ ctx, input }) => {
      await setReferenceSample(ctx.db, projectWriteInWorkspace(ctx, input));
      await refreshTradeoffSummary(ctx.db, ctx.project.id);
      return { referenceSampleId: input.sampleId };
    }),

  /** The project's batch threshold on α (null: none): batches below it are marked on the trend. */
  setThreshold: projectProcedure('editor')
    .input(agreementThresholdInput)
    .mutation(async ({ ctx, input }) => {
      const row = await setAgreementThreshold(ctx.db, {
        projectId: ctx.project.id,
        version: input.version,
        threshold: input.threshold,
        actorId: ctx.user.id,
      });
      return { agreementThreshold: row.agreementThreshold, version: row.version };
    }),
} satisfies TRPCRouterRecord;
