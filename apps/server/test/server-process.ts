// Real server processes for the crash, fault and multi-instance tests and the load bench: spawned from
// main.ts exactly as in production, spoken to over loopback HTTP. No vitest imports, so scripts can use it.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb, type DbHandle } from '@raisin/db';
import pg from 'pg';
import { REPO_ROOT } from '../src/config';

const MAIN = join(REPO_ROOT, 'apps', 'server', 'src', 'main.ts');
const START_TIMEOUT_MS = 60_000;

export interface Running {
  readonly process: ChildProcess;
  readonly origin: string;
  /** Wall time from spawn to the "listening" log line. */
  readonly startupMs: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the server printed so far (its JSON log lines). */
  output(): string;
}

export function freePort(): Promise<number> {
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

/**
 * Starts `main.ts` on a free loopback port with the given environment on top of ours (minus any
 * DATABASE_URL or auth secret we may have), and resolves once it logs that it listens.
 */
export async function startServer(env: Record<string, string>): Promise<Running> {
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
    // No web build needed: these callers speak only to the API.
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
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const startupMs = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    let ready = false;
    const onReady = () => {
      if (ready) return;
      ready = true;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      resolve(performance.now() - started);
    };
    const onData = () => {
      if (/Raisin listening on/.test(output)) onReady();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    // Below LOG_LEVEL=info there is no "listening" line: the health probe tells instead.
    const probe = () => {
      if (ready || child.exitCode !== null || child.signalCode !== null) return;
      fetch(`${origin}/healthz`).then(
        (response) => (response.ok ? onReady() : setTimeout(probe, 100)),
        () => setTimeout(probe, 100),
      );
    };
    if (env.LOG_LEVEL !== undefined && env.LOG_LEVEL !== 'info') probe();
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (code ${code}, signal ${signal}):\n${output}`));
    });
  });
  return { process: child, origin, startupMs, exited, output: () => output };
}

export function isRunning(server: Running | undefined): server is Running {
  return server !== undefined && server.process.exitCode === null && server.process.signalCode === null;
}

/** SIGKILL: the process gets no chance to flush anything it had not already made durable. */
export async function crash(server: Running): Promise<void> {
  server.process.kill('SIGKILL');
  await server.exited;
}

/** SIGTERM and wait: the graceful shutdown, which must exit 0. */
export async function stop(server: Running): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  server.process.kill('SIGTERM');
  return server.exited;
}

/** Resident memory of a process in bytes (Linux /proc), for the load bench's stability check. */
export function residentBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] === undefined ? Number.NaN : Number(match[1]) * 1024;
}

/**
 * CPU time a process has used so far, user and system, in seconds (Linux /proc, in clock ticks of
 * 1/100 s, the kernel's USER_HZ on the machines Raisin runs on). For the load bench: CPU per request
 * holds still on a shared machine where requests per second swing with everyone else's load.
 */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the
  // 14th and 15th fields of the line, the 12th and 13th after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A browser-like client: remembers the session cookie the server sets. */
export interface Client {
  cookie: string;
}

export interface HttpResult {
  readonly status: number;
  readonly json: unknown;
}

/** GET when `body` is undefined, else a JSON POST; same-origin, with the client's cookie. */
export async function call(
  origin: string,
  client: Client,
  path: string,
  body?: unknown,
): Promise<HttpResult> {
  const response = await fetch(`${origin}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      origin,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(client.cookie === '' ? {} : { cookie: client.cookie }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  if (cookies.length > 0) client.cookie = cookies.join('; ');
  const text = await response.text();
  let json: unknown = text;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    // Not JSON (e.g. an NDJSON stream): the caller gets the text.
  }
  return { status: response.status, json };
}

/** The data of a successful tRPC answer; anything else throws with the whole answer. */
export function trpcData<T>(result: HttpResult): T {
  if (result.status !== 200)
    throw new Error(`expected 200, got ${result.status}: ${JSON.stringify(result.json)}`);
  return (result.json as { result: { data: T } }).result.data;
}

/** The tRPC error code of a failed answer (e.g. "CONFLICT"), or null for a success. */
export function trpcErrorCode(result: HttpResult): string | null {
  if (result.status === 200) return null;
  return (result.json as { error?: { data?: { code?: string } } }).error?.data?.code ?? null;
}

export const trpcQuery = (input: unknown) => `?input=${encodeURIComponent(JSON.stringify(input))}`;

/** Signs up a fresh user; the client then carries its session. */
export async function signUp(origin: string, label: string): Promise<Client & { email: string }> {
  const email = `${label}-${randomBytes(5).toString('hex')}@example.com`;
  const client = { cookie: '', email };
  const result = await call(origin, client, '/api/auth/sign-up/email', {
    email,
    password: 'correct horse battery staple',
    name: label,
  });
  if (result.status !== 200)
    throw new Error(`sign-up failed: ${result.status} ${JSON.stringify(result.json)}`);
  return client;
}

export interface ThrowawayPostgres {
  readonly url: string;
  /** Drops the database, forcing out any connection a killed server left behind. */
  drop(): Promise<void>;
}

/** Creates a PostgreSQL database of its own on the server `adminUrl` names. */
export async function createThrowawayPostgres(adminUrl: string, prefix: string): Promise<ThrowawayPostgres> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const drop = async () => {
    try {
      await admin.query(`drop database if exists ${name} with (force)`);
    } finally {
      await admin.end();
    }
  };
  try {
    await admin.query(`create database ${name}`);
  } catch (error) {
    await drop();
    throw error;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop };
}

/** Runs `fn` on a throwaway PostgreSQL database, dropped afterwards. */
export async function withThrowawayPostgres<T>(
  adminUrl: string,
  prefix: string,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const database = await createThrowawayPostgres(adminUrl, prefix);
  try {
    return await fn(database.url);
  } finally {
    await database.drop();
  }
}

/** One database a server process can run on: the environment to start it with, and a direct handle. */
export interface ServerDatabase {
  /** `RAISIN_DATA_DIR` or `DATABASE_URL`. */
  readonly env: Record<string, string>;
  /** Opens the same database from the test (PGlite: only while no server has it open). */
  open(): Promise<DbHandle>;
}

export interface ServerDatabaseKind {
  readonly label: 'pglite' | 'postgres';
  /** Runs `fn` on a fresh database of this kind, removed afterwards. */
  use<T>(fn: (database: ServerDatabase) => Promise<T>): Promise<T>;
}

/**
 * The databases the process tests run on, as describeOnEachDatabase does for in-process tests: a
 * PGlite data folder always, and a throwaway PostgreSQL database only when TEST_DATABASE_URL is set.
 */
export function serverDatabaseKinds(): ServerDatabaseKind[] {
  const kinds: ServerDatabaseKind[] = [
    {
      label: 'pglite',
      async use(fn) {
        const dir = mkdtempSync(join(tmpdir(), 'raisin-data-'));
        const dataDir = join(dir, 'db');
        try {
          return await fn({ env: { RAISIN_DATA_DIR: dataDir }, open: () => createDb({ dataDir }) });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
  ];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    kinds.push({
      label: 'postgres',
      use: (fn) =>
        withThrowawayPostgres(adminUrl, 'raisin_proc', (url) =>
          fn({ env: { DATABASE_URL: url }, open: () => createDb({ url, maxConnections: 2 }) }),
        ),
    });
  }
  return kinds;
}
