import type { DbHandle } from '@raisin/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, type SignedUp, signUp, startTestApp, trpcMutationData, trpcQueryData } from './helpers';

const MB = 1024 * 1024;
// Small enough that files over it are quick to build, and above RAISIN_BODY_LIMIT (1 MB) as the default is.
const IMPORT_LIMIT = 3 * MB;
const LONG_TEXT_QUESTIONS = ['A.decision', 'A.current-process', 'A.error-costs', 'B.heuristic', 'D.sources'];

let handle: DbHandle;
let app: FastifyInstance;
let owner: SignedUp;
let target: { id: string };
/** An exported project with answers and one published report version. */
let exported: {
  reportVersions: Array<{ number: number; snapshot: { version: { number: number } } }>;
} & Record<string, unknown>;

const mutation = <T>(who: SignedUp, path: string, input: unknown) =>
  trpcMutationData<T>(app, who, path, input);
const query = <T>(who: SignedUp, path: string, input: unknown) => trpcQueryData<T>(app, who, path, input);

/** The export with its one report version repeated (renumbered) until the file passes `bytes`. */
function fileOfAtLeast(bytes: number): string {
  const [version] = exported.reportVersions;
  if (!version) throw new Error('no report version');
  const versionBytes = JSON.stringify(version).length;
  const count = Math.ceil(bytes / versionBytes) + 1;
  const reportVersions = Array.from({ length: count }, (_, i) => ({
    ...version,
    number: i + 1,
    snapshot: { ...version.snapshot, version: { ...version.snapshot.version, number: i + 1 } },
  }));
  return JSON.stringify({ ...exported, reportVersions }, null, 2);
}

function importFile(file: string) {
  return postJson(
    app,
    '/trpc/portability.importJson',
    { workspaceId: target.id, file },
    { cookie: owner.cookie },
  );
}

async function targetProjects(): Promise<Array<{ name: string }>> {
  return query(owner, 'projects.list', { workspaceId: target.id, includeArchived: true });
}

beforeAll(async () => {
  ({ handle, app } = await startTestApp({ RAISIN_IMPORT_LIMIT: String(IMPORT_LIMIT) }));
  owner = await signUp(app, 'owner');
  const source = await mutation<{ id: string }>(owner, 'workspaces.create', { name: 'Source' });
  target = await mutation<{ id: string }>(owner, 'workspaces.create', { name: 'Target' });
  const projectId = (
    await mutation<{ id: string }>(owner, 'projects.create', { workspaceId: source.id, name: 'Big' })
  ).id;
  for (const [index, questionId] of LONG_TEXT_QUESTIONS.entries()) {
    const value = `Answer ${index}: ${'the quick brown fox jumps over the lazy dog "quoted" '.repeat(60)}`;
    await mutation(owner, 'worksheet.save', { projectId, questionId, baseVersion: 0, value });
  }
  await mutation(owner, 'report.publish', { projectId, note: 'before the import' });
  exported = await query(owner, 'portability.exportJson', { projectId });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe('project import route', () => {
  it('imports a file of over 2 MB, above the general JSON body limit', async () => {
    const file = fileOfAtLeast(2 * MB);
    expect(file.length).toBeGreaterThan(2 * MB);
    const response = await importFile(file);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const project = response.json<{ result: { data: { id: string; name: string } } }>().result.data;
    expect(project.name).toBe('Big');
    const versions = await query<Array<{ number: number }>>(owner, 'report.versions', {
      projectId: project.id,
    });
    expect(versions.length).toBe(JSON.parse(file).reportVersions.length);
    expect(versions.at(-1)?.number).toBe(1);
    // Every other procedure keeps the general limit.
    const huge = { workspaceId: target.id, name: 'x'.repeat(2 * MB) };
    expect((await postJson(app, '/trpc/projects.create', huge, { cookie: owner.cookie })).statusCode).toBe(
      413,
    );
  });

  it('refuses a file over the import limit with 413 in tRPC form, naming the limit, and stores nothing', async () => {
    const before = await targetProjects();
    // Within the body limit (the procedure refuses it) and beyond it (the server refuses to read it).
    for (const bytes of [IMPORT_LIMIT + 1024, 2 * IMPORT_LIMIT + 128 * 1024]) {
      for (const url of ['/trpc/portability.importJson', '/trpc/portability.importJson?batch=1']) {
        const batched = url.endsWith('batch=1');
        const file = fileOfAtLeast(bytes);
        const response = await postJson(
          app,
          url,
          batched ? { 0: { workspaceId: target.id, file } } : { workspaceId: target.id, file },
          { cookie: owner.cookie },
        );
        expect(response.statusCode, `${bytes} ${url}`).toBe(413);
        const body = response.json<unknown>();
        const error = (Array.isArray(body) ? body[0] : body) as {
          error: { message: string; data: { code: string } };
        };
        expect(error.error.message).toBe('A project file may be at most 3 MB');
        expect(error.error.data.code).toBe('PAYLOAD_TOO_LARGE');
      }
    }
    expect(await targetProjects()).toEqual(before);
  });

  it('keeps the checks of every other request: sign-in and same origin', async () => {
    const file = fileOfAtLeast(1024);
    const anonymous = await postJson(app, '/trpc/portability.importJson', { workspaceId: target.id, file });
    expect(anonymous.statusCode).toBe(401);
    const forged = await postJson(
      app,
      '/trpc/portability.importJson',
      { workspaceId: target.id, file },
      { cookie: owner.cookie, origin: 'https://evil.example' },
    );
    expect(forged.statusCode).toBe(403);
  });
});
