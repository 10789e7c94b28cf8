import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onPush, ApiFailure } from '../api/client';
import type { AppendedEvent, Input, Output } from '../../../electron/contract/channels';

type Answer = Output<'monitor.queue'>;
type Row = Answer['rows'][number];
export type ExceptionQuery = Pick<Input<'monitor.queue'>, 'status' | 'cause' | 'owner' | 'lineId'>;

const PAGE = 200;

/** The queue's order, as the server sorts it: open most urgent first, resolved newest first. */
const before = (a: Row, b: Row, open: boolean) =>
  open
    ? a.dueAt < b.dueAt || (a.dueAt === b.dueAt && (a.openedAt < b.openedAt || (a.openedAt === b.openedAt && a.id < b.id)))
    : (a.resolvedAt ?? '') > (b.resolvedAt ?? '') || (a.resolvedAt === b.resolvedAt && a.id > b.id);

/**
 * The whole exception queue, a page at a time as the end comes into view (keyset after the last
 * row), and a push changes only the exceptions of the parcels its events name.
 */
export function useExceptionPages(query: ExceptionQuery) {
  const key = JSON.stringify(query);
  const [rows, setRows] = useState<Row[]>([]);
  const [head, setHead] = useState<Omit<Answer, 'rows'> | null>(null);
  const [end, setEnd] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const live = useRef({ key, rows: [] as Row[], loading: false, end: false });

  const load = useCallback(async (fresh: boolean) => {
    const s = live.current;
    if (s.loading || (!fresh && s.end)) return;
    s.loading = true;
    try {
      const last = fresh ? undefined : s.rows[s.rows.length - 1];
      const r = await call('monitor.queue', { ...(JSON.parse(s.key) as ExceptionQuery), limit: PAGE, ...(last ? { after: last.id } : {}) });
      if (live.current !== s) return;
      const { rows: page, ...rest } = r;
      s.rows = fresh ? page : [...s.rows, ...page];
      s.end = page.length < PAGE;
      setRows(s.rows);
      setEnd(s.end);
      setHead(rest);
      setError(null);
    } catch (e) {
      if (live.current === s) setError(e instanceof ApiFailure ? e.message : String(e));
    } finally {
      s.loading = false;
    }
  }, []);

  useEffect(() => {
    live.current = { key, rows: [], loading: false, end: false };
    setRows([]);
    setEnd(false);
    void load(true);
  }, [key, load]);

  // Pushes: only the exceptions of the parcels named, one request in flight at a time.
  const pending = useRef(new Set<string>());
  const busy = useRef(false);
  const applyDelta = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      while (pending.current.size) {
        const parcelIds = [...pending.current].slice(0, 500);
        parcelIds.forEach((id) => pending.current.delete(id));
        const s = live.current;
        const q = JSON.parse(s.key) as ExceptionQuery;
        const r = await call('monitor.queue', { ...q, parcelIds, limit: 2000 }).catch(() => null);
        if (!r || live.current !== s) continue;
        const { rows: changed, ...rest } = r;
        const named = new Set(parcelIds);
        const open = (q.status ?? 'open') === 'open';
        let next = s.rows.filter((x) => !named.has(x.parcelId));
        const last = s.rows[s.rows.length - 1];
        // Changed rows go where the server's order puts them, if that is within what is loaded.
        for (const row of changed) {
          if (!s.end && last && !before(row, last, open)) continue;
          const at = next.findIndex((x) => before(row, x, open));
          next = at < 0 ? [...next, row] : [...next.slice(0, at), row, ...next.slice(at)];
        }
        s.rows = next;
        setRows(next);
        setHead(rest);
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
        for (const e of d as AppendedEvent[]) if (e.subject && e.type.startsWith('monitor.')) (pending.current.add(e.subject), (any = true));
        if (any) void applyDelta();
      }),
    [applyDelta],
  );

  return { rows, head, end, error, more: useCallback(() => void load(false), [load]), reload: useCallback(() => void load(true), [load]) };
}
