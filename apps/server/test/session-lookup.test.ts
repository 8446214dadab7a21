// The server reads the common session (signed cookie, live row, not due for refresh) itself and hands
// every other case to better-auth: these check the cases at that boundary give better-auth's answers.
import { type DbHandle, schema } from '@raisin/db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startTestApp, trpcQuery } from './helpers';

const DAY_MS = 24 * 60 * 60 * 1000;
// better-auth's defaults, which createAuth keeps: sessions last 7 days and slide once a day.
const EXPIRES_IN_MS = 7 * DAY_MS;

let handle: DbHandle;
let app: FastifyInstance;

beforeAll(async () => {
  ({ handle, app } = await startTestApp());
});

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

async function me(cookie: string) {
  const response = await trpcQuery(app, 'session.me', undefined, { cookie });
  expect(response.statusCode).toBe(200);
  return response.json().result.data.user as { id: string } | null;
}

function sessionRow(userId: string) {
  return handle.db.select().from(schema.session).where(eq(schema.session.userId, userId));
}

function setExpiry(userId: string, expiresAt: Date) {
  return handle.db.update(schema.session).set({ expiresAt }).where(eq(schema.session.userId, userId));
}

describe('session lookup', () => {
  it('refuses a cookie whose signature does not match its token', async () => {
    const { cookie, userId } = await signUp(app, 'forger');
    expect((await me(cookie))?.id).toBe(userId);
    const [name, value] = cookie.split('=', 2) as [string, string];
    const [token] = decodeURIComponent(value).split('.');
    const forged = `${name}=${encodeURIComponent(`${token}.${Buffer.alloc(32).toString('base64')}`)}`;
    expect(await me(forged)).toBeNull();
    const unsigned = `${name}=${token}`;
    expect(await me(unsigned)).toBeNull();
  });

  it('refuses an expired session and better-auth removes its row', async () => {
    const { cookie, userId } = await signUp(app, 'expired');
    await setExpiry(userId, new Date(Date.now() - 1000));
    expect(await me(cookie)).toBeNull();
    expect(await sessionRow(userId)).toEqual([]);
  });

  it('hands a session due for its daily slide to better-auth, which extends it', async () => {
    const { cookie, userId } = await signUp(app, 'slider');
    // Issued two days ago: still valid, and past the one-day update age.
    const issuedExpiry = new Date(Date.now() - 2 * DAY_MS + EXPIRES_IN_MS);
    await setExpiry(userId, issuedExpiry);
    expect((await me(cookie))?.id).toBe(userId);
    const [row] = await sessionRow(userId);
    expect(row?.expiresAt.getTime()).toBeGreaterThan(issuedExpiry.getTime() + DAY_MS);
  });

  it('answers a fresh session without writing to it', async () => {
    const { cookie, userId } = await signUp(app, 'steady');
    const [before] = await sessionRow(userId);
    expect((await me(cookie))?.id).toBe(userId);
    expect(await sessionRow(userId)).toEqual([before]);
  });
});
