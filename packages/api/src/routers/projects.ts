import { createProject, listProjects, type ProjectRow, setProjectArchived, updateProject } from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { createProjectInput, listProjectsInput, setArchivedInput, updateProjectInput } from '../schemas';
import { projectProcedure, workspaceProcedure } from '../trpc';

function toProjectDto(row: ProjectRow) {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    description: row.description,
    archived: row.archived,
    agreementThreshold: row.agreementThreshold,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
  };
}

export const projectsRouter = {
  list: workspaceProcedure('viewer')
    .input(listProjectsInput)
    .query(async ({ ctx, input }) => {
      const rows = await listProjects(ctx.db, {
        workspaceId: ctx.workspaceId,
        includeArchived: input.includeArchived,
      });
      return rows.map(toProjectDto);
    }),

  // The caller's role comes along so the UI can hide controls it would refuse anyway.
  get: projectProcedure('viewer').query(({ ctx }) => ({ ...toProjectDto(ctx.project), role: ctx.role })),

  create: workspaceProcedure('editor')
    .input(createProjectInput)
    .mutation(async ({ ctx, input }) => {
      const row = await createProject(ctx.db, {
        workspaceId: ctx.workspaceId,
        name: input.name,
        description: input.description,
        actorId: ctx.user.id,
      });
      return toProjectDto(row);
    }),

  update: projectProcedure('editor')
    .input(updateProjectInput)
    .mutation(async ({ ctx, input }) => {
      const row = await updateProject(ctx.db, {
        projectId: ctx.project.id,
        version: input.version,
        name: input.name,
        description: input.description,
        actorId: ctx.user.id,
      });
      return toProjectDto(row);
    }),

  setArchived: projectProcedure('editor')
    .input(setArchivedInput)
    .mutation(async ({ ctx, input }) => {
      const row = await setProjectArchived(ctx.db, {
        projectId: ctx.project.id,
        version: input.version,
        archived: input.archived,
        actorId: ctx.user.id,
      });
      return toProjectDto(row);
    }),
} satisfies TRPCRouterRecord;
