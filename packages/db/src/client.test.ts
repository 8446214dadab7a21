import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMigrationsApplied, createDb, migrateDb } from './client';
import * as schema from './schema';
import { appSecret, user } from './schema';
import { describeOnEachDatabase } from './testing';

// Every table the Drizzle schema declares: the committed migrations must create exactly these.
const EXPECTED_TABLES = Object.values(schema)
  .flatMap((value) => (is(value, PgTable) ? [getTableName(value)] : []))
  .sort();

describeOnEachDatabase('migrations', (getDb) => {
  it('create every table and are recorded as applied', async () => {
    const db = getDb();
    const tables = await db
      .select({ name: sql<string>`table_name` })
      .from(sql`information_schema.tables`)
      .where(sql`table_schema = 'public'`);
    expect(tables.map((t) => t.name).sort()).toEqual(EXPECTED_TABLES);
    const status = await checkMigrationsApplied(db);
    expect(status.applied).toBe(true);
    expect(status.missing).toBe(0);
    expect(status.expected).toBeGreaterThan(0);
  });

  it('report a migration missing from the bookkeeping table', async () => {
    const db = getDb();
    const rolledBack = new Error('roll back');
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`delete from drizzle.__drizzle_migrations`);
        const status = await checkMigrationsApplied(tx);
        expect(status).toMatchObject({ applied: false, missing: status.expected });
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect((await checkMigrationsApplied(db)).applied).toBe(true);
  });

  it('enforce the role check constraint', async () => {
    const db = getDb();
    await expect(
      db.execute(
        sql`insert into membership (workspace_id, user_id, role) values (gen_random_uuid(), 'x', 'admin')`,
      ),
    ).rejects.toThrow();
  });
});

describe('createDb with a PGlite data folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'raisin-db-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates missing parent folders and keeps data across restarts', async () => {
    const dataDir = join(root, 'nested', 'data');
    const first = await createDb({ dataDir });
    expect(first.driver).toBe('pglite');
    await migrateDb(first.db, first.driver);
    await first.db.insert(user).values({ id: 'u1', name: 'Ada', email: 'ada@example.test' });
    await first.db.insert(appSecret).values({ name: 'k', value: 'v' });
    await first.close();

    const second = await createDb({ dataDir });
    await second.ping();
    // Re-running the migrator on an up-to-date database must change nothing.
    await migrateDb(second.db, second.driver);
    expect((await checkMigrationsApplied(second.db)).applied).toBe(true);
    expect(await second.db.select({ email: user.email }).from(user)).toEqual([{ email: 'ada@example.test' }]);
    await second.close();
  });
});
