import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { apiToken, membership, rateLimit } from '../schema';
import { hashSecretToken } from '../secret-tokens';
import { describeOnEachDatabase, seedUsers } from '../testing';
import {
  API_TOKEN_FAILURE_LIMIT,
  checkApiToken,
  createApiToken,
  flushApiTokenUses,
  listApiTokens,
  revokeApiToken,
} from './api-tokens';
import { createWorkspace } from './workspaces';

const LIMIT = { windowMs: 60_000, max: 1000 };

describeOnEachDatabase('API tokens', (getDb) => {
  async function setup() {
    const db = getDb();
    const [owner, editor] = await seedUsers(db, [{}, {}]);
    if (!owner || !editor) throw new Error('seed failed');
    const ws = await createWorkspace(db, { name: 'Tokens', actorId: owner.id });
    await db.insert(membership).values({ workspaceId: ws.id, userId: editor.id, role: 'editor' });
    return { db, owner, editor, workspaceId: ws.id };
  }

  it('returns a recognisable 256-bit token once and stores only its SHA-256', async () => {
    const { db, editor, workspaceId } = await setup();
    const created = await createApiToken(db, {
      workspaceId,
      name: 'Nightly labels',
      role: 'editor',
      expiresAt: null,
      actorId: editor.id,
      actorRole: 'editor',
    });
    expect(created.token).toMatch(/^raisin_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(apiToken).where(eq(apiToken.id, created.id));
    expect(row?.tokenHash).toBe(hashSecretToken(created.token));
    // Nothing stored contains the token or any long piece of it.
    expect(JSON.stringify(row)).not.toContain(created.token.slice('raisin_'.length, 20));
    const check = await checkApiToken(db, { token: created.token, clientIp: '10.0.0.1', limit: LIMIT });
    expect(check).toEqual({
      status: 'ok',
      caller: {
        tokenId: created.id,
        tokenName: 'Nightly labels',
        workspaceId,
        role: 'editor',
        actorId: editor.id,
      },
    });
  });

  it("refuses a role above the creator's and a past expiry", async () => {
    const { db, editor, workspaceId } = await setup();
    const base = { workspaceId, name: 'x', actorId: editor.id, expiresAt: null };
    await expect(createApiToken(db, { ...base, role: 'editor', actorRole: 'viewer' })).rejects.toMatchObject({
      code: 'INSUFFICIENT_ROLE',
    });
    await expect(
      createApiToken(db, {
        ...base,
        role: 'viewer',
        actorRole: 'editor',
        expiresAt: new Date(Date.now() - 1000),
      }),
    ).rejects.toMatchObject({ code: 'API_TOKEN_INVALID' });
    expect(await listApiTokens(db, { workspaceId })).toEqual([]);
  });

  it('refuses unknown, revoked and expired tokens, and tokens whose creator left', async () => {
    const { db, owner, editor, workspaceId } = await setup();
    const make = (name: string, expiresAt: Date | null = null) =>
      createApiToken(db, {
        workspaceId,
        name,
        role: 'viewer',
        expiresAt,
        actorId: editor.id,
        actorRole: 'editor',
      });
    const check = (token: string, now?: Date) =>
      checkApiToken(db, { token, clientIp: '10.0.0.2', limit: LIMIT, ...(now ? { now } : {}) });

    expect((await check('raisin_not-a-token')).status).toBe('unknown');

    const revoked = await make('revoked');
    await revokeApiToken(db, { workspaceId, tokenId: revoked.id, actorId: owner.id });
    expect((await check(revoked.token)).status).toBe('revoked');
    // Revoking again changes nothing; another workspace's id is not found.
    await revokeApiToken(db, { workspaceId, tokenId: revoked.id, actorId: owner.id });
    const other = await createWorkspace(db, { name: 'Other', actorId: owner.id });
    await expect(
      revokeApiToken(db, { workspaceId: other.id, tokenId: revoked.id, actorId: owner.id }),
    ).rejects.toMatchObject({ code: 'API_TOKEN_NOT_FOUND' });

    const expiring = await make('expiring', new Date(Date.now() + 60_000));
    expect((await check(expiring.token)).status).toBe('ok');
    expect((await check(expiring.token, new Date(Date.now() + 61_000))).status).toBe('expired');

    const orphan = await make('orphan');
    await db.delete(membership).where(eq(membership.userId, editor.id));
    expect((await check(orphan.token)).status).toBe('creator-gone');
  });

  it("acts with the lower of its role and its creator's current one", async () => {
    const { db, owner, editor, workspaceId } = await setup();
    const created = await createApiToken(db, {
      workspaceId,
      name: 'pipeline',
      role: 'editor',
      expiresAt: null,
      actorId: editor.id,
      actorRole: 'editor',
    });
    await db.update(membership).set({ role: 'viewer' }).where(eq(membership.userId, editor.id));
    const demoted = await checkApiToken(db, { token: created.token, clientIp: null, limit: LIMIT });
    expect(demoted.status === 'ok' && demoted.caller.role).toBe('viewer');
    // An owner's token still stops at its own role.
    const ownerToken = await createApiToken(db, {
      workspaceId,
      name: 'owner job',
      role: 'viewer',
      expiresAt: null,
      actorId: owner.id,
      actorRole: 'owner',
    });
    const check = await checkApiToken(db, { token: ownerToken.token, clientIp: null, limit: LIMIT });
    expect(check.status === 'ok' && check.caller.role).toBe('viewer');
  });

  it('counts requests per token in the database and refuses those over the limit until the window ends', async () => {
    const { db, editor, workspaceId } = await setup();
    const created = await createApiToken(db, {
      workspaceId,
      name: 'busy',
      role: 'viewer',
      expiresAt: null,
      actorId: editor.id,
      actorRole: 'editor',
    });
    const limit = { windowMs: 60_000, max: 3 };
    const start = new Date();
    const at = (ms: number) => new Date(start.getTime() + ms);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (await checkApiToken(db, { token: created.token, clientIp: null, limit, now: at(i) })).status,
      );
    }
    expect(statuses).toEqual(['ok', 'ok', 'ok', 'rate-limited']);
    const limited = await checkApiToken(db, { token: created.token, clientIp: null, limit, now: at(30_000) });
    expect(limited).toMatchObject({ status: 'rate-limited', retryAfterSeconds: 30 });
    // A new window starts afresh.
    expect(
      (await checkApiToken(db, { token: created.token, clientIp: null, limit, now: at(60_001) })).status,
    ).toBe('ok');
    const [row] = await db
      .select()
      .from(rateLimit)
      .where(eq(rateLimit.key, `api-token:${created.id}`));
    expect(row?.count).toBe(1);
  });

  it('limits failed lookups per client address', async () => {
    const db = getDb();
    const clientIp = `10.9.${Math.floor(Math.random() * 250)}.7`;
    const statuses = [];
    for (let i = 0; i <= API_TOKEN_FAILURE_LIMIT.max; i += 1) {
      const check = await checkApiToken(db, { token: `raisin_guess${i}`, clientIp, limit: LIMIT });
      statuses.push(
        check.status === 'ok' || check.status === 'rate-limited' ? 'accepted' : check.retryAfterSeconds,
      );
    }
    expect(statuses.slice(0, API_TOKEN_FAILURE_LIMIT.max)).toEqual(
      Array.from({ length: API_TOKEN_FAILURE_LIMIT.max }, () => null),
    );
    expect(statuses.at(-1)).toBeGreaterThan(0);
  });

  it('lists tokens with creator, expiry, revocation and last use, written in batches', async () => {
    const { db, owner, editor, workspaceId } = await setup();
    const expiresAt = new Date(Date.now() + 86_400_000);
    const first = await createApiToken(db, {
      workspaceId,
      name: 'first',
      role: 'viewer',
      expiresAt,
      actorId: editor.id,
      actorRole: 'editor',
    });
    const second = await createApiToken(db, {
      workspaceId,
      name: 'second',
      role: 'editor',
      expiresAt: null,
      actorId: owner.id,
      actorRole: 'owner',
    });
    await revokeApiToken(db, { workspaceId, tokenId: second.id, actorId: owner.id });
    const usedAt = new Date();
    await checkApiToken(db, { token: first.token, clientIp: null, limit: LIMIT, now: usedAt });
    // Not written by the request itself: the row changes on the next flush (listing flushes first).
    const [before] = await db.select().from(apiToken).where(eq(apiToken.id, first.id));
    expect(before?.lastUsedAt).toBeNull();
    const listed = await listApiTokens(db, { workspaceId });
    expect(listed.map((t) => t.name)).toEqual(['second', 'first']);
    expect(listed[1]).toMatchObject({
      role: 'viewer',
      createdBy: editor.id,
      createdByName: editor.name,
      expiresAt,
      revokedAt: null,
    });
    expect(listed[1]?.lastUsedAt?.getTime()).toBe(usedAt.getTime());
    expect(listed[0]?.revokedAt).toBeInstanceOf(Date);
    expect(listed[0]?.lastUsedAt).toBeNull();
    // An older use never moves the last use back.
    await checkApiToken(db, {
      token: first.token,
      clientIp: null,
      limit: LIMIT,
      now: new Date(usedAt.getTime() - 5000),
    });
    await flushApiTokenUses(db);
    const [after] = await db.select().from(apiToken).where(eq(apiToken.id, first.id));
    expect(after?.lastUsedAt?.getTime()).toBe(usedAt.getTime());
  });
});
