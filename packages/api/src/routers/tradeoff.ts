import {
  type AttackAngleRow,
  adoptExampleAngles,
  createAttackAngle,
  createMeasuredPoint,
  deleteAttackAngle,
  deleteMeasuredPoint,
  getTradeoff,
  getTradeoffSummary,
  type MeasuredPointRow,
  updateAttackAngle,
  updateMeasuredPoint,
  updateTradeoffSettings,
} from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  createAngleInput,
  createMeasuredInput,
  deleteAngleInput,
  deleteMeasuredInput,
  updateAngleInput,
  updateMeasuredInput,
  updateTradeoffSettingsInput,
} from '../schemas';
import { projectProcedure, projectWrite } from '../trpc';

function toAngleDto(row: AttackAngleRow) {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    effort: row.effort,
    quality: row.quality,
    costRate: row.costRate,
    riskNotes: row.riskNotes,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toMeasuredDto(row: MeasuredPointRow) {
  return {
    id: row.id,
    version: row.version,
    effort: row.effort,
    measuredOn: row.measuredOn,
    quality: row.quality,
    label: row.label,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const tradeoffRouter = {
  /**
   * The tab's data, the reference ceiling and the worksheet's target; the browser computes the fit,
   * percentiles and ROI from it with `@raisin/core`. A project without angles has `example: true`: the
   * tab shows the examples (`seedAttackAngles`), which are not stored. Writes nothing.
   */
  get: projectProcedure('viewer').query(async ({ ctx }) => {
    const state = await getTradeoff(ctx.db, { projectId: ctx.project.id });
    return {
      settings: state.settings,
      version: state.version,
      angles: state.angles.map(toAngleDto),
      measured: state.measured.map(toMeasuredDto),
      referenceCeiling: state.referenceCeiling,
      worksheetTarget: state.worksheetTarget,
      projectStartedOn: state.projectStartedOn,
      example: state.example,
    };
  }),

  /** The server-side recomputation other tabs use (`getTradeoffSummary`). */
  summary: projectProcedure('viewer').query(({ ctx }) => getTradeoffSummary(ctx.db, ctx.project.id)),

  /** "Use these examples": stores the example angles as the team's own, on a project with none yet. */
  adoptExamples: projectProcedure('editor').mutation(async ({ ctx }) =>
    (await adoptExampleAngles(ctx.db, projectWrite(ctx, {}))).map(toAngleDto),
  ),

  createAngle: projectProcedure('editor')
    .input(createAngleInput)
    .mutation(async ({ ctx, input }) =>
      toAngleDto(await createAttackAngle(ctx.db, projectWrite(ctx, input))),
    ),

  updateAngle: projectProcedure('editor')
    .input(updateAngleInput)
    .mutation(async ({ ctx, input }) =>
      toAngleDto(await updateAttackAngle(ctx.db, projectWrite(ctx, input))),
    ),

  deleteAngle: projectProcedure('editor')
    .input(deleteAngleInput)
    .mutation(async ({ ctx, input }) => {
      await deleteAttackAngle(ctx.db, projectWrite(ctx, input));
      return { id: input.angleId };
    }),

  createMeasured: projectProcedure('editor')
    .input(createMeasuredInput)
    .mutation(async ({ ctx, input }) =>
      toMeasuredDto(await createMeasuredPoint(ctx.db, projectWrite(ctx, input))),
    ),

  updateMeasured: projectProcedure('editor')
    .input(updateMeasuredInput)
    .mutation(async ({ ctx, input }) =>
      toMeasuredDto(await updateMeasuredPoint(ctx.db, projectWrite(ctx, input))),
    ),

  deleteMeasured: projectProcedure('editor')
    .input(deleteMeasuredInput)
    .mutation(async ({ ctx, input }) => {
      await deleteMeasuredPoint(ctx.db, projectWrite(ctx, input));
      return { id: input.pointId };
    }),

  updateSettings: projectProcedure('editor')
    .input(updateTradeoffSettingsInput)
    .mutation(async ({ ctx, input }) => {
      const row = await updateTradeoffSettings(ctx.db, projectWrite(ctx, input));
      return { settings: row.settings, version: row.version };
    }),
} satisfies TRPCRouterRecord;
