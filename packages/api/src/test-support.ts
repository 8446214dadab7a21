import { randomUUID } from 'node:crypto';
import type { Db } from '@raisin/db';
import { seedUsers } from '@raisin/db/testing';
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { createContextInner, type SessionUser } from './context';
import { createCaller } from './root';

export type Caller = ReturnType<typeof createCaller>;

/** A caller acting as `user` (null: anonymous), as the server would build it from a session. */
export function callerFor(db: Db, user: SessionUser | null): Caller {
  return createCaller(createContextInner({ db, user, requestId: randomUUID() }));
}

/** Seeds `n` users and returns a caller for each, plus the users. */
export async function seedCallers(db: Db, n: number) {
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
  for (const [member, role] of [
    [editor, 'editor'],
    [viewer, 'viewer'],
  ] as const) {
    const inv = await owner.caller.invitations.create({ workspaceId: ws.id, email: member.user.email, role });
    await member.caller.invitations.accept({ token: inv.token });
  }
  return { ws, owner, editor, viewer };
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
