/**
 * The one way a row guarded by a `version` column is changed: optimistic concurrency with the row locked.
 * Every feature's edit (workspaces, projects, samples, attack angles, measured points, tradeoff settings)
 * goes through `updateAtVersion` or `lockAtVersion`, so a stale write always fails the same way: a
 * VERSION_CONFLICT whose details carry `currentVersion`, which clients use to re-read and retry.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { DomainError } from '../errors';
import { type AuditEntryInput, writeAuditEntry } from './audit';

/** A table whose rows carry an optimistic-concurrency version. */
export type VersionedTable = PgTable & { readonly version: PgColumn };

/**
 * The error for a write whose version is no longer current. `currentVersion` is the row's version now,
 * 0 when it has been removed; `by` names who changed it, and `details` adds what a client needs to show
 * what it lost to.
 */
export function versionConflict(
  what: string,
  currentVersion: number,
  context: { readonly by?: string | null; readonly details?: Readonly<Record<string, unknown>> } = {},
): DomainError {
  const message =
    currentVersion === 0
      ? `This ${what} was removed by someone else; reload and try again`
      : `This ${what} was changed by ${context.by ?? 'someone else'} (now at version ${currentVersion}); reload and try again`;
  return new DomainError('VERSION_CONFLICT', message, { ...context.details, currentVersion });
}

export interface AtVersion<T extends VersionedTable> {
  readonly table: T;
  /** Selects the one row, including its parent's scope (say, the project) so an id from elsewhere misses. */
  readonly where: SQL | undefined;
  /** The version the writer read. */
  readonly version: number;
  /** Names the row in the conflict's sentence ("attack angle"). */
  readonly what: string;
  readonly notFound: () => DomainError;
}

/**
 * Reads the row under lock (a concurrent writer waits, then sees the new version) and checks it still
 * exists at `version`. Run inside the transaction that then changes or deletes it.
 * @throws the `notFound` error, or VERSION_CONFLICT with `currentVersion`
 */
export async function lockAtVersion<T extends VersionedTable>(
  tx: Db,
  target: AtVersion<T>,
): Promise<T['$inferSelect']> {
  const [before] = (await tx
    .select()
    .from(target.table as PgTable)
    .where(target.where)
    .for('update')) as T['$inferSelect'][];
  if (before === undefined) throw target.notFound();
  const current = (before as { version: number }).version;
  if (current !== target.version) throw versionConflict(target.what, current);
  return before;
}

export interface UpdateAtVersion<T extends VersionedTable> extends AtVersion<T> {
  /** The new values; the version is bumped here. */
  readonly set: PgUpdateSetSource<T>;
  /** The audit entry written in the same transaction, from the row before and after. */
  readonly audit?: (before: T['$inferSelect'], after: T['$inferSelect']) => AuditEntryInput;
}

/**
 * Applies `set` to the row if it is still at `version`, bumping the version, and writes its audit entry,
 * all in the caller's transaction. The UPDATE is itself guarded by the version, so it is safe even where
 * the lock is not held (a database without row locks would still refuse the stale write).
 * @throws the `notFound` error, or VERSION_CONFLICT with `currentVersion`
 */
export async function updateAtVersion<T extends VersionedTable>(
  tx: Db,
  change: UpdateAtVersion<T>,
): Promise<{ before: T['$inferSelect']; after: T['$inferSelect'] }> {
  const before = await lockAtVersion(tx, change);
  const table = change.table as VersionedTable;
  const [after] = (await tx
    .update(table)
    .set({ ...change.set, version: sql`${table.version} + 1` } as PgUpdateSetSource<VersionedTable>)
    .where(and(change.where, eq(table.version, change.version)))
    .returning()) as T['$inferSelect'][];
  if (after === undefined) throw versionConflict(change.what, change.version + 1);
  if (change.audit) await writeAuditEntry(tx, change.audit(before, after));
  return { before, after };
}

export interface UpsertAtVersion<T extends VersionedTable> {
  readonly table: T;
  /** Selects the one row of the document (say, a project's roadmap). */
  readonly where: SQL | undefined;
  /** The version the writer read: 0 when the document was not saved yet. */
  readonly version: number;
  readonly what: string;
  /** The row to insert when there is none yet, and the changes to an existing one (the version is bumped here). */
  readonly change: (current: T['$inferSelect'] | null) => Promise<{
    readonly insert: T['$inferInsert'];
    readonly set: PgUpdateSetSource<T>;
  }>;
  readonly audit?: (after: T['$inferSelect']) => AuditEntryInput;
}

/**
 * Writes a one-row document (created by its first save) if it is still at `version`, in the caller's
 * transaction, with its audit entry. Two first saves race on the primary key: the loser inserts nothing and
 * gets the conflict.
 * @throws VERSION_CONFLICT with `currentVersion`
 */
export async function upsertAtVersion<T extends VersionedTable>(
  tx: Db,
  doc: UpsertAtVersion<T>,
): Promise<T['$inferSelect']> {
  const table = doc.table as VersionedTable;
  const [current] = (await tx.select().from(table).where(doc.where).for('update')) as T['$inferSelect'][];
  const currentVersion = current === undefined ? 0 : (current as { version: number }).version;
  if (currentVersion !== doc.version) throw versionConflict(doc.what, currentVersion);
  const { insert, set } = await doc.change(current ?? null);
  const [row] = (
    current === undefined
      ? await tx
          .insert(table)
          .values(insert as VersionedTable['$inferInsert'])
          .onConflictDoNothing()
          .returning()
      : await tx
          .update(table)
          .set({ ...set, version: sql`${table.version} + 1` } as PgUpdateSetSource<VersionedTable>)
          .where(and(doc.where, eq(table.version, doc.version)))
          .returning()
  ) as T['$inferSelect'][];
  if (row === undefined) throw versionConflict(doc.what, currentVersion + 1);
  if (doc.audit) await writeAuditEntry(tx, doc.audit(row));
  return row;
}
