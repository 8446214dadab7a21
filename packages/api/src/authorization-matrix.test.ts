import { randomUUID } from 'node:crypto';
import {
  emptyReportSnapshot,
  generateRoadmap,
  type MergeConflict,
  type Roadmap,
  setPhaseEstimate,
} from '@raisin/core';
import {
  createApiToken,
  createAttackAngle,
  createMeasuredPoint,
  createProject,
  createShareLink,
  createWorkspace,
  type Db,
  publishReportVersion,
  type Role,
  recordMeetingDecision,
  roleAtLeast,
  schema,
} from '@raisin/db';
import { describeOnEachDatabase, type SeededUser, seedUsers } from '@raisin/db/testing';
import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { appRouter } from './root';
import { type Caller, callerFor, SAMPLE_ANGLE, SAMPLE_POINT, seedProcedureTargets } from './test-support';

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
  /** An agreement sample of the project (nominal, version 1). */
  agreementSampleId: string;
  /** A worksheet history entry of the project (`K.readers` answered once, at version 1). */
  historyId: number;
  /** An API token of the workspace, made by its owner. */
  apiTokenId: string;
  users: Record<Actor | 'target', SeededUser>;
  db: Db;
}

interface MatrixRow {
  access: Access;
  /** A call that succeeds when access is granted (each runs against a freshly seeded world). */
  call: (api: Caller, world: World) => Promise<unknown>;
}

/** An attack angle of the world's project, written by its owner (so any caller can be tried on it). */
async function seedMatrixAngle(w: World): Promise<string> {
  const row = await createAttackAngle(w.db, {
    projectId: w.projectId,
    angle: SAMPLE_ANGLE,
    actorId: w.users.owner.id,
  });
  return row.id;
}

/** A measured point of the world's project, written by its owner (so any caller can be tried on it). */
async function seedMatrixPoint(w: World): Promise<string> {
  const row = await createMeasuredPoint(w.db, {
    projectId: w.projectId,
    point: SAMPLE_POINT,
    actorId: w.users.owner.id,
  });
  return row.id;
}

/** A published report version of the world's project, by its owner. */
async function seedMatrixVersion(w: World): Promise<string> {
  const row = await publishReportVersion(w.db, {
    projectId: w.projectId,
    workspaceId: w.workspaceId,
    note: null,
    actorId: w.users.owner.id,
    actorName: w.users.owner.name,
    snapshot: emptyReportSnapshot(),
  });
  return row.id;
}

