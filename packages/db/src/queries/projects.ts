import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { DomainError } from '../errors';
import { perDatabase } from '../per-database';
import type { Role } from '../roles';
import { membership, project } from '../schema';
import { writeAuditEntry } from './audit';
import { updateAtVersion } from './versioned-write';

export type ProjectRow = typeof project.$inferSelect;

// Prepared, as every statement on a hot path (`per-database.ts`): the projects list is the workspace's
// home page, and a REST request reads its project on every call.
const listProjectsStatements = perDatabase((db) => {
  const inWorkspace = eq(project.workspaceId, sql.placeholder('workspaceId'));
  const list = (where: SQL | undefined, name: string) =>
    db.select().from(project).where(where).orderBy(desc(project.updatedAt), desc(project.id)).prepare(name);
  return {
    all: list(inWorkspace, 'raisin_list_projects_all'),
    current: list(and(inWorkspace, eq(project.archived, false)), 'raisin_list_projects'),
  };
});

export async function listProjects(
  db: Db,
  params: { workspaceId: string; includeArchived?: boolean | undefined },
): Promise<ProjectRow[]> {
  const statements = listProjectsStatements(db);
  const statement = params.includeArchived ? statements.all : statements.current;
  return statement.execute({ workspaceId: params.workspaceId });
}

const projectStatement = perDatabase((db) =>
  db
    .select()
    .from(project)
    .where(eq(project.id, sql.placeholder('projectId')))
    .prepare('raisin_project'),
);

export async function getProject(db: Db, params: { projectId: string }): Promise<ProjectRow | null> {
  const [row] = await projectStatement(db).execute({ projectId: params.projectId });
  return row ?? null;
}

/**
 * A project and the caller's role in its workspace (null when not a member) in one round trip: every
 * project procedure checks both before doing anything else. Null when there is no such project.
 */
// Prepared: every project procedure runs it first.
const projectWithRoleStatement = perDatabase((db) =>
  db
    .select({ project, role: membership.role })
    .from(project)
    .leftJoin(
      membership,
      and(eq(membership.workspaceId, project.workspaceId), eq(membership.userId, sql.placeholder('userId'))),
    )
    .where(eq(project.id, sql.placeholder('projectId')))
    .prepare('raisin_project_with_role'),
);

export async function getProjectWithRole(
  db: Db,
  params: { projectId: string; userId: string },
): Promise<{ project: ProjectRow; role: Role | null } | null> {
  const [row] = await projectWithRoleStatement(db).execute(params);
  return row ? { project: row.project, role: row.role ?? null } : null;
}

export async function createProject(
  db: Db,
  params: { workspaceId: string; name: string; description?: string | undefined; actorId: string },
): Promise<ProjectRow> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(project)
      .values({
        workspaceId: params.workspaceId,
        name: params.name,
        description: params.description ?? '',
        createdBy: params.actorId,
        updatedBy: params.actorId,
      })
      .returning();
    if (!created) throw new Error('createProject: insert returned no row');
    await writeAuditEntry(tx, {
      workspaceId: created.workspaceId,
      actorId: params.actorId,
      action: 'project.created',
      entityType: 'project',
      entityId: created.id,
      details: { name: created.name },
    });
    return created;
  });
}

type ProjectChanges = Partial<Pick<ProjectRow, 'name' | 'description' | 'archived' | 'agreementThreshold'>>;

/**
 * Optimistic update: applies `changes` only if the project is still at `version`, bumping it.
 * The row is read under lock first, so a concurrent writer waits and then sees the new version;
 * that read also tells a missing project from a stale version when the guarded UPDATE matches nothing.
 */
async function updateProjectAtVersion(
  db: Db,
  params: { projectId: string; version: number; actorId: string; changes: ProjectChanges; action: string },
): Promise<ProjectRow> {
  return db.transaction(async (tx) => {
    const { after } = await updateAtVersion(tx, {
      table: project,
      where: eq(project.id, params.projectId),
      version: params.version,
      what: 'project',
      notFound: () => new DomainError('PROJECT_NOT_FOUND', 'Project not found'),
      set: { ...params.changes, updatedAt: new Date(), updatedBy: params.actorId },
      audit: (before, updated) => {
        const changed: Record<string, { from: unknown; to: unknown }> = {};
        for (const key of Object.keys(params.changes) as (keyof ProjectChanges)[]) {
          if (before[key] !== updated[key]) changed[key] = { from: before[key], to: updated[key] };
        }
        return {
          workspaceId: updated.workspaceId,
          actorId: params.actorId,
          action: params.action,
          entityType: 'project',
          entityId: updated.id,
          details: { version: updated.version, changed },
        };
      },
    });
    return after;
  });
}

/**
 * Sets the α below which the project's labeled batches are marked (null: none), at `version` like any
 * project edit. @throws DomainError PROJECT_NOT_FOUND, VERSION_CONFLICT
 */
export async function setAgreementThreshold(
  db: Db,
  params: { projectId: string; version: number; threshold: number | null; actorId: string },
): Promise<ProjectRow> {
  return updateProjectAtVersion(db, {
    projectId: params.projectId,
    version: params.version,
    actorId: params.actorId,
    changes: { agreementThreshold: params.threshold },
    action: 'project.agreement_threshold_set',
  });
}

export async function updateProject(
  db: Db,
  params: {
    projectId: string;
    version: number;
    name?: string | undefined;
    description?: string | undefined;
    actorId: string;
  },
): Promise<ProjectRow> {
  const changes: ProjectChanges = {};
  if (params.name !== undefined) changes.name = params.name;
  if (params.description !== undefined) changes.description = params.description;
  return updateProjectAtVersion(db, { ...params, changes, action: 'project.updated' });
}

export async function setProjectArchived(
  db: Db,
  params: { projectId: string; version: number; archived: boolean; actorId: string },
): Promise<ProjectRow> {
  return updateProjectAtVersion(db, {
    ...params,
    changes: { archived: params.archived },
    action: params.archived ? 'project.archived' : 'project.unarchived',
  });
}
