// Throwaway in-memory implementation of the API contract, for smoke-testing the web app before packages/api lands.
import { randomUUID } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';

type Role = 'viewer' | 'editor' | 'owner';
const rank: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };
interface User { id: string; email: string; name: string }
interface Ctx { user: User | null }
export function createContextInner(opts: { user: User | null }): Ctx {
  if (opts.user) users.set(opts.user.id, opts.user);
  return { user: opts.user };
}
const users = new Map<string, User>();
const workspaces = new Map<string, { id: string; name: string; version: number; createdAt: string }>();
const members: Array<{ workspaceId: string; userId: string; role: Role; joinedAt: string }> = [];
const invitations: Array<{ id: string; workspaceId: string; email: string; role: Role; token: string; expiresAt: string; createdAt: string; invitedBy: string; used: boolean }> = [];
interface P { id: string; workspaceId: string; name: string; description: string; archived: boolean; version: number; createdAt: string; updatedAt: string; createdBy: string; updatedBy: string }
const projects = new Map<string, P>();

const t = initTRPC.context<Ctx>().create();
const authed = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next({ ctx: { user: ctx.user } });
});
function need(userId: string, workspaceId: string, min: Role): Role {
  const m = members.find((x) => x.workspaceId === workspaceId && x.userId === userId);
  if (!m) throw new TRPCError({ code: 'NOT_FOUND' });
  if (rank[m.role] < rank[min]) throw new TRPCError({ code: 'FORBIDDEN' });
  return m.role;
}
const role = z.enum(['viewer', 'editor', 'owner']);
const now = () => new Date().toISOString();
function proj(id: string): P {
  const p = projects.get(id);
  if (!p) throw new TRPCError({ code: 'NOT_FOUND' });
  return p;
}
export const appRouter = t.router({
  session: t.router({ me: t.procedure.query(({ ctx }) => ({ user: ctx.user })) }),
  workspaces: t.router({
    list: authed.query(({ ctx }) =>
      members.filter((m) => m.userId === ctx.user.id).map((m) => {
        const w = workspaces.get(m.workspaceId);
        return { id: m.workspaceId, name: w?.name ?? '', role: m.role, createdAt: w?.createdAt ?? '' };
      })),
    create: authed.input(z.object({ name: z.string().min(1).max(80) })).mutation(({ ctx, input }) => {
      const w = { id: randomUUID(), name: input.name, version: 1, createdAt: now() };
      workspaces.set(w.id, w);
      members.push({ workspaceId: w.id, userId: ctx.user.id, role: 'owner', joinedAt: now() });
      return { id: w.id, name: w.name, role: 'owner' as const, version: 1 };
    }),
    get: authed.input(z.object({ workspaceId: z.string().max(100) })).query(({ ctx, input }) => {
      const r = need(ctx.user.id, input.workspaceId, 'viewer');
      const w = workspaces.get(input.workspaceId);
      if (!w) throw new TRPCError({ code: 'NOT_FOUND' });
      return { ...w, role: r };
    }),
  }),
  members: t.router({
    list: authed.input(z.object({ workspaceId: z.string() })).query(({ ctx, input }) => {
      need(ctx.user.id, input.workspaceId, 'viewer');
      return members.filter((m) => m.workspaceId === input.workspaceId).map((m) => {
        const u = users.get(m.userId);
        return { userId: m.userId, email: u?.email ?? '', name: u?.name ?? '', role: m.role, joinedAt: m.joinedAt };
      });
    }),
    changeRole: authed.input(z.object({ workspaceId: z.string(), userId: z.string(), role })).mutation(({ ctx, input }) => {
      need(ctx.user.id, input.workspaceId, 'owner');
      const m = members.find((x) => x.workspaceId === input.workspaceId && x.userId === input.userId);
      if (!m) throw new TRPCError({ code: 'NOT_FOUND' });
      const owners = members.filter((x) => x.workspaceId === input.workspaceId && x.role === 'owner');
      if (m.role === 'owner' && owners.length === 1 && input.role !== 'owner') throw new TRPCError({ code: 'CONFLICT', message: 'A workspace needs at least one owner.' });
      m.role = input.role;
      return m;
    }),
    remove: authed.input(z.object({ workspaceId: z.string(), userId: z.string() })).mutation(({ ctx, input }) => {
      need(ctx.user.id, input.workspaceId, 'owner');
      const i = members.findIndex((x) => x.workspaceId === input.workspaceId && x.userId === input.userId);
      if (i >= 0) members.splice(i, 1);
      return { ok: true as const };
    }),
  }),
  invitations: t.router({
    create: authed.input(z.object({ workspaceId: z.string(), email: z.string().email(), role })).mutation(({ ctx, input }) => {
      need(ctx.user.id, input.workspaceId, 'owner');
      const inv = { id: randomUUID(), workspaceId: input.workspaceId, email: input.email, role: input.role, token: randomUUID().replaceAll('-', '') + 'abcdefgh', expiresAt: new Date(Date.now() + 7 * 864e5).toISOString(), createdAt: now(), invitedBy: ctx.user.id, used: false };
      invitations.push(inv);
      return { id: inv.id, email: inv.email, role: inv.role, expiresAt: inv.expiresAt, token: inv.token };
    }),
    list: authed.input(z.object({ workspaceId: z.string() })).query(({ ctx, input }) => {
      need(ctx.user.id, input.workspaceId, 'owner');
      return invitations.filter((i) => i.workspaceId === input.workspaceId && !i.used).map(({ token: _t, used: _u, workspaceId: _w, ...rest }) => rest);
    }),
    revoke: authed.input(z.object({ workspaceId: z.string(), invitationId: z.string() })).mutation(({ ctx, input }) => {
      need(ctx.user.id, input.workspaceId, 'owner');
      const i = invitations.find((x) => x.id === input.invitationId);
      if (i) i.used = true;
      return { ok: true as const };
    }),
    preview: authed.input(z.object({ token: z.string() })).query(({ input }) => {
      const i = invitations.find((x) => x.token === input.token && !x.used);
      if (!i) throw new TRPCError({ code: 'NOT_FOUND' });
      return { workspaceName: workspaces.get(i.workspaceId)?.name ?? '', role: i.role, email: i.email, invitedByName: users.get(i.invitedBy)?.name ?? '', expiresAt: i.expiresAt };
    }),
    accept: authed.input(z.object({ token: z.string() })).mutation(({ ctx, input }) => {
      const i = invitations.find((x) => x.token === input.token && !x.used);
      if (!i) throw new TRPCError({ code: 'NOT_FOUND' });
      if (i.email.toLowerCase() !== ctx.user.email.toLowerCase()) throw new TRPCError({ code: 'FORBIDDEN' });
      i.used = true;
      members.push({ workspaceId: i.workspaceId, userId: ctx.user.id, role: i.role, joinedAt: now() });
      return { workspaceId: i.workspaceId };
    }),
  }),
  projects: t.router({
    list: authed.input(z.object({ workspaceId: z.string(), includeArchived: z.boolean().optional() })).query(({ ctx, input }) => {
      need(ctx.user.id, input.workspaceId, 'viewer');
      return [...projects.values()].filter((p) => p.workspaceId === input.workspaceId && (input.includeArchived || !p.archived));
    }),
    get: authed.input(z.object({ projectId: z.string() })).query(({ ctx, input }) => {
      const p = proj(input.projectId);
      return { ...p, role: need(ctx.user.id, p.workspaceId, 'viewer') };
    }),
    create: authed.input(z.object({ workspaceId: z.string(), name: z.string().min(1).max(120), description: z.string().max(2000).optional() })).mutation(({ ctx, input }) => {
      need(ctx.user.id, input.workspaceId, 'editor');
      const p: P = { id: randomUUID(), workspaceId: input.workspaceId, name: input.name, description: input.description ?? '', archived: false, version: 1, createdAt: now(), updatedAt: now(), createdBy: ctx.user.id, updatedBy: ctx.user.id };
      projects.set(p.id, p);
      return p;
    }),
    update: authed.input(z.object({ projectId: z.string(), version: z.number(), name: z.string().min(1).max(120).optional(), description: z.string().max(2000).optional() })).mutation(({ ctx, input }) => {
      const p = proj(input.projectId);
      need(ctx.user.id, p.workspaceId, 'editor');
      if (p.version !== input.version) throw new TRPCError({ code: 'CONFLICT', message: 'changed' });
      if (input.name !== undefined) p.name = input.name;
      if (input.description !== undefined) p.description = input.description;
      p.version++;
      return p;
    }),
    setArchived: authed.input(z.object({ projectId: z.string(), version: z.number(), archived: z.boolean() })).mutation(({ ctx, input }) => {
      const p = proj(input.projectId);
      need(ctx.user.id, p.workspaceId, 'editor');
      if (p.version !== input.version) throw new TRPCError({ code: 'CONFLICT', message: 'changed' });
      p.archived = input.archived;
      p.version++;
      return p;
    }),
  }),
});
export type AppRouter = typeof appRouter;
