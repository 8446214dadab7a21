import { exampleReportSnapshot } from '@raisin/core';
import {
  createDb,
  createProject,
  createWorkspace,
  type Db,
  type DbHandle,
  migrateDb,
  publishReportVersion,
} from '@raisin/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type BuildAppOptions, buildApp, loadConfig } from '../src/index';
import { createThrowawayPostgres } from './server-process';

export const ORIGIN = 'http://localhost:3000';

/**
 * A fresh in-memory database, migrated, and a ready app over it: no web build, no logs, and `env` on
 * top (the limits a suite tests). Close the app, then the handle, after the suite.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: BuildAppOptions = {},
): Promise<{ handle: DbHandle; app: FastifyInstance }> {
  const handle = await createDb();
  await migrateDb(handle.db, handle.driver);
  return { handle, app: await appOver(handle, env, options) };
}

/** A ready app over `handle` (migrated): no web build, no logs, and `env` on top. Close it after the suite. */
export async function appOver(
  handle: DbHandle,
  env: Record<string, string> = {},
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    RAISIN_PUBLIC_URL: ORIGIN,
    RAISIN_WEB_DIST: '/nonexistent',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await buildApp(config, handle, options);
  await app.ready();
  return app;
}

/** A migrated database a suite builds its apps over, and how to remove it after the suite. */
export interface OpenedDatabase {
  readonly handle: DbHandle;
  dispose(): Promise<void>;
}

/**
 * The databases an in-process suite runs on, for `describe.each` (`[$label]` in its name): an in-memory
 * PGlite always, and, only when TEST_DATABASE_URL is set, a throwaway PostgreSQL database named after
 * `prefix`, dropped by `dispose`. Each `open` gives a fresh, migrated database.
 */
export function appDatabases(prefix: string): { label: string; open: () => Promise<OpenedDatabase> }[] {
  const databases = [
    {
      label: 'pglite',
      async open(): Promise<OpenedDatabase> {
        const handle = await createDb();
        await migrateDb(handle.db, handle.driver);
        return { handle, dispose: () => handle.close() };
      },
    },
  ];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    databases.push({
      label: 'postgres',
      async open() {
        const database = await createThrowawayPostgres(adminUrl, prefix);
        const handle = await createDb({ url: database.url, maxConnections: 4 });
        await migrateDb(handle.db, handle.driver);
        return {
          handle,
          dispose: async () => {
            await handle.close();
            await database.drop();
          },
        };
      },
    });
  }
  return databases;
}

let ipCounter = 0;
/** A fresh client address per test, so better-auth's per-IP sign-up limit never couples tests. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.${Math.floor(ipCounter / 250) % 250}.${ipCounter % 250}.${1 + (ipCounter % 200)}`;
}

let emailCounter = 0;
export function nextEmail(label = 'user'): string {
  emailCounter += 1;
  return `${label}-${emailCounter}-${process.pid}@example.com`;
}

/** The `Cookie` header a browser would send back after this response. */
export function cookieHeader(response: LightMyRequestResponse): string {
  return response.cookies
    .filter((c) => c.value !== '' && c.maxAge !== 0)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}

export function sessionToken(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((c) => c.name.endsWith('session_token'))?.value;
}

interface CallOptions {
  readonly cookie?: string;
  readonly origin?: string | null;
  readonly ip?: string;
  readonly headers?: Record<string, string>;
}

export function postJson(app: FastifyInstance, url: string, body: unknown, options: CallOptions = {}) {
  const origin = options.origin === undefined ? ORIGIN : options.origin;
  return app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/json',
      ...(origin === null ? {} : { origin }),
      ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
      ...options.headers,
    },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
    remoteAddress: options.ip ?? '127.0.0.1',
  });
}

export function trpcQuery(app: FastifyInstance, path: string, input: unknown, options: CallOptions = {}) {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return app.inject({
    method: 'GET',
    url: `/trpc/${path}${query}`,
    headers: { ...(options.cookie === undefined ? {} : { cookie: options.cookie }), ...options.headers },
    remoteAddress: options.ip ?? '127.0.0.1',
  });
}

export interface SignedUp {
  readonly cookie: string;
  readonly token: string | undefined;
  readonly userId: string;
  readonly email: string;
  readonly password: string;
}

export async function signUp(app: FastifyInstance, label = 'user', ip = nextIp()): Promise<SignedUp> {
  const email = nextEmail(label);
  const password = 'correct horse battery staple';
  const response = await postJson(app, '/api/auth/sign-up/email', { email, password, name: label }, { ip });
  if (response.statusCode !== 200) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ user: { id: string } }>();
  return {
    cookie: cookieHeader(response),
    token: sessionToken(response),
    userId: body.user.id,
    email,
    password,
  };
}

export function signIn(app: FastifyInstance, email: string, password: string, ip = nextIp()) {
  return postJson(app, '/api/auth/sign-in/email', { email, password }, { ip });
}

/** A tRPC mutation's data as `who`; any other status throws with the body, to fail the test at its cause. */
export async function trpcMutationData<T>(
  app: FastifyInstance,
  who: SignedUp,
  path: string,
  input: unknown,
): Promise<T> {
  const response = await postJson(app, `/trpc/${path}`, input, { cookie: who.cookie });
  if (response.statusCode !== 200) throw new Error(`${path}: ${response.body}`);
  return response.json<{ result: { data: T } }>().result.data;
}

/** A tRPC query's data as `who`; any other status throws with the body. */
export async function trpcQueryData<T>(
  app: FastifyInstance,
  who: SignedUp,
  path: string,
  input: unknown,
): Promise<T> {
  const response = await trpcQuery(app, path, input, { cookie: who.cookie });
  if (response.statusCode !== 200) throw new Error(`${path}: ${response.body}`);
  return response.json<{ result: { data: T } }>().result.data;
}

/**
 * A new owner (signed up through `app`) with workspace "W" and one project named `projectName`, whose
 * example report is published as a version: what a share link is made for.
 */
export async function publishedExampleReport(app: FastifyInstance, db: Db, projectName: string) {
  const owner = await signUp(app, 'owner');
  const workspace = await createWorkspace(db, { name: 'W', actorId: owner.userId });
  const project = await createProject(db, {
    workspaceId: workspace.id,
    name: projectName,
    actorId: owner.userId,
  });
  const version = await publishReportVersion(db, {
    projectId: project.id,
    workspaceId: workspace.id,
    note: null,
    actorId: owner.userId,
    actorName: 'owner',
    snapshot: exampleReportSnapshot(),
  });
  return { owner, workspaceId: workspace.id, projectId: project.id, versionId: version.id };
}

/** A new user (signed up as `label`) who created, through tRPC, workspace `names.workspace` and in it project `names.project`. */
export async function signUpWithProject(
  app: FastifyInstance,
  label: string,
  names: { workspace: string; project: string },
): Promise<{ owner: SignedUp; workspaceId: string; projectId: string }> {
  const owner = await signUp(app, label);
  const workspace = await trpcMutationData<{ id: string }>(app, owner, 'workspaces.create', {
    name: names.workspace,
  });
  const project = await trpcMutationData<{ id: string }>(app, owner, 'projects.create', {
    workspaceId: workspace.id,
    name: names.project,
  });
  return { owner, workspaceId: workspace.id, projectId: project.id };
}
