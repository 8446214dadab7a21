/**
 * Every procedure of appRouter, called by the workspace owner with hostile inputs (wrong types, huge
 * strings, deep nesting, prototype-pollution keys, NaN/Infinity, extreme numbers) made from a valid input:
 * the answer is a result or a TRPCError with a client code, never INTERNAL_SERVER_ERROR or a crash, and a
 * refused call writes nothing. A procedure without a row in VALID_INPUTS fails the first test, so new
 * procedures are fuzzed from the day they ship.
 *
 * One world is seeded per database and every call runs in a transaction that is rolled back, so each
 * call meets the same world (versions, ids, the invitation still open) and writes are cheap to undo.
 */
import { createHash } from 'node:crypto';
import { createMeasuredPoint, createProject, createWorkspace, type Db, schema } from '@raisin/db';
import {
  databaseFingerprint,
  describeOnEachDatabase,
  fingerprintTables,
  seedUsers,
} from '@raisin/db/testing';
import { TRPCError } from '@trpc/server';
import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { SessionUser } from './context';
import { appRouter } from './root';
import { type Caller, callerFor, SAMPLE_ANGLE, SAMPLE_POINT, seedProcedureTargets } from './test-support';

interface World {
  owner: SessionUser;
  /** The invitation's addressee: the one caller who can accept it. */
  invitee: SessionUser;
  workspaceId: string;
  projectId: string;
  memberId: string;
  invitationId: string;
  invitationToken: string;
  sampleId: string;
  historyId: number;
  angleId: string;
  pointId: string;
  projectFile: string;
  reportVersionId: string;
  shareLinkId: string;
  shareToken: string;
  apiTokenId: string;
  decisionId: string;
}

