import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { workspace } from '../schema';

/**
 * Whether the instance holds no workspace yet: the sign-up page then offers the demo by default. A yes/no
 * only, so an anonymous caller learns nothing about who uses the instance.
 */
export async function isInstanceEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ one: sql<number>`1` }).from(workspace).limit(1);
  return rows.length === 0;
}
