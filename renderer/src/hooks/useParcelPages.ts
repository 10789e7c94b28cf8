import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onPush, ApiFailure } from '../api/client';
import type { AppendedEvent, Input, Output } from '../../../electron/contract/channels';

type Parcel = Output<'parcels.list'>['rows'][number];
export type ParcelQuery = Pick<Input<'parcels.list'>, 'q' | 'status' | 'lineId' | 'sort'>;

export const PAGE = 250;

/** Events whose subject is a parcel whose row may have changed. */
const touchesParcel = (e: AppendedEvent) => e.type.startsWith('parcel.') || e.type === 'label.printed' || e.type.startsWith('job.');

/**
 * Every parcel of a filter, reachable by index, without holding them all: pages of PAGE rows are
 * asked for as they come into view (keyset after the page above when it is loaded, else by offset),
 * and a push changes only the rows it names (parcels picked since are put on top). The list is never
 * fetched again whole because of an event.
 */
export function useParcelPages(query: ParcelQuery) {
  const key = JSON.stringify(query);
  const state = useRef({ key, total: null as number | null, pages: new Map<number, Parcel[]>(), loading: new Set<number>(), fresh: [] as Parcel[] });
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const bump = () => setVersion((v) => v + 1);

  const fetchPage = useCallback(async (k: number) => {
    const s = state.current;
    if (s.pages.has(k) || s.loading.has(k)) return;
    s.loading.add(k);
    const q = JSON.parse(s.key) as ParcelQuery;
    const above = s.pages.get(k - 1);
    const keyset = !q.sort && above?.length === PAGE;
    try {
      const r = await call('parcels.list', {
        ...q,
        limit: PAGE,
        ...(keyset ? { after: above[above.length - 1].id } : { offset: k * PAGE + s.fresh.length }),
        count: k === 0,
      });
      if (state.current !== s) return;
      s.pages.set(k, r.rows);
      if (r.total !== null) s.total = r.total;
      setError(null);
    } catch (e) {
      if (state.current === s) setError(e instanceof ApiFailure ? e.message : String(e));
    } finally {
      s.loading.delete(k);
      if (state.current === s) bump();
    }
  }, []);

  // A new filter starts over from its first page.
  useEffect(() => {
    state.current = { key, total: null, pages: new Map(), loading: new Set(), fresh: [] };
    bump();
    void fetchPage(0);
  }, [key, fetchPage]);

  // Pushes: ask for just the parcels the events name, one request in flight at a time.
  const pending = useRef(new Set<string>());
  const busy = useRef(false);
  const applyDelta = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      while (pending.current.size) {
        const ids = [...pending.current].slice(0, 500);
        ids.forEach((id) => pending.current.delete(id));
        const s = state.current;
        if (!s.pages.has(0)) continue;
        const q = JSON.parse(s.key) as ParcelQuery;
        const { rows } = await call('parcels.list', { ...q, ids, limit: ids.length, count: false }).catch(() => ({ rows: [] as Parcel[] }));
        if (state.current !== s) continue;
        const got = new Map(rows.map((r) => [r.id, r]));
        const newest = s.fresh[0]?.id ?? s.pages.get(0)?.[0]?.id ?? '';
        let known = false;
        const swap = (list: Parcel[]) => {
          for (let i = list.length - 1; i >= 0; i--) {
            if (!ids.includes(list[i].id)) continue;
            known = true;
            const now = got.get(list[i].id);
            got.delete(list[i].id);
            if (now) list[i] = now;
            else {
              // It no longer matches the filter (a status filter and it moved on).
              list.splice(i, 1);
              if (s.total !== null && list !== s.fresh) s.total--;
            }
          }
        };
        swap(s.fresh);
        for (const page of s.pages.values()) swap(page);
        // What is left is new to this list: newer parcels on top.
        const added = [...got.values()].filter((r) => q.sort || r.id > newest).sort((a, b) => (a.id < b.id ? 1 : -1));
        if (added.length) s.fresh = [...added, ...s.fresh];
        if (known || added.length) bump();
      }
    } finally {
      busy.current = false;
    }
  }, []);

  useEffect(
    () =>
      onPush((name, d) => {
        if (name !== 'events.appended') return;
        let any = false;
        for (const e of d as AppendedEvent[]) if (e.subject && touchesParcel(e)) (pending.current.add(e.subject), (any = true));
        if (any) void applyDelta();
      }),
    [applyDelta],
  );

  const s = state.current;
  const loaded = s.total ?? s.pages.get(0)?.length ?? 0;
  const count = s.fresh.length + loaded;
  const row = useCallback(
    (i: number): Parcel | undefined => {
      const st = state.current;
      if (i < st.fresh.length) return st.fresh[i];
      const j = i - st.fresh.length;
      return st.pages.get(Math.floor(j / PAGE))?.[j % PAGE];
    },
    [version],
  );
  /** Make sure the rows from..to (inclusive) are loaded or on their way. */
  const want = useCallback(
    (from: number, to: number) => {
      const f = state.current.fresh.length;
      const a = Math.max(0, Math.floor((from - f) / PAGE));
      const b = Math.max(0, Math.floor((to - f) / PAGE));
      for (let k = a; k <= b; k++) if (k * PAGE < (state.current.total ?? Infinity)) void fetchPage(k);
    },
    [fetchPage],
  );
  return { count, total: s.total, ready: s.pages.has(0), row, want, error, version };
}