/** A valid input per procedure path (`undefined`: the procedure takes none); hostile inputs derive from it. */
const VALID_INPUTS: Record<string, (w: World) => unknown> = {
  'session.me': () => undefined,
  'workspaces.list': () => undefined,
  'workspaces.create': () => ({ name: 'New' }),
  'workspaces.get': (w) => ({ workspaceId: w.workspaceId }),
  'workspaces.rename': (w) => ({ workspaceId: w.workspaceId, name: 'Renamed', version: 1 }),
  'workspaces.delete': (w) => ({ workspaceId: w.workspaceId }),
  'members.list': (w) => ({ workspaceId: w.workspaceId }),
  'portfolio.list': (w) => ({ workspaceId: w.workspaceId }),
  'members.changeRole': (w) => ({ workspaceId: w.workspaceId, userId: w.memberId, role: 'editor' }),
  'members.remove': (w) => ({ workspaceId: w.workspaceId, userId: w.memberId }),
  'apiTokens.create': (w) => ({
    workspaceId: w.workspaceId,
    name: 'Nightly labels',
    role: 'editor',
    expiresAt: '2099-01-01T00:00:00Z',
  }),
  'apiTokens.list': (w) => ({ workspaceId: w.workspaceId }),
  'apiTokens.revoke': (w) => ({ workspaceId: w.workspaceId, tokenId: w.apiTokenId }),
  'invitations.create': (w) => ({ workspaceId: w.workspaceId, email: 'new@example.test', role: 'viewer' }),
  'invitations.list': (w) => ({ workspaceId: w.workspaceId }),
  'invitations.revoke': (w) => ({ workspaceId: w.workspaceId, invitationId: w.invitationId }),
  'invitations.preview': (w) => ({ token: w.invitationToken }),
  'invitations.accept': (w) => ({ token: w.invitationToken }),
  'projects.list': (w) => ({ workspaceId: w.workspaceId }),
  'projects.get': (w) => ({ projectId: w.projectId }),
  'projects.create': (w) => ({ workspaceId: w.workspaceId, name: 'P2' }),
  'projects.update': (w) => ({ projectId: w.projectId, version: 1, name: 'P1 renamed' }),
  'projects.setArchived': (w) => ({ projectId: w.projectId, version: 1, archived: true }),
  'portability.exportJson': (w) => ({ projectId: w.projectId }),
  'portability.importJson': (w) => ({ workspaceId: w.workspaceId, file: w.projectFile }),
  'audit.list': (w) => ({ workspaceId: w.workspaceId, limit: 5 }),
  'demo.instance': () => undefined,
  'demo.create': () => undefined,
  'agreement.list': (w) => ({ projectId: w.projectId }),
  'agreement.get': (w) => ({ projectId: w.projectId, sampleId: w.sampleId }),
  'agreement.rename': (w) => ({ projectId: w.projectId, sampleId: w.sampleId, version: 1, name: 'B2' }),
  'agreement.rescore': (w) => ({
    projectId: w.projectId,
    sampleId: w.sampleId,
    version: 1,
    level: 'ordinal',
    order: ['x', 'y'],
  }),
  'agreement.delete': (w) => ({ projectId: w.projectId, sampleId: w.sampleId }),
  'agreement.setReference': (w) => ({ projectId: w.projectId, sampleId: w.sampleId }),
  'agreement.setThreshold': (w) => ({ projectId: w.projectId, version: 1, threshold: 0.7 }),
  'worksheet.get': (w) => ({ projectId: w.projectId }),
  'worksheet.context': (w) => ({ projectId: w.projectId }),
  'worksheet.save': (w) => ({
    projectId: w.projectId,
    questionId: 'C.entity',
    baseVersion: 0,
    value: 'A listing',
  }),
  'worksheet.history': (w) => ({ projectId: w.projectId }),
  'worksheet.restore': (w) => ({ projectId: w.projectId, historyId: w.historyId, baseVersion: 1 }),
  'worksheet.applyTemplate': (w) => ({ projectId: w.projectId, templateId: 'ranking-retrieval' }),
  'roadmap.assessment': (w) => ({ projectId: w.projectId }),
  'roadmap.saveAnswers': (w) => ({ projectId: w.projectId, version: 0, answers: { 'code.review': 'yes' } }),
  'roadmap.setTargetOverride': (w) => ({
    projectId: w.projectId,
    version: 0,
    override: { level: 2, reason: 'Many markets' },
  }),
  'roadmap.get': (w) => ({ projectId: w.projectId }),
  'roadmap.generate': (w) => ({ projectId: w.projectId, version: 1, startDate: '2025-03-03' }),
  'roadmap.edit': (w) => ({
    projectId: w.projectId,
    version: 1,
    edit: { type: 'setPhaseEstimate', phaseId: 'heuristic', estimate: { low: 1, likely: 2, high: 3 } },
  }),
  'roadmap.resolveConflicts': (w) => ({
    projectId: w.projectId,
    version: 1,
    resolutions: [{ phaseId: 'heuristic', field: null, choice: 'keep-manual' }],
  }),
  'roadmap.export': (w) => ({ projectId: w.projectId, format: 'ics' }),
  'report.preview': (w) => ({ projectId: w.projectId }),
  'report.publish': (w) => ({ projectId: w.projectId, note: 'First' }),
  'report.versions': (w) => ({ projectId: w.projectId }),
  'report.getVersion': (w) => ({ projectId: w.projectId, versionId: w.reportVersionId }),
  'report.diff': (w) => ({ projectId: w.projectId, to: w.reportVersionId }),
  'report.createShareLink': (w) => ({
    projectId: w.projectId,
    versionId: w.reportVersionId,
    expiresAt: '2099-01-01T00:00:00Z',
  }),
  'report.listShareLinks': (w) => ({ projectId: w.projectId }),
  'report.revokeShareLink': (w) => ({ projectId: w.projectId, linkId: w.shareLinkId }),
  'report.shared': (w) => ({ token: w.shareToken }),
  'report.decisions': (w) => ({ projectId: w.projectId }),
  'report.recordMeetingDecision': (w) => ({
    projectId: w.projectId,
    versionId: w.reportVersionId,
    decision: 'approve-with-conditions',
    comment: 'Only for the EU market',
    name: 'Steering committee',
  }),
  'report.hideDecision': (w) => ({ projectId: w.projectId, decisionId: w.decisionId }),
  'report.recordDecision': (w) => ({
    token: w.shareToken,
    decision: 'approve',
    comment: 'Go ahead',
    name: 'Dana',
    email: 'dana@example.com',
  }),
  'tradeoff.get': (w) => ({ projectId: w.projectId }),
  'tradeoff.summary': (w) => ({ projectId: w.projectId }),
  'tradeoff.adoptExamples': (w) => ({ projectId: w.projectId }),
  'tradeoff.createAngle': (w) => ({ projectId: w.projectId, angle: SAMPLE_ANGLE }),
  'tradeoff.updateAngle': (w) => ({
    projectId: w.projectId,
    angleId: w.angleId,
    version: 1,
    angle: SAMPLE_ANGLE,
  }),
  'tradeoff.deleteAngle': (w) => ({ projectId: w.projectId, angleId: w.angleId, version: 1 }),
  'tradeoff.createMeasured': (w) => ({ projectId: w.projectId, point: SAMPLE_POINT }),
  'tradeoff.updateMeasured': (w) => ({
    projectId: w.projectId,
    pointId: w.pointId,
    version: 1,
    point: SAMPLE_POINT,
  }),
  'tradeoff.deleteMeasured': (w) => ({ projectId: w.projectId, pointId: w.pointId, version: 1 }),
  'tradeoff.updateSettings': (w) => ({
    projectId: w.projectId,
    version: 1,
    settings: {
      metricName: 'F1',
      maxQuality: 1,
      targetQuality: 0.8,
      ceilingOverride: null,
      value: {
        mode: 'per-quality-point',
        valuePerPoint: 1000,
        costPerError: null,
        volume: null,
        baselineQuality: null,
      },
      teamCost: { amount: 100, per: 'day' },
      workStartedOn: '2025-01-06',
    },
  }),
};

