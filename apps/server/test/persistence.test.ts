// Durability across a crash: the real server process, killed with SIGKILL, must keep every write it acknowledged.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config';

const MAIN = join(REPO_ROOT, 'apps', 'server', 'src', 'main.ts');
const START_TIMEOUT_MS = 60_000;

interface Running {
  readonly process: ChildProcess;
  readonly origin: string;
  /** Wall time from spawn to the "listening" log line. */
  readonly startupMs: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startServer(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.DATABASE_URL;
  delete childEnv.RAISIN_AUTH_SECRET;
  Object.assign(childEnv, {
    PORT: String(port),
    HOST: '127.0.0.1',
    RAISIN_PUBLIC_URL: origin,
    LOG_LEVEL: 'info',
    // No web build needed: this test speaks only to the API.
    RAISIN_WEB_DIST: join(tmpdir(), 'raisin-no-web-dist'),
    ...env,
  });
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let output = '';
  const startupMs = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Raisin listening on/.test(output)) {
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (code ${code}, signal ${signal}):\n${output}`));
    });
  });
  // Keep draining the pipes so a chatty logger never blocks the child.
  child.stdout?.resume();
  child.stderr?.resume();
  return { process: child, origin, startupMs, exited };
}

interface Client {
  cookie: string;
}

async function call(server: Running, client: Client, path: string, body?: unknown) {
  const response = await fetch(`${server.origin}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      origin: server.origin,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(client.cookie === '' ? {} : { cookie: client.cookie }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  if (cookies.length > 0) client.cookie = cookies.join('; ');
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
}

function trpcData<T>(result: { status: number; json: unknown }): T {
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  return (result.json as { result: { data: T } }).result.data;
}

const query = (input: unknown) => `?input=${encodeURIComponent(JSON.stringify(input))}`;

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
    if (first.process.exitCode === null && first.process.signalCode === null) first.process.kill('SIGKILL');
    if (second && second.process.exitCode === null && second.process.signalCode === null) {
      second.process.kill('SIGKILL');
    }
  }
}

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('persistence across a crash', () => {
  it('keeps every acknowledged write on embedded PGlite', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'raisin-data-'));
    dataDirs.push(dataDir);
    await crashAndRecover({ RAISIN_DATA_DIR: join(dataDir, 'db') }, 'pglite');
  });

  const adminUrl = process.env.TEST_DATABASE_URL;
  // Only when a PostgreSQL server is offered; each run uses a database of its own, dropped afterwards.
  if (adminUrl) {
    it('keeps every acknowledged write on PostgreSQL', { timeout: 180_000 }, async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      const name = `raisin_persist_${randomBytes(6).toString('hex')}`;
      await admin.query(`create database ${name}`);
      try {
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        await crashAndRecover({ DATABASE_URL: url.toString() }, 'postgres');
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  }
});
