/** A row as better-sqlite3 returns it: snake_case columns. */
export type Raw = Record<string, unknown>;

/** Where a field comes from: a column taken as it is (NULL stays null), or a function of the row. */
export type Field<V> = string | ((r: Raw) => V);

/** One entry per field of T: the typed face of a row, said once per reader. */
export type RowSpec<T> = { [K in keyof T]-?: Field<T[K]> };

/** The one row mapper of the readers: builds T from a row by its spec. */
export function rowMapper<T>(spec: RowSpec<T>): (r: Raw) => T {
  const fields = Object.entries(spec) as Array<[string, Field<unknown>]>;
  return (r) => {
    const out: Raw = {};
    for (const [key, f] of fields) out[key] = typeof f === 'string' ? (r[f] ?? null) : f(r);
    return out as T;
  };
}

/** A JSON text column, parsed (NULL stays null). */
export const json =
  <V>(column: string) =>
  (r: Raw): V =>
    r[column] == null ? (null as V) : (JSON.parse(r[column] as string) as V);

/** A 0/1 column as a boolean (NULL stays null). */
export const flag = (column: string) => (r: Raw) => (r[column] == null ? null : r[column] === 1);
