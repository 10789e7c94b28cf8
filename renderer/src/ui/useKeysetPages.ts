import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { onPush, ApiFailure } from '../api/client';
import type { AppendedEvent } from '../../../electron/contract/channels';
import { mergeChanged } from './keyset-merge';
import { afterScrolling } from './scrolling';

/** What a long list asks its channel for, and how it orders and names its rows. */
export interface KeysetSource<Q, Row, Head = never> {
  /** Rows per request while scrolling; a jump far down asks for up to `maxPage` at once. */
  page: number;
  maxPage: number;
  /** The rows after `after` (the last row loaded; none: from the top), in the list's order. */
  fetch(query: Q, after: Row | undefined, limit: number): Promise<{ rows: Row[]; total?: number | null; head?: Head }>;
  /** Only the rows of these subjects, under the query: what a push changed (null: try again at the next push). */
  fetchSubjects(query: Q, subjects: string[]): Promise<{ rows: Row[]; head?: Head } | null>;
  /** The subjects of the pushed events that may change a row of this list. */
  subjectsOf(events: AppendedEvent[]): string[];
  /** The subject a row belongs to (the parcel of an exception, the parcel itself). */
  subjectOf(row: Row): string;
  /** True when `a` comes before `b` in the list, as the server orders it under the query. */
  before(a: Row, b: Row, query: Q): boolean;
}

interface State<Row, Head> {
  key: string;
  rows: Row[];
  total: number | null;
  head: Head | null;
  end: boolean;
  loading: boolean;
  started: boolean;
}

/**
 * A long list paged by keyset only: rows are loaded from the top, a page after the last row loaded,
 * as the end of what is loaded comes near the rows in view (`want`); a jump far down asks for bigger
 * pages until it is there. A push changes only the rows of the subjects its events name: each goes
 * where the server's order puts it (if that is within what is loaded) or leaves the list. The list is
 * never fetched again whole because of an event.
 */
export function useKeysetPages<Q, Row, Head = never>(source: KeysetSource<Q, Row, Head>, query: Q) {
  const key = JSON.stringify(query);
  const fresh = (k: string): State<Row, Head> => ({ key: k, rows: [], total: null, head: null, end: false, loading: false, started: false });
  const state = useRef<State<Row, Head>>(fresh(key));
  const src = useRef(source);
  src.current = source;
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const bump = () => setVersion((v) => v + 1);
  // The furthest row the screen has asked for: loading goes on until it is loaded or the list ends.
  const wanted = useRef(0);

  const load = useCallback(async () => {
    const s = state.current;
    if (s.loading || s.end) return;
    s.loading = true;
    const { page, maxPage } = src.current;
    const gap = Math.max(0, wanted.current + 1 - s.rows.length);
    const limit = Math.min(maxPage, Math.max(page, Math.ceil(gap / page) * page));
    try {
      const r = await src.current.fetch(JSON.parse(s.key) as Q, s.rows[s.rows.length - 1], limit);
      if (state.current !== s) return;
      // Appended in place: copying a list of 100,000 rows for each page loaded left garbage that grew with every page.
      for (const row of r.rows) s.rows.push(row);
      s.end = r.rows.length < limit;
      if (r.total !== undefined && r.total !== null) s.total = r.total;
      if (r.head !== undefined) s.head = r.head;
      s.started = true;
      setError(null);
    } catch (e) {
      if (state.current === s) setError(e instanceof ApiFailure ? e.message : String(e));
      return;
    } finally {
      s.loading = false;
      if (state.current === s) bump();
    }
    if (state.current === s && !s.end && s.rows.length <= wanted.current) void load();
  }, []);

  // A new query starts over from the top, its request sent before the frame is drawn (an effect would
  // send it after: up to a frame later, on every search).
  useLayoutEffect(() => {
    state.current = fresh(key);
    wanted.current = 0;
    bump();
    void load();
  }, [key, load]);

  /** Make sure rows up to `index` are loaded or on their way. */
  const want = useCallback(
    (index: number) => {
      wanted.current = Math.max(wanted.current, index);
      const s = state.current;
      if (!s.end && s.rows.length <= index) void load();
    },
    [load],
  );

  // Pushes: ask for just the rows of the subjects named, one request in flight at a time.
  const pending = useRef(new Set<string>());
  const busy = useRef(false);
  const applyDelta = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      while (pending.current.size) {
        await afterScrolling();
        const subjects = [...pending.current].slice(0, 500);
        subjects.forEach((id) => pending.current.delete(id));
        const s = state.current;
        if (!s.started) continue;
        const q = JSON.parse(s.key) as Q;
        const r = await src.current.fetchSubjects(q, subjects).catch(() => null);
        if (!r || state.current !== s) continue;
        const { before, subjectOf } = src.current;
        const named = new Set(subjects);
        const had = new Set(s.rows.filter((x) => named.has(subjectOf(x))).map(subjectOf));
        const kept = s.rows.filter((x) => !named.has(subjectOf(x)));
        const last = s.rows[s.rows.length - 1];
        // Beyond what is loaded: it is met there when the list gets that far.
        const within = r.rows.filter((row) => s.end || !last || before(row, last, q));
        const placed = new Set(within.map(subjectOf));
        if (s.total !== null) s.total += [...placed].filter((id) => !had.has(id)).length - [...had].filter((id) => !placed.has(id)).length;
        s.rows = mergeChanged(kept, within, (a, b) => before(a, b, q));
        if (r.head !== undefined) s.head = r.head;
        bump();
      }
    } finally {
      busy.current = false;
    }
  }, []);

  useEffect(
    () =>
      onPush((name, d) => {
        if (name !== 'events.appended') return;
        const subjects = src.current.subjectsOf(d as AppendedEvent[]);
        if (!subjects.length) return;
        subjects.forEach((id) => pending.current.add(id));
        void applyDelta();
      }),
    [applyDelta],
  );

  const s = state.current;
  return {
    rows: s.rows,
    /** Every row of the query when the server counted them, else those loaded so far. */
    total: s.total,
    head: s.head,
    end: s.end,
    ready: s.started,
    error,
    want,
    reload: useCallback(() => {
      state.current = fresh(state.current.key);
      bump();
      void load();
    }, [load]),
    version,
  };
}
