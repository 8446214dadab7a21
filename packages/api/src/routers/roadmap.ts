import {
  escapeMarkdownHtml,
  type RoadmapEdit,
  roadmapToCsv,
  roadmapToICalendar,
  roadmapToMarkdown,
} from '@raisin/core';
import {
  DomainError,
  editProjectRoadmap,
  generateProjectRoadmap,
  getMaturityOverview,
  getProjectRoadmap,
  type MaturityOverview,
  type RoadmapRow,
  resolveRoadmapConflicts,
  saveMaturityAnswers,
  setTargetLevelOverride,
} from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import type { z } from 'zod';
import {
  editRoadmapInput,
  exportRoadmapInput,
  generateRoadmapInput,
  type RoadmapExportFormat,
  resolveRoadmapConflictsInput,
  type roadmapEditSchema,
  saveMaturityAnswersInput,
  setTargetOverrideInput,
} from '../schemas';
import { projectProcedure, projectWrite } from '../trpc';

function toAssessmentDto(overview: MaturityOverview) {
  const { assessment } = overview;
  return {
    version: overview.version,
    itemsVersion: overview.itemsVersion,
    answers: overview.answers,
    override: overview.override,
    level: assessment.level,
    // Ids only: the client has the item texts (MATURITY_ITEMS in @raisin/core).
    blockerIds: assessment.blockers.map((item) => item.id),
    bySection: assessment.bySection,
    answered: assessment.answered,
    total: assessment.total,
    target: overview.target,
    updatedAt: overview.updatedAt?.toISOString() ?? null,
  };
}

function toRoadmapDto(row: RoadmapRow) {
  return {
    version: row.version,
    roadmap: row.data,
    conflicts: row.pendingConflicts,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

const EXPORT_TYPES: Readonly<Record<RoadmapExportFormat, { extension: string; mimeType: string }>> = {
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  ics: { extension: 'ics', mimeType: 'text/calendar;charset=utf-8' },
  markdown: { extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
};

/** zod leaves absent optional keys as `undefined`; the core's types (exactOptionalPropertyTypes) omit them. */
function toRoadmapEdit(edit: z.infer<typeof roadmapEditSchema>): RoadmapEdit {
  if (edit.type !== 'addPhase') return edit;
  const { description, milestones, index, ...rest } = edit;
  return {
    ...rest,
    ...(description === undefined ? {} : { description }),
    ...(milestones === undefined ? {} : { milestones }),
    ...(index === undefined ? {} : { index }),
  };
}

function fileSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return slug === '' ? 'project' : slug;
}

export const roadmapRouter = {
  /** The self-assessment with its level, blockers and the target level (version 0 before the first save). */
  assessment: projectProcedure('viewer').query(async ({ ctx }) =>
    toAssessmentDto(await getMaturityOverview(ctx.db, { projectId: ctx.project.id })),
  ),

  saveAnswers: projectProcedure('editor')
    .input(saveMaturityAnswersInput)
    .mutation(async ({ ctx, input }) =>
      toAssessmentDto(await saveMaturityAnswers(ctx.db, projectWrite(ctx, input))),
    ),

  setTargetOverride: projectProcedure('editor')
    .input(setTargetOverrideInput)
    .mutation(async ({ ctx, input }) =>
      toAssessmentDto(await setTargetLevelOverride(ctx.db, projectWrite(ctx, input))),
    ),

  /** The stored roadmap with its pending regeneration conflicts, or null before the first generation. */
  get: projectProcedure('viewer').query(async ({ ctx }) => {
    const row = await getProjectRoadmap(ctx.db, { projectId: ctx.project.id });
    return { stored: row === null ? null : toRoadmapDto(row) };
  }),

  /** Generates the first roadmap (version 0) or regenerates over the stored one, keeping manual edits. */
  generate: projectProcedure('editor')
    .input(generateRoadmapInput)
    .mutation(async ({ ctx, input }) =>
      toRoadmapDto((await generateProjectRoadmap(ctx.db, projectWrite(ctx, input))).row),
    ),

  edit: projectProcedure('editor')
    .input(editRoadmapInput)
    .mutation(async ({ ctx, input }) =>
      toRoadmapDto(
        await editProjectRoadmap(
          ctx.db,
          projectWrite(ctx, { version: input.version, edit: toRoadmapEdit(input.edit) }),
        ),
      ),
    ),

  resolveConflicts: projectProcedure('editor')
    .input(resolveRoadmapConflictsInput)
    .mutation(async ({ ctx, input }) =>
      toRoadmapDto(await resolveRoadmapConflicts(ctx.db, projectWrite(ctx, input))),
    ),

  /** The roadmap as a file: CSV for issue trackers, iCalendar (one event per milestone), or Markdown. */
  export: projectProcedure('viewer')
    .input(exportRoadmapInput)
    .query(async ({ ctx, input }) => {
      const row = await getProjectRoadmap(ctx.db, { projectId: ctx.project.id });
      if (!row) throw new DomainError('ROADMAP_NOT_FOUND', 'Generate a roadmap before exporting it.');
      const type = EXPORT_TYPES[input.format];
      const content =
        input.format === 'csv'
          ? roadmapToCsv(row.data)
          : input.format === 'ics'
            ? roadmapToICalendar(row.data, {
                uidPrefix: ctx.project.id,
                generatedAt: new Date(),
                calendarName: `${ctx.project.name} roadmap`,
              })
            : `# ${escapeMarkdownHtml(ctx.project.name)}: roadmap\n\n${roadmapToMarkdown(row.data)}`;
      return {
        fileName: `${fileSlug(ctx.project.name)}-roadmap.${type.extension}`,
        mimeType: type.mimeType,
        content,
      };
    }),
} satisfies TRPCRouterRecord;
