import type { Sqlite } from './open';

const handles = new WeakMap<object, Sqlite>();

/** The store's connection is private to db/: createStore binds it here, db/ modules find it by the store. */
export function bindHandle(store: object, db: Sqlite): void {
  handles.set(store, db);
}

/**
 * The raw connection behind a store. Only db/ (and tests or benches that look at tables directly) may
 * import this: services read through `store.read.<cap>` and write through `store.write()`.
 */
export function sqliteOf(store: object): Sqlite {
  const db = handles.get(store);
  if (!db) throw new Error('sqliteOf: not a store made by createStore');
  return db;
}
