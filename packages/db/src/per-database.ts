import type { Db } from './client';

/**
 * A value built once per database handle and kept as long as the handle lives: prepared statements
 * (drizzle builds a query's SQL on every call otherwise, a sizeable share of a small request's CPU) and
 * per-handle buffers.
 */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
}
