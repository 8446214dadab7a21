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
