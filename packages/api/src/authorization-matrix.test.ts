import { randomUUID } from 'node:crypto';
import {
  createInvitation,
  createProject,
  createWorkspace,
  type Db,
  type Role,
  roleAtLeast,
  schema,
} from '@raisin/db';
import { describeOnEachDatabase, type SeededUser, seedUsers } from '@raisin/db/testing';
import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { appRouter } from './root';
import { type Caller, callerFor } from './test-helpers';

/**
 * Who may call what. One row per procedure path; the test below fails when a procedure has no row,
 * so a new procedure cannot ship without stating its access rule.
 * - `public`: anyone, even without a session.
 * - `signed-in`: any session.
 * - a role: members of the workspace (or of the project's workspace) with at least that role;
 *   non-members get NOT_FOUND (existence is not revealed), lower roles FORBIDDEN.
 * - `invitee`: only the user whose email the invitation was sent to; other users get FORBIDDEN.
 */
type Access = 'public' | 'signed-in' | Role | 'invitee';

interface World {
  workspaceId: string;
  projectId: string;
  invitationId: string;
  /** A pending invitation to `users.invitee`'s email. */
  invitationToken: string;
  users: Record<Actor | 'target', SeededUser>;
}

interface MatrixRow {
  access: Access;
  /** A call that succeeds when access is granted (each runs against a freshly seeded world). */
  call: (api: Caller, world: World) => Promise<unknown>;
}

const MATRIX: Record<string, MatrixRow> = {
  'session.me': { access: 'public', call: (api) => api.session.me() },
  'workspaces.list': { access: 'signed-in', call: (api) => api.workspaces.list() },
  'workspaces.create': { access: 'signed-in', call: (api) => api.workspaces.create({ name: 'New' }) },
  'workspaces.get': {
    access: 'viewer',
    call: (api, w) => api.workspaces.get({ workspaceId: w.workspaceId }),
  },
  'workspaces.rename': {
    access: 'owner',
    call: (api, w) => api.workspaces.rename({ workspaceId: w.workspaceId, name: 'Renamed', version: 1 }),
  },
  'workspaces.delete': {
    access: 'owner',
    call: (api, w) => api.workspaces.delete({ workspaceId: w.workspaceId }),
  },
  'members.list': { access: 'viewer', call: (api, w) => api.members.list({ workspaceId: w.workspaceId }) },
  'members.changeRole': {
    access: 'owner',
    call: (api, w) =>
      api.members.changeRole({ workspaceId: w.workspaceId, userId: w.users.target.id, role: 'editor' }),
  },
  // Removing someone else needs owner; leaving (userId = self) is covered in routers/workspaces.test.ts.
  'members.remove': {
    access: 'owner',
    call: (api, w) => api.members.remove({ workspaceId: w.workspaceId, userId: w.users.target.id }),
  },
  'invitations.create': {
    access: 'owner',
    call: (api, w) =>
      api.invitations.create({
        workspaceId: w.workspaceId,
        email: `new-${randomUUID()}@example.test`,
        role: 'viewer',
      }),
  },
  'invitations.list': {
    access: 'owner',
    call: (api, w) => api.invitations.list({ workspaceId: w.workspaceId }),
  },
  'invitations.revoke': {
    access: 'owner',
    call: (api, w) => api.invitations.revoke({ workspaceId: w.workspaceId, invitationId: w.invitationId }),
  },
  'invitations.preview': {
    access: 'signed-in',
    call: (api, w) => api.invitations.preview({ token: w.invitationToken }),
  },
  'invitations.accept': {
    access: 'invitee',
    call: (api, w) => api.invitations.accept({ token: w.invitationToken }),
  },
  'projects.list': { access: 'viewer', call: (api, w) => api.projects.list({ workspaceId: w.workspaceId }) },
  'projects.get': { access: 'viewer', call: (api, w) => api.projects.get({ projectId: w.projectId }) },
  'projects.create': {
    access: 'editor',
    call: (api, w) => api.projects.create({ workspaceId: w.workspaceId, name: 'P2' }),
  },
  'projects.update': {
    access: 'editor',
    call: (api, w) => api.projects.update({ projectId: w.projectId, version: 1, name: 'P1 renamed' }),
  },
  'projects.setArchived': {
    access: 'editor',
    call: (api, w) => api.projects.setArchived({ projectId: w.projectId, version: 1, archived: true }),
  },
  'audit.list': {
    access: 'viewer',
    call: (api, w) => api.audit.list({ workspaceId: w.workspaceId, limit: 5 }),
  },
};