/** A share link to a fresh version of the world's project (a share token is read access to that version only). */
async function seedMatrixShareLink(w: World, allowFeedback = false): Promise<{ id: string; token: string }> {
  return createShareLink(w.db, {
    projectId: w.projectId,
    workspaceId: w.workspaceId,
    versionId: await seedMatrixVersion(w),
    expiresAt: null,
    allowFeedback,
    actorId: w.users.owner.id,
  });
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
  'portfolio.list': {
    access: 'viewer',
    call: (api, w) => api.portfolio.list({ workspaceId: w.workspaceId }),
  },
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
  // A token's role is at most its creator's: editors and owners make editor or viewer tokens.
  'apiTokens.create': {
    access: 'editor',
    call: (api, w) => api.apiTokens.create({ workspaceId: w.workspaceId, name: 'CI', role: 'editor' }),
  },
  'apiTokens.list': {
    access: 'editor',
    call: (api, w) => api.apiTokens.list({ workspaceId: w.workspaceId }),
  },
  'apiTokens.revoke': {
    access: 'editor',
    call: (api, w) => api.apiTokens.revoke({ workspaceId: w.workspaceId, tokenId: w.apiTokenId }),
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
  'portability.exportJson': {
    access: 'viewer',
    call: (api, w) => api.portability.exportJson({ projectId: w.projectId }),
  },
  // Importing creates a project in the named workspace: editor of that workspace, like projects.create.
  'portability.importJson': {
    access: 'editor',
    call: async (api, w) => {
      const file = await callerFor(w.db, w.users.owner).portability.exportJson({ projectId: w.projectId });
      return api.portability.importJson({ workspaceId: w.workspaceId, file: JSON.stringify(file) });
    },
  },
  'audit.list': {
    access: 'viewer',
    call: (api, w) => api.audit.list({ workspaceId: w.workspaceId, limit: 5 }),
  },
  'demo.instance': { access: 'public', call: (api) => api.demo.instance() },
  'demo.create': { access: 'signed-in', call: (api) => api.demo.create() },
  'agreement.list': { access: 'viewer', call: (api, w) => api.agreement.list({ projectId: w.projectId }) },
  'agreement.get': {
    access: 'viewer',
    call: (api, w) => api.agreement.get({ projectId: w.projectId, sampleId: w.agreementSampleId }),
  },
  'agreement.rename': {
    access: 'editor',
    call: (api, w) =>
      api.agreement.rename({ projectId: w.projectId, sampleId: w.agreementSampleId, version: 1, name: 'B2' }),
  },
  'agreement.rescore': {
    access: 'editor',
    call: (api, w) =>
      api.agreement.rescore({
        projectId: w.projectId,
        sampleId: w.agreementSampleId,
        version: 1,
        level: 'ordinal',
        order: ['x', 'y'],
      }),
  },
  'agreement.delete': {
    access: 'editor',
    call: (api, w) => api.agreement.delete({ projectId: w.projectId, sampleId: w.agreementSampleId }),
  },
  'agreement.setReference': {
    access: 'editor',
    call: (api, w) => api.agreement.setReference({ projectId: w.projectId, sampleId: null }),
  },
  'agreement.setThreshold': {
    access: 'editor',
    call: (api, w) => api.agreement.setThreshold({ projectId: w.projectId, version: 1, threshold: 0.7 }),
  },
  'worksheet.get': { access: 'viewer', call: (api, w) => api.worksheet.get({ projectId: w.projectId }) },
  'worksheet.context': {
    access: 'viewer',
    call: (api, w) => api.worksheet.context({ projectId: w.projectId }),
  },
  'worksheet.save': {
    access: 'editor',
    call: (api, w) =>
      api.worksheet.save({
        projectId: w.projectId,
        questionId: 'C.entity',
        baseVersion: 0,
        value: 'A listing',
      }),
  },
  'worksheet.history': {
    access: 'viewer',
    call: (api, w) => api.worksheet.history({ projectId: w.projectId }),
  },
  'worksheet.restore': {
    access: 'editor',
    call: (api, w) =>
      api.worksheet.restore({ projectId: w.projectId, historyId: w.historyId, baseVersion: 1 }),
  },
  'worksheet.applyTemplate': {
    access: 'editor',
    call: (api, w) =>
      api.worksheet.applyTemplate({ projectId: w.projectId, templateId: 'ranking-retrieval' }),
  },
  'roadmap.assessment': {
    access: 'viewer',
    call: (api, w) => api.roadmap.assessment({ projectId: w.projectId }),
  },
  'roadmap.saveAnswers': {
    access: 'editor',
    call: (api, w) =>
      api.roadmap.saveAnswers({ projectId: w.projectId, version: 0, answers: { 'code.review': 'yes' } }),
  },
  'roadmap.setTargetOverride': {
    access: 'editor',
    call: (api, w) =>
      api.roadmap.setTargetOverride({
        projectId: w.projectId,
        version: 0,
        override: { level: 2, reason: 'Many markets' },
      }),
  },
  'roadmap.get': { access: 'viewer', call: (api, w) => api.roadmap.get({ projectId: w.projectId }) },
  'roadmap.generate': {
    access: 'editor',
    call: (api, w) => api.roadmap.generate({ projectId: w.projectId, version: 1, startDate: '2025-03-03' }),
  },
  'roadmap.edit': {
    access: 'editor',
    call: (api, w) =>
      api.roadmap.edit({
        projectId: w.projectId,
        version: 1,
        edit: { type: 'renamePhase', phaseId: 'heuristic', name: 'Rules live' },
      }),
  },
  'roadmap.resolveConflicts': {
    access: 'editor',
    call: (api, w) =>
      api.roadmap.resolveConflicts({
        projectId: w.projectId,
        version: 1,
        resolutions: [{ phaseId: 'pipeline-automation', field: null, choice: 'keep-manual' }],
      }),
  },
  'roadmap.export': {
    access: 'viewer',
    call: (api, w) => api.roadmap.export({ projectId: w.projectId, format: 'ics' }),
  },
  'tradeoff.get': { access: 'viewer', call: (api, w) => api.tradeoff.get({ projectId: w.projectId }) },
  'tradeoff.summary': {
    access: 'viewer',
    call: (api, w) => api.tradeoff.summary({ projectId: w.projectId }),
  },
  'tradeoff.adoptExamples': {
    access: 'editor',
    call: (api, w) => api.tradeoff.adoptExamples({ projectId: w.projectId }),
  },
  'tradeoff.createAngle': {
    access: 'editor',
    call: (api, w) => api.tradeoff.createAngle({ projectId: w.projectId, angle: SAMPLE_ANGLE }),
  },
  'tradeoff.updateAngle': {
    access: 'editor',
    call: async (api, w) =>
      api.tradeoff.updateAngle({
        projectId: w.projectId,
        angleId: await seedMatrixAngle(w),
        version: 1,
        angle: SAMPLE_ANGLE,
      }),
  },
  'tradeoff.deleteAngle': {
    access: 'editor',
    call: async (api, w) =>
      api.tradeoff.deleteAngle({ projectId: w.projectId, angleId: await seedMatrixAngle(w), version: 1 }),
  },
  'tradeoff.createMeasured': {
    access: 'editor',
    call: (api, w) => api.tradeoff.createMeasured({ projectId: w.projectId, point: SAMPLE_POINT }),
  },
  'tradeoff.updateMeasured': {
    access: 'editor',
    call: async (api, w) => {
      const point = await seedMatrixPoint(w);
      return api.tradeoff.updateMeasured({
        projectId: w.projectId,
        pointId: point,
        version: 1,
        point: SAMPLE_POINT,
      });
    },
  },
  'tradeoff.deleteMeasured': {
    access: 'editor',
    call: async (api, w) =>
      api.tradeoff.deleteMeasured({ projectId: w.projectId, pointId: await seedMatrixPoint(w), version: 1 }),
  },
  'tradeoff.updateSettings': {
    access: 'editor',
    call: async (api, w) => {
      const { settings } = await api.tradeoff.get({ projectId: w.projectId });
      return api.tradeoff.updateSettings({
        projectId: w.projectId,
        version: 1,
        settings: { ...settings, targetQuality: 0.8 },
      });
    },
  },
  'report.preview': { access: 'viewer', call: (api, w) => api.report.preview({ projectId: w.projectId }) },
  'report.publish': { access: 'editor', call: (api, w) => api.report.publish({ projectId: w.projectId }) },
  'report.versions': { access: 'viewer', call: (api, w) => api.report.versions({ projectId: w.projectId }) },
  'report.getVersion': {
    access: 'viewer',
    call: async (api, w) =>
      api.report.getVersion({ projectId: w.projectId, versionId: await seedMatrixVersion(w) }),
  },
  'report.diff': {
    access: 'viewer',
    call: async (api, w) => api.report.diff({ projectId: w.projectId, to: await seedMatrixVersion(w) }),
  },
  'report.createShareLink': {
    access: 'editor',
    call: async (api, w) =>
      api.report.createShareLink({ projectId: w.projectId, versionId: await seedMatrixVersion(w) }),
  },
  'report.listShareLinks': {
    access: 'viewer',
    call: (api, w) => api.report.listShareLinks({ projectId: w.projectId }),
  },
  'report.revokeShareLink': {
    access: 'editor',
    call: async (api, w) =>
      api.report.revokeShareLink({ projectId: w.projectId, linkId: (await seedMatrixShareLink(w)).id }),
  },
  // Public: the token is the credential, scoped to its one version (report.test.ts proves the scope).
  'report.shared': {
    access: 'public',
    call: async (api, w) => api.report.shared({ token: (await seedMatrixShareLink(w)).token }),
  },
  'report.decisions': {
    access: 'viewer',
    call: (api, w) => api.report.decisions({ projectId: w.projectId }),
  },
  'report.recordMeetingDecision': {
    access: 'owner',
    call: async (api, w) =>
      api.report.recordMeetingDecision({
        projectId: w.projectId,
        versionId: await seedMatrixVersion(w),
        decision: 'reject',
        name: 'Board',
      }),
  },
  'report.hideDecision': {
    access: 'owner',
    call: async (api, w) => {
      const { id } = await recordMeetingDecision(w.db, {
        projectId: w.projectId,
        workspaceId: w.workspaceId,
        versionId: await seedMatrixVersion(w),
        decision: 'approve',
        comment: '',
        name: 'Board',
        actorId: w.users.owner.id,
      });
      return api.report.hideDecision({ projectId: w.projectId, decisionId: id });
    },
  },
  // Public: the token of a link that allows feedback is the credential (decisions.test.ts proves the refusals).
  'report.recordDecision': {
    access: 'public',
    call: async (api, w) =>
      api.report.recordDecision({
        token: (await seedMatrixShareLink(w, true)).token,
        decision: 'approve',
        name: 'Dana',
        email: 'dana@example.com',
      }),
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
/**
 * The world's roadmap (version 1): generated to level 1, its pipeline phase edited by hand, and one
 * pending conflict on that phase, so edit, regenerate, resolve and export all have something to act on.
 */
const MATRIX_ROADMAP: { data: Roadmap; pendingConflicts: MergeConflict[] } = (() => {
  const generated = generateRoadmap({ startDate: '2025-03-03', currentLevel: 0, targetLevel: 1 });
  if (!generated.ok) throw new Error(generated.error.message);
  const edited = setPhaseEstimate(generated.value, 'pipeline-automation', { low: 5, likely: 8, high: 13 });
  if (!edited.ok) throw new Error(edited.error.message);
  return { data: edited.value, pendingConflicts: [{ kind: 'phase', phaseId: 'pipeline-automation' }] };
})();

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
  await db.insert(schema.roadmap).values({ projectId: project.id, ...MATRIX_ROADMAP });
  const { invitation, historyId, sampleId } = await seedProcedureTargets(db, {
    workspaceId: ws.id,
    projectId: project.id,
    inviteeEmail: invitee.email,
    actorId: owner.id,
  });
  const apiToken = await createApiToken(db, {
    workspaceId: ws.id,
    name: 'Matrix job',
    role: 'viewer',
    expiresAt: null,
    actorId: owner.id,
    actorRole: 'owner',
  });
  return {
    workspaceId: ws.id,
    projectId: project.id,
    agreementSampleId: sampleId,
    apiTokenId: apiToken.id,
    historyId,
    invitationId: invitation.id,
    invitationToken: invitation.token,
    users: { anonymous: owner, owner, editor, viewer, target, outsider, invitee },
    db,
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
