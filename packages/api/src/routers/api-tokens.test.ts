import { hashSecretToken, schema } from '@raisin/db';
import { describeOnEachDatabase } from '@raisin/db/testing';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { ZodError } from 'zod';
import { expectTRPCError, seedCallers } from '../test-support';

/** The input fields a schema refused (the wire message names them the same way: "name: …"). */
function refusedFields(error: Error): string[] {
  return error.cause instanceof ZodError ? error.cause.issues.map((issue) => issue.path.join('.')) : [];
}

describeOnEachDatabase('apiTokens router', (getDb) => {
  async function setup() {
    const db = getDb();
    const [owner, editor, viewer] = await seedCallers(db, 3);
    if (!owner || !editor || !viewer) throw new Error('seed failed');
    const ws = await owner.caller.workspaces.create({ name: 'Pipelines' });
    await db.insert(schema.membership).values([
      { workspaceId: ws.id, userId: editor.user.id, role: 'editor' },
      { workspaceId: ws.id, userId: viewer.user.id, role: 'viewer' },
    ]);
    return { db, ws, owner, editor, viewer };
  }

  it('an editor creates a named token, shown once and stored as a hash, listed with its creator and expiry', async () => {
    const { db, ws, editor } = await setup();
    const expiresAt = '2099-06-30T23:59:59.999Z';
    const created = await editor.caller.apiTokens.create({
      workspaceId: ws.id,
      name: '  Nightly Label Studio export  ',
      role: 'editor',
      expiresAt,
    });
    expect(created).toEqual({ id: expect.any(String), token: expect.stringMatching(/^raisin_/) });
    const [row] = await db.select().from(schema.apiToken).where(eq(schema.apiToken.id, created.id));
    expect(row?.tokenHash).toBe(hashSecretToken(created.token));
    const listed = await editor.caller.apiTokens.list({ workspaceId: ws.id });
    expect(listed).toEqual([
      {
        id: created.id,
        name: 'Nightly Label Studio export',
        role: 'editor',
        createdAt: expect.any(String),
        createdBy: editor.user.id,
        createdByName: editor.user.name,
        expiresAt,
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    // The list never carries the token or its hash.
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(JSON.stringify(listed)).not.toContain(row?.tokenHash);
  });

  it('keeps a token at or below its creator: never owner, and viewers make none', async () => {
    const { ws, owner, viewer } = await setup();
    const refused = await expectTRPCError(
      owner.caller.apiTokens.create({ workspaceId: ws.id, name: 'x', role: 'owner' as 'editor' }),
      'BAD_REQUEST',
    );
    expect(refusedFields(refused)).toEqual(['role']);
    await expectTRPCError(
      viewer.caller.apiTokens.create({ workspaceId: ws.id, name: 'x', role: 'viewer' }),
      'FORBIDDEN',
    );
    await expectTRPCError(viewer.caller.apiTokens.list({ workspaceId: ws.id }), 'FORBIDDEN');
    expect(await owner.caller.apiTokens.list({ workspaceId: ws.id })).toEqual([]);
  });

  it('refuses a past expiry and a blank name, naming the field, and stores nothing', async () => {
    const { ws, editor } = await setup();
    const past = await expectTRPCError(
      editor.caller.apiTokens.create({
        workspaceId: ws.id,
        name: 'late',
        role: 'viewer',
        expiresAt: '2020-01-01T00:00:00Z',
      }),
      'BAD_REQUEST',
    );
    expect(past.message).toMatch(/^expiresAt:/);
    const blank = await expectTRPCError(
      editor.caller.apiTokens.create({ workspaceId: ws.id, name: '   ', role: 'viewer' }),
      'BAD_REQUEST',
    );
    expect(refusedFields(blank)).toEqual(['name']);
    expect(await editor.caller.apiTokens.list({ workspaceId: ws.id })).toEqual([]);
  });

  it('revokes a token of the workspace; another workspace cannot name it', async () => {
    const { ws, owner, editor } = await setup();
    const created = await owner.caller.apiTokens.create({ workspaceId: ws.id, name: 'CI', role: 'viewer' });
    const elsewhere = await editor.caller.workspaces.create({ name: 'Mine' });
    await expectTRPCError(
      editor.caller.apiTokens.revoke({ workspaceId: elsewhere.id, tokenId: created.id }),
      'NOT_FOUND',
    );
    expect(await editor.caller.apiTokens.revoke({ workspaceId: ws.id, tokenId: created.id })).toEqual({
      revoked: created.id,
    });
    const [listed] = await owner.caller.apiTokens.list({ workspaceId: ws.id });
    expect(listed?.revokedAt).toEqual(expect.any(String));
  });
});
