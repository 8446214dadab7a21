import { randomUUID } from 'node:crypto';
import { duration } from '@raisin/core';
import { createInvitation, type Db, listWorksheetHistory, saveWorksheetAnswer } from '@raisin/db';
import { type SeededUser, seedUsers } from '@raisin/db/testing';
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { seedAgreementSample } from './agreement/test-support';
import { createContextInner, type SessionUser } from './context';
import { createCaller } from './root';

export type Caller = ReturnType<typeof createCaller>;

/** A caller acting as `user` (null: anonymous), as the server would build it from a session. */
export function callerFor(db: Db, user: SessionUser | null): Caller {
  return createCaller(createContextInner({ db, user, requestId: randomUUID() }));
}

/** Seeds `n` users and returns a caller for each, plus the users. */
export async function seedCallers(db: Db, n: number): Promise<SeededCaller[]> {
  const users = await seedUsers(
    db,
    Array.from({ length: n }, () => ({})),
  );
  return users.map((user) => ({ user, caller: callerFor(db, user) }));
}

/** Asserts that `promise` fails with a TRPCError of `code`; returns the error for further checks. */
export async function expectTRPCError(
  promise: Promise<unknown>,
  code: TRPCError['code'],
): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TRPCError)) {
    throw new Error(`Expected a TRPCError ${code}, got ${error === null ? 'success' : String(error)}`);
  }
  expect(error.code).toBe(code);
  return error;
}

/** A workspace whose owner invited an editor and a viewer, who accepted: the three roles, each with a caller. */
export async function seedTeam(db: Db, workspaceName = 'ML') {
  const [owner, editor, viewer] = await seedCallers(db, 3);
  if (!owner || !editor || !viewer) throw new Error('seed failed');
  const ws = await owner.caller.workspaces.create({ name: workspaceName });
  await joinWorkspace(owner, editor, ws.id, 'editor');
  await joinWorkspace(owner, viewer, ws.id, 'viewer');
  return { ws, owner, editor, viewer };
}

/** A seeded user with a caller acting as them (see `seedCallers`). */
export interface SeededCaller {
  readonly user: SeededUser;
  readonly caller: Caller;
}

/** `owner` invites `member` into the workspace as `role`, and `member` accepts. */
export async function joinWorkspace(
  owner: SeededCaller,
  member: SeededCaller,
  workspaceId: string,
  role: Parameters<Caller['invitations']['create']>[0]['role'],
): Promise<void> {
  const invitation = await owner.caller.invitations.create({ workspaceId, email: member.user.email, role });
  await member.caller.invitations.accept({ token: invitation.token });
}

/** A team (see `seedTeam`) with one project in its workspace, created by the owner unless `createdBy` says. */
export async function seedTeamProject(db: Db, projectName: string, createdBy: 'owner' | 'editor' = 'owner') {
  const team = await seedTeam(db);
  const project = await team[createdBy].caller.projects.create({
    workspaceId: team.ws.id,
    name: projectName,
  });
  return { ...team, project, projectId: project.id };
}

/** An attack angle any editor may store: 1 day to 1 week of effort for a quality of 0.6 to 0.75. */
export const SAMPLE_ANGLE = {
  name: 'Sample angle',
  effort: { low: duration(1, 'day'), likely: duration(2, 'day'), high: duration(1, 'week') },
  quality: { low: 0.6, likely: 0.7, high: 0.75 },
  costRate: null,
  riskNotes: '',
};

/** A measured point any editor may store: 0.7 after 3 days. */
export const SAMPLE_POINT = {
  effort: { value: 3, unit: 'day' as const },
  measuredOn: null,
  quality: 0.7,
  label: '',
};

/**
 * What procedures on invitations, worksheet history and agreement samples act on: a pending viewer
 * invitation of `inviteeEmail`, the history entry of `K.readers` answered once (at version 1) by `actorId`,
 * and a sample (`seedAgreementSample`, nominal, version 1) of the project.
 */
export async function seedProcedureTargets(
  db: Db,
  params: { workspaceId: string; projectId: string; inviteeEmail: string; actorId: string },
) {
  const invitation = await createInvitation(db, {
    workspaceId: params.workspaceId,
    email: params.inviteeEmail,
    role: 'viewer',
    actorId: params.actorId,
  });
  await saveWorksheetAnswer(db, {
    projectId: params.projectId,
    questionId: 'K.readers',
    baseVersion: 0,
    value: 'The director',
    actorId: params.actorId,
  });
  const [entry] = await listWorksheetHistory(db, { projectId: params.projectId, limit: 1 });
  if (!entry) throw new Error('seed failed');
  const sample = await seedAgreementSample(db, {
    projectId: params.projectId,
    workspaceId: params.workspaceId,
    actorId: params.actorId,
  });
  return { invitation, historyId: entry.id, sampleId: sample.id };
}
