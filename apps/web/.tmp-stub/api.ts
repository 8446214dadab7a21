import { initTRPC } from '@trpc/server';
import { z } from 'zod';

const t = initTRPC.create();
const role = z.enum(['viewer', 'editor', 'owner']);
type Role = z.infer<typeof role>;
const project = {
  id: '',
  workspaceId: '',
  name: '',
  description: '' as string | null,
  archived: false,
  version: 1,
  createdAt: '',
  updatedAt: '',
  createdBy: '',
  updatedBy: '',
};
const p = t.procedure;
export const appRouter = t.router({
  session: t.router({
    me: p.query(() => ({ user: null as { id: string; email: string; name: string } | null })),
  }),
  workspaces: t.router({
    list: p.query(() => [{ id: '', name: '', role: 'owner' as Role, createdAt: '' }]),
    create: p
      .input(z.object({ name: z.string() }))
      .mutation(() => ({ id: '', name: '', role: 'owner' as const, version: 1 })),
    get: p
      .input(z.object({ workspaceId: z.string() }))
      .query(() => ({ id: '', name: '', role: 'owner' as Role, version: 1, createdAt: '' })),
  }),
  members: t.router({
    list: p
      .input(z.object({ workspaceId: z.string() }))
      .query(() => [{ userId: '', email: '', name: '', role: 'owner' as Role, joinedAt: '' }]),
    changeRole: p.input(z.object({ workspaceId: z.string(), userId: z.string(), role })).mutation(() => ({})),
    remove: p.input(z.object({ workspaceId: z.string(), userId: z.string() })).mutation(() => ({ ok: true })),
  }),
  invitations: t.router({
    create: p
      .input(z.object({ workspaceId: z.string(), email: z.string(), role }))
      .mutation(() => ({ id: '', email: '', role: 'owner' as Role, expiresAt: '', token: '' })),
    list: p
      .input(z.object({ workspaceId: z.string() }))
      .query(() => [
        { id: '', email: '', role: 'owner' as Role, expiresAt: '', createdAt: '', invitedBy: '' },
      ]),
    revoke: p
      .input(z.object({ workspaceId: z.string(), invitationId: z.string() }))
      .mutation(() => ({ ok: true })),
    preview: p
      .input(z.object({ token: z.string() }))
      .query(() => ({
        workspaceName: '',
        role: 'owner' as Role,
        email: '',
        invitedByName: '',
        expiresAt: '',
      })),
    accept: p.input(z.object({ token: z.string() })).mutation(() => ({ workspaceId: '' })),
  }),
  projects: t.router({
    list: p
      .input(z.object({ workspaceId: z.string(), includeArchived: z.boolean().optional() }))
      .query(() => [project]),
    get: p.input(z.object({ projectId: z.string() })).query(() => ({ ...project, role: 'owner' as Role })),
    create: p
      .input(z.object({ workspaceId: z.string(), name: z.string(), description: z.string().optional() }))
      .mutation(() => project),
    update: p
      .input(
        z.object({
          projectId: z.string(),
          version: z.number(),
          name: z.string().optional(),
          description: z.string().optional(),
        }),
      )
      .mutation(() => project),
    setArchived: p
      .input(z.object({ projectId: z.string(), version: z.number(), archived: z.boolean() }))
      .mutation(() => project),
  }),
});
export type AppRouter = typeof appRouter;