/** Who calls each procedure: the owner, except where only someone else can succeed. */
const CALLED_BY: Readonly<Record<string, (w: World) => SessionUser>> = {
  'invitations.accept': (w) => w.invitee,
};

async function seedWorld(db: Db): Promise<World> {
  const [owner, member, invitee] = await seedUsers(db, [{}, {}, {}]);
  if (!owner || !member || !invitee) throw new Error('seed failed');
  const ws = await createWorkspace(db, { name: 'Fuzz', actorId: owner.id });
  await db.insert(schema.membership).values({ workspaceId: ws.id, userId: member.id, role: 'viewer' });
  const project = await createProject(db, { workspaceId: ws.id, name: 'P1', actorId: owner.id });
  const { invitation, historyId, sampleId } = await seedProcedureTargets(db, {
    workspaceId: ws.id,
    projectId: project.id,
    inviteeEmail: invitee.email,
    actorId: owner.id,
  });
  const point = await createMeasuredPoint(db, {
    projectId: project.id,
    point: SAMPLE_POINT,
    actorId: owner.id,
  });
  const api = callerFor(db, owner);
  const angles = [await api.tradeoff.createAngle({ projectId: project.id, angle: SAMPLE_ANGLE })];
  await api.roadmap.generate({ projectId: project.id, version: 0, startDate: '2025-03-03' });
  const projectFile = JSON.stringify(await api.portability.exportJson({ projectId: project.id }));
  const version = await api.report.publish({ projectId: project.id });
  const link = await api.report.createShareLink({
    projectId: project.id,
    versionId: version.id,
    allowFeedback: true,
  });
  const decision = await api.report.recordMeetingDecision({
    projectId: project.id,
    versionId: version.id,
    decision: 'approve',
    name: 'Board',
  });
  const apiToken = await api.apiTokens.create({ workspaceId: ws.id, name: 'Fuzz job', role: 'viewer' });
  const angle = angles[0];
  if (!angle) throw new Error('seed failed');
  return {
    owner,
    invitee,
    workspaceId: ws.id,
    projectId: project.id,
    memberId: member.id,
    invitationId: invitation.id,
    invitationToken: invitation.token,
    sampleId,
    historyId,
    angleId: angle.id,
    pointId: point.id,
    projectFile,
    reportVersionId: version.id,
    shareLinkId: link.id,
    shareToken: link.token,
    apiTokenId: apiToken.id,
    decisionId: decision.id,
  };
}

const CLIENT_CODES: readonly TRPCError['code'][] = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHORIZED',
  'TOO_MANY_REQUESTS',
];

/** A well-formed id (UUID v4 layout) of nothing: fixed, so every run tries the same inputs. */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Larger than the HTTP body limit: in-process callers bypass it, so the schemas alone must refuse it. */
const HUGE_STRING = 'x'.repeat(1_100_000);

function nested(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

const POLLUTING = JSON.parse(
  '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}',
);

/** Each of these goes, in turn, into every field of every procedure's valid input. */
const HOSTILE_CONSTANTS: readonly unknown[] = [
  null,
  true,
  -1,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 53,
  1e308,
  '',
  'a\u0000b',
  '\uD800',
  '__proto__',
  "'; drop table workspace; --",
  '2025-02-30',
  UNKNOWN_ID,
  [],
  {},
  HUGE_STRING,
  POLLUTING,
  nested(10_000, 'x', (inner) => ({ a: inner })),
  nested(10_000, 1, (inner) => [inner]),
  Array.from({ length: 100_000 }, () => 'yes'),
];

/**
 * Tried in every field: text PostgreSQL cannot store, non-finite and oversized values, pollution keys,
 * and an id nothing has (in an id field it gets past the schema to the lookups and access checks).
 */
const EVERY_FIELD: readonly unknown[] = [
  UNKNOWN_ID,
  null,
  Number.NaN,
  1e308,
  'a\u0000b',
  '\uD800',
  HUGE_STRING,
  POLLUTING,
];

/** A procedure that takes no input ignores what it is sent, but must still refuse text it cannot store. */
const IGNORED_INPUTS: readonly unknown[] = [
  POLLUTING,
  'a\u0000b',
  '\uD800',
  nested(10_000, 'a\u0000b', (inner) => ({ a: inner })),
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS), weight: 3 },
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.double(),
  fc.integer(),
  fc.dictionary(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf'),
    fc.jsonValue(),
    { maxKeys: 3 },
  ),
);