/** Every caller tried on every procedure: no session, a member of another workspace, each role, the invitee. */
const ACTORS = ['anonymous', 'outsider', 'viewer', 'editor', 'owner', 'invitee'] as const;
type Actor = (typeof ACTORS)[number];

type Outcome = 'allowed' | TRPCError['code'];

function expectedOutcome(access: Access, actor: Actor): Outcome {
  if (access === 'public') return 'allowed';
  if (actor === 'anonymous') return 'UNAUTHORIZED';
  if (access === 'signed-in') return 'allowed';
  if (access === 'invitee') return actor === 'invitee' ? 'allowed' : 'FORBIDDEN';
  if (actor === 'outsider' || actor === 'invitee') return 'NOT_FOUND';
  return roleAtLeast(actor, access) ? 'allowed' : 'FORBIDDEN';
}

/** A workspace with one member per role, a project, a pending invitation, and an outsider with a workspace of their own. */
async function seedWorld(db: Db): Promise<World> {
  const [owner, editor, viewer, target, outsider, invitee] = await seedUsers(db, [{}, {}, {}, {}, {}, {}]);
  if (!owner || !editor || !viewer || !target || !outsider || !invitee) throw new Error('seed failed');
  const ws = await createWorkspace(db, { name: 'Matrix', actorId: owner.id });
  await db.insert(schema.membership).values([
    { workspaceId: ws.id, userId: editor.id, role: 'editor' },
    { workspaceId: ws.id, userId: viewer.id, role: 'viewer' },
    { workspaceId: ws.id, userId: target.id, role: 'viewer' },
  ]);
  await createWorkspace(db, { name: 'Elsewhere', actorId: outsider.id });
  const project = await createProject(db, { workspaceId: ws.id, name: 'P1', actorId: owner.id });
  const invitation = await createInvitation(db, {
    workspaceId: ws.id,
    email: invitee.email,
    role: 'viewer',
    actorId: owner.id,
  });
  return {
    workspaceId: ws.id,
    projectId: project.id,
    invitationId: invitation.id,
    invitationToken: invitation.token,
    users: { anonymous: owner, owner, editor, viewer, target, outsider, invitee },
  };
}

async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return 'allowed';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

// `_def.procedures` is typed as the nested router record, but at run time it is flat by dotted path.
function procedureType(procedure: unknown): unknown {
  if (typeof procedure !== 'function' && typeof procedure !== 'object') return undefined;
  if (procedure === null || !('_def' in procedure)) return undefined;
  const def: unknown = procedure._def;
  return typeof def === 'object' && def !== null && 'type' in def ? def.type : undefined;
}

const PROCEDURE_TYPES = new Map(
  Object.entries(appRouter._def.procedures).map(([path, procedure]) => [path, procedureType(procedure)]),
);

describeOnEachDatabase('authorization matrix', (getDb) => {
  it('has a row for every procedure of appRouter, and none for procedures that do not exist', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
    // The shared-world shortcut for queries relies on reading each procedure's type.
    expect(new Set(PROCEDURE_TYPES.values())).toEqual(new Set(['query', 'mutation']));
  });

  it.for(Object.entries(MATRIX))('%s', async ([path, row]) => {
    const db = getDb();
    const isQuery = PROCEDURE_TYPES.get(path) === 'query';
    const actual: Partial<Record<Actor, Outcome>> = {};
    const expected: Partial<Record<Actor, Outcome>> = {};
    const shared = isQuery ? await seedWorld(db) : null;
    for (const actor of ACTORS) {
      // Mutations get a fresh world per call, so one actor's success cannot change the next one's answer.
      const world = shared ?? (await seedWorld(db));
      const api = callerFor(db, actor === 'anonymous' ? null : world.users[actor]);
      actual[actor] = await outcomeOf(row.call(api, world));
      expected[actor] = expectedOutcome(row.access, actor);
    }
    expect(actual).toEqual(expected);
  });
});
