// Durability across a crash: the real server process, killed with SIGKILL, must keep every write it acknowledged.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type Client,
  call as callOrigin,
  isRunning,
  trpcQuery as query,
  type Running,
  serverDatabaseKinds,
  startServer,
  trpcData,
} from './server-process';

const call = (server: Running, client: Client, path: string, body?: unknown) =>
  callOrigin(server.origin, client, path, body);

/** Runs the crash-and-restart scenario against one database configuration. */
async function crashAndRecover(env: Record<string, string>, label: string) {
  const email = `durable-${randomBytes(4).toString('hex')}@example.com`;
  const password = 'persistence is a virtue';
  const first = await startServer(env);
  let second: Running | undefined;
  try {
    const client: Client = { cookie: '' };
    const signUp = await call(first, client, '/api/auth/sign-up/email', { email, password, name: 'Durable' });
    expect(signUp.status).toBe(200);
    const workspace = trpcData<{ id: string }>(
      await call(first, client, '/trpc/workspaces.create', { name: 'Crash-proof workspace' }),
    );
    const projectNames = ['Spam filter', 'Churn model', 'Search ranking'];
    const projectIds: string[] = [];
    for (const name of projectNames) {
      const project = trpcData<{ id: string }>(
        await call(first, client, '/trpc/projects.create', {
          workspaceId: workspace.id,
          name,
          description: `${name}: acknowledged just before the crash`,
        }),
      );
      projectIds.push(project.id);
    }

    // No graceful shutdown: the process gets no chance to flush anything it had not already made durable.
    first.process.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    second = await startServer(env);
    const sameCookie: Client = { cookie: client.cookie };
    const me = trpcData<{ user: { email: string } | null }>(
      await call(second, sameCookie, '/trpc/session.me'),
    );
    expect(me.user?.email).toBe(email);
    const workspaces = trpcData<Array<{ id: string; name: string; role: string }>>(
      await call(second, sameCookie, '/trpc/workspaces.list'),
    );
    expect(workspaces).toEqual([
      expect.objectContaining({ id: workspace.id, name: 'Crash-proof workspace', role: 'owner' }),
    ]);
    const projects = trpcData<Array<{ id: string; name: string }>>(
      await call(second, sameCookie, `/trpc/projects.list${query({ workspaceId: workspace.id })}`),
    );
    expect(projects.map((p) => p.id).sort()).toEqual([...projectIds].sort());
    expect(projects.map((p) => p.name).sort()).toEqual([...projectNames].sort());
    // The password hash survived too.
    const fresh: Client = { cookie: '' };
    expect((await call(second, fresh, '/api/auth/sign-in/email', { email, password })).status).toBe(200);

    // Graceful shutdown on SIGTERM exits 0.
    second.process.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    console.info(
      `[${label}] server cold start: fresh ${Math.round(first.startupMs)} ms, existing ${Math.round(second.startupMs)} ms`,
    );
  } finally {
    if (isRunning(first)) first.process.kill('SIGKILL');
    if (isRunning(second)) second.process.kill('SIGKILL');
  }
}

describe('persistence across a crash', () => {
  for (const kind of serverDatabaseKinds()) {
    it(`keeps every acknowledged write on ${kind.label}`, { timeout: 180_000 }, async () => {
      await kind.use((database) => crashAndRecover(database.env, kind.label));
    });
  }
});