type Mutation =
  | { kind: 'whole'; value: unknown }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'extraKey'; at: number; key: string; value: unknown };

/**
 * Random changes beyond the fixed ones (each hostile constant as the whole input, EVERY_FIELD in each
 * field): any hostile value in one field of `base`, or an extra key in one of its objects.
 */
function randomMutation(base: unknown): fc.Arbitrary<Mutation> {
  const fields = pathsOf(base).length - 1;
  const extraKey = fc.record({
    kind: fc.constant('extraKey' as const),
    at: fc.nat(),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'then'),
    value: hostileValue,
  });
  if (fields === 0) return extraKey;
  const replace = fc.record({
    kind: fc.constant('replace' as const),
    at: fc.integer({ min: 1, max: fields }),
    value: hostileValue,
  });
  return fc.oneof({ arbitrary: replace, weight: 3 }, extraKey);
}

type Path = readonly (string | number)[];

/** Paths to every value inside `value` (the root included), depth first. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) paths.push(...pathsOf(item, [...prefix, i]));
  } else if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value)) paths.push(...pathsOf(inner, [...prefix, key]));
  return paths;
}

/** Sets an own property, even one named `__proto__`, as JSON.parse would. */
function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function applyMutation(base: unknown, change: Mutation): unknown {
  if (change.kind === 'whole') return change.value;
  const paths = change.kind === 'extraKey' ? pathsOf(base).filter((p) => isObjectAt(base, p)) : pathsOf(base);
  const path = paths[change.at % Math.max(paths.length, 1)] ?? [];
  if (change.kind === 'replace' && path.length === 0) return change.value;
  const copy = structuredClone(base);
  if (change.kind === 'extraKey' && path.length === 0) {
    if (typeof copy === 'object' && copy !== null) setOwn(copy, change.key, change.value);
    return copy;
  }
  let parent: unknown = copy;
  for (const key of path.slice(0, change.kind === 'extraKey' ? path.length : -1)) {
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null) return copy;
  if (change.kind === 'extraKey') setOwn(parent, change.key, change.value);
  else setOwn(parent, path[path.length - 1] ?? '', change.value);
  return copy;
}

