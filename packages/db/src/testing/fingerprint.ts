import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/**
 * The tables a fingerprint covers: every table of the public schema except the rate-limit counters
 * (`rate_limit`), which count refused requests too, by design. Read it once and pass it to
 * `databaseFingerprint` when fingerprinting often: the catalogue lookup costs more than the counts.
 */
export async function fingerprintTables(db: Db): Promise<readonly string[]> {
  const tables = (await db.execute(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'rate_limit' order by table_name`,
  )) as unknown as { rows: { name: string }[] };
  return tables.rows.map(({ name }) => name);
}

/**
 * One value that changes when any row of any table is inserted, updated or deleted: per table the row
 * count and the newest row version (`xmin`, which every insert and update sets to a new transaction id,
 * a savepoint's own id inside one). Tests compare it before and after a refused request to prove nothing
 * was written.
 */
export async function databaseFingerprint(db: Db, tables?: readonly string[]): Promise<string> {
  const parts = (tables ?? (await fingerprintTables(db))).map(
    (name) => `(select count(*) || ':' || coalesce(max(xmin::text::bigint), 0) from "${name}")`,
  );
  const result = (await db.execute(
    sql.raw(`select concat_ws('|', ${parts.join(', ')}) as fp`),
  )) as unknown as {
    rows: { fp: string }[];
  };
  return result.rows[0]?.fp ?? '';
}
