import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { bigint, type PgDatabase, type PgQueryResultHKT, pgSchema, serial, text } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;

/** The one database type both drivers satisfy, so query functions never care which runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Driver = 'pglite' | 'postgres';

export interface DbHandle {
  readonly db: Db;
  readonly driver: Driver;
  close(): Promise<void>;
  /** Throws unless the database answers a trivial query (for /readyz). */
  ping(): Promise<void>;
}

export interface CreateDbOptions {
  /** A PostgreSQL connection URL; when set, PostgreSQL is used through a `pg` pool. */
  url?: string | undefined;
  /** A folder for a persistent PGlite database (created if missing); without it, PGlite runs in memory. */
  dataDir?: string | undefined;
  /** A PGlite data-folder dump to start from instead of running initdb (tests use a migrated template). */
  pgliteTemplate?: Blob | undefined;
  /** `pg` pool size (PostgreSQL only). */
  maxConnections?: number | undefined;
}

/** Resolved from this file, not the working folder, so every entry point finds the same migrations. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));

const CONNECT_TIMEOUT_MS = 5_000;

// PostgreSQL handles keep their pool so migrateDb can hold an advisory lock on one connection.
const pools = new WeakMap<Db, pg.Pool>();

export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      // An unreachable database fails a request within seconds (503) instead of holding it open.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    let closing = false;
    // An idle client losing its connection emits on the pool; without a listener Node would crash.
    // Once closing, connections cut by the server (e.g. a dropped test database) are expected.
    pool.on('error', (error) => {
      if (!closing) console.error('[db] idle PostgreSQL client error', error);
    });
    const db: Db = drizzlePg(pool, { schema });
    pools.set(db, pool);
    return {
      db,
      driver: 'postgres',
      close: () => {
        closing = true;
        return pool.end();
      },
      ping: async () => {
        await pool.query('select 1');
      },
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.pgliteTemplate ? { loadDataDir: options.pgliteTemplate } : {}),
  });
  await client.waitReady;
  const db: Db = drizzlePglite(client, { schema });
  return {
    db,
    driver: 'pglite',
    close: () => client.close(),
    ping: async () => {
      await client.query('select 1');
    },
  };
}

/**
 * A FROM item that lets the statement's own transaction commit without waiting for the write-ahead log
 * to reach disk (`set_config(…, true)` lasts until that commit): for counters on hot read paths, such as
 * a shared report's open count, which every viewer updates in one row. A database crash may lose the
 * last fraction of a second of increments but never corrupts or half-writes anything; in return the row
 * lock is held for microseconds instead of an fsync, and a single statement holds it for no round trip.
 */
export const relaxedCommit = sql`(select set_config('synchronous_commit', 'off', true)) as relaxed_commit`;

// Any constant works; it only has to be the same in every instance of this app.
const MIGRATION_LOCK_KEY = 7_245_913_001;

/**
 * Applies the committed migrations in `packages/db/migrations`. On PostgreSQL it holds an advisory
 * lock meanwhile, so instances booting together take turns instead of racing on the same DDL.
 */
export async function migrateDb(db: Db, driver: Driver): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (driver === 'pglite') {
    await migratePglite(db as Parameters<typeof migratePglite>[0], config);
    return;
  }
  const pool = pools.get(db);
  if (!pool) throw new Error('migrateDb: this PostgreSQL database was not opened with createDb');
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client, { schema }), config);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

// drizzle's migrator bookkeeping table (drizzle-orm pg-core/dialect.js `migrate`), read-only here.
const drizzleMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
});

export interface MigrationStatus {
  readonly applied: boolean;
  readonly expected: number;
  readonly missing: number;
}

/** Whether every committed migration has been applied (for /readyz); never changes the database. */
export async function checkMigrationsApplied(db: Db): Promise<MigrationStatus> {
  const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const [table] = await db
    .select({ name: sql<string | null>`to_regclass('drizzle.__drizzle_migrations')::text` })
    .from(sql`(select 1) as probe`);
  if (!table?.name) return { applied: false, expected: expected.length, missing: expected.length };
  const rows = await db.select({ hash: drizzleMigrations.hash }).from(drizzleMigrations);
  const appliedHashes = new Set(rows.map((row) => row.hash));
  const missing = expected.filter((migration) => !appliedHashes.has(migration.hash)).length;
  return { applied: missing === 0, expected: expected.length, missing };
}