function isObjectAt(root: unknown, path: Path): boolean {
  let value = root;
  for (const key of path) value = (value as Record<string | number, unknown>)[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the input still holds HUGE_STRING somewhere a schema reads (not under an added key). */
function carriesHugeString(change: Mutation): boolean {
  return change.kind !== 'extraKey' && change.value === HUGE_STRING;
}

function procedureAt(api: Caller, path: string): (input: unknown) => Promise<unknown> {
  let node: unknown = api;
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  if (typeof node !== 'function') throw new Error(`no procedure ${path}`);
  return node as (input: unknown) => Promise<unknown>;
}

/** A seed per procedure: each explores its own random inputs, and every run repeats them. */
function seedFor(path: string): number {
  return createHash('sha256').update(path).digest().readInt32LE(0);
}

/**
 * Runs `fn` in a transaction that is then rolled back, whatever `fn` wrote; errors `fn` throws pass
 * through. Procedures get the transaction as their database, and their own transactions become savepoints.
 */
async function rolledBack(db: Db, fn: (tx: Db) => Promise<void>): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await fn(tx);
      tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
}

function describeInput(input: unknown): string {
  try {
    const text = JSON.stringify(input, (_key, value) =>
      typeof value === 'string' && value.length > 60 ? `<${value.length} chars>` : value,
    );
    return text === undefined ? 'undefined' : text.slice(0, 300);
  } catch {
    return '<too deeply nested to print>';
  }
}

const PROCEDURES = Object.entries(appRouter._def.procedures).map(([path, procedure]) => ({
  path,
  takesInput: ((procedure as unknown as { _def: { inputs: unknown[] } })._def.inputs?.length ?? 0) > 0,
}));

/**
 * Whether the transaction `tx` changed any row. A transaction gets an id only when it first writes (or
 * locks a row), so one cheap call settles most calls; with an id, the fingerprint tells whether rows
 * changed (a savepoint rolled back or a row lock leaves them as they were).
 */
async function changedRows(tx: Db, tables: readonly string[], seeded: string): Promise<boolean> {
  const { rows } = (await tx.execute(
    sql`select pg_current_xact_id_if_assigned() is not null as wrote`,
  )) as unknown as { rows: { wrote: boolean }[] };
  if (rows[0]?.wrote !== true) return false;
  return (await databaseFingerprint(tx, tables)) !== seeded;
}

describeOnEachDatabase('hostile tRPC inputs', (getDb) => {
  let world: World;
  let tables: readonly string[];
  let seeded: string;
  beforeAll(async () => {
    const db = getDb();
    world = await seedWorld(db);
    tables = await fingerprintTables(db);
    seeded = await databaseFingerprint(db, tables);
  });

  it('has a valid input for every procedure of appRouter, and none for procedures that do not exist', () => {
    expect(Object.keys(VALID_INPUTS).sort()).toEqual(PROCEDURES.map((p) => p.path).sort());
  });

  it('sees an insert, an update or a delete inside the transaction, and the rollback undoes each', async () => {
    const db = getDb();
    const writes: Record<string, (tx: Db) => Promise<unknown>> = {
      nothing: (tx) => tx.select().from(schema.workspace),
      insert: (tx) => tx.insert(schema.workspace).values({ name: 'Extra' }),
      update: (tx) =>
        tx
          .update(schema.workspace)
          .set({ name: 'Changed' })
          .where(eq(schema.workspace.id, world.workspaceId)),
      delete: (tx) => tx.delete(schema.membership).where(eq(schema.membership.userId, world.memberId)),
    };
    const seen: Record<string, boolean> = {};
    for (const [name, write] of Object.entries(writes)) {
      await rolledBack(db, async (tx) => {
        await write(tx);
        seen[name] = await changedRows(tx, tables, seeded);
      });
    }
    expect(seen).toEqual({ nothing: false, insert: true, update: true, delete: true });
    expect(await databaseFingerprint(db, tables)).toBe(seeded);
  });

  it.for(PROCEDURES)(
    '$path answers hostile inputs with a client error and writes nothing when refused',
    async ({ path, takesInput }) => {
      const db = getDb();
      const valid = VALID_INPUTS[path];
      if (valid === undefined) throw new Error(`no valid input for ${path}`);
      const base = valid(world);
      const caller = CALLED_BY[path]?.(world) ?? world.owner;
      const check = (change: Mutation) =>
        rolledBack(db, async (tx) => {
          const input = applyMutation(base, change);
          let error: unknown = null;
          try {
            await procedureAt(callerFor(tx, caller), path)(input);
          } catch (caught) {
            error = caught;
          }
          expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
          if (error === null) {
            if (takesInput && carriesHugeString(change))
              throw new Error(`${path} accepted a 1.1 MB string: ${describeInput(input)}`);
            return;
          }
          if (!(error instanceof TRPCError))
            throw new Error(`${path} threw ${String(error)} for ${describeInput(input)}`);
          if (!CLIENT_CODES.includes(error.code)) {
            const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
            throw new Error(
              `${path} answered ${error.code} (${error.message}; ${cause}) for ${describeInput(input)}`,
            );
          }
          // Inside the transaction, anything the refused call wrote is still visible.
          if (await changedRows(tx, tables, seeded))
            throw new Error(`${path} wrote while refusing ${describeInput(input)}`);
        });
      if (!takesInput) {
        // Calling it normally costs a full run (demo.create builds a whole demo): once is enough.
        for (const value of IGNORED_INPUTS) await check({ kind: 'whole', value });
      } else {
        const fields = pathsOf(base).length - 1;
        for (const value of HOSTILE_CONSTANTS) await check({ kind: 'whole', value });
        for (const value of EVERY_FIELD) {
          for (let at = 1; at <= fields; at++) await check({ kind: 'replace', at, value });
        }
        await fc.assert(fc.asyncProperty(randomMutation(base), check), { seed: seedFor(path), numRuns: 10 });
      }
      // Every call was rolled back: the next procedure meets the world as seeded.
      expect(await databaseFingerprint(db, tables)).toBe(seeded);
    },
  );
});
