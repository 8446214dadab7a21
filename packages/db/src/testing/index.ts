import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createDb, type Db, type DbHandle, MIGRATIONS_FOLDER, migrateDb } from '../client';
import { DomainError } from '../errors';
import { user } from '../schema';

/**
 * Runs a suite once per database: on an in-memory PGlite migrated once for the file, and, when
 * `TEST_DATABASE_URL` is set, again on a throwaway PostgreSQL database created on that server and
 * dropped afterwards. Tests share the database within a run, so each should seed its own rows.
 */
export function describeOnEachDatabase(name: string, fn: (getDb: () => Db) => void): void {
  describe(`${name} [pglite]`, () => {
    const getDb = useDatabase(() => openPglite());
    fn(getDb);
  });
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    describe(`${name} [postgres]`, () => {
      const getDb = useDatabase(() => openThrowawayPostgres(url));
      fn(getDb);
    });
  }
}

interface Opened {
  handle: DbHandle;
  dispose(): Promise<void>;
}

function useDatabase(open: () => Promise<Opened>): () => Db {
  let opened: Opened | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  return () => {
    if (!opened) throw new Error('The test database is not open yet: call getDb() inside a test or hook');
    return opened.handle.db;
  };
}

async function openPglite(): Promise<Opened> {
  const handle = await createDb({ pgliteTemplate: await loadPgliteTemplate() });
  // A no-op on the migrated template; it also proves the template matches the committed migrations.
  await migrateDb(handle.db, handle.driver);
  return { handle, dispose: () => handle.close() };
}

/**
 * A dump of a freshly migrated PGlite, cached in the OS temp folder under a hash of the migrations
 * and the PGlite version. Loading it skips initdb and the migrations (≈ 5 s → ≈ 2 s per test file).
 */
async function loadPgliteTemplate(): Promise<Blob> {
  // The installed PGlite build is part of the key: a dump may not load in another version.
  const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const hash = createHash('sha256').update(`${pgliteEntry}:${statSync(pgliteEntry).mtimeMs}`);
  for (const file of readdirSync(MIGRATIONS_FOLDER, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(MIGRATIONS_FOLDER, file);
    if (statSync(path).isFile()) hash.update(file).update(readFileSync(path));
  }
  const cachePath = join(tmpdir(), `raisin-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(cachePath)) return new Blob([await readFile(cachePath)]);
  const fresh = new PGlite();
  try {
    await migratePglite(drizzle(fresh), { migrationsFolder: MIGRATIONS_FOLDER });
    const dump = await fresh.dumpDataDir('none');
    // Write then rename, so a test file running in parallel never reads half a template.
    const partial = `${cachePath}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, cachePath);
    return dump;
  } finally {
    await fresh.close();
  }
}

async function openThrowawayPostgres(url: string): Promise<Opened> {
  const databaseName = `raisin_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${databaseName}`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const testUrl = new URL(url);
  testUrl.pathname = `/${databaseName}`;
  const handle = await createDb({ url: testUrl.toString(), maxConnections: 4 });
  const dispose = async () => {
    await handle.close();
    try {
      await admin.query(`drop database if exists ${databaseName} with (force)`);
    } finally {
      await admin.end();
    }
  };
  try {
    await migrateDb(handle.db, handle.driver);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { handle, dispose };
}

/** Expects `promise` to reject with the DomainError of `code`. */
export const rejectsWith = (promise: Promise<unknown>, code: DomainError['code']) =>
  expect(promise).rejects.toSatisfy((error) => error instanceof DomainError && error.code === code);

export interface SeededUser {
  id: string;
  email: string;
  name: string;
}

function buildUser(overrides: Partial<SeededUser>): SeededUser {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    email: overrides.email ?? `user-${id}@example.test`,
    name: overrides.name ?? `User ${id.slice(0, 8)}`,
  };
}

/** Inserts users directly (no better-auth, no password), each with a unique email unless given. */
export async function seedUsers(db: Db, overrides: readonly Partial<SeededUser>[]): Promise<SeededUser[]> {
  const rows = overrides.map(buildUser);
  if (rows.length > 0) await db.insert(user).values(rows);
  return rows;
}

export async function seedUser(db: Db, overrides: Partial<SeededUser> = {}): Promise<SeededUser> {
  const seeded = buildUser(overrides);
  await db.insert(user).values(seeded);
  return seeded;
}
export { databaseFingerprint, fingerprintTables } from './fingerprint';
