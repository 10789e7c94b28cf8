import type { EventType } from '../../../electron/contract/channels';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { ParcelsDetail } from '../components/ParcelsDetail';
import { fmtTime, words } from '../components/Field';

type Parcel = Output<'parcels.list'>['rows'][number];

const ROW_H = 48;
const PAGE = 1000;
const MAX = 5000; // the contract's largest page
// The contract types status as a free string; these are the values the parcels table records.
const STATUSES = ['picked', 'loaded', 'handed_over', 'missing', 'voided'];

const col = createColumnHelper<Parcel>();
const columns = [
  col.accessor('pickedAt', { header: 'Picked at', cell: (c) => fmtTime(c.getValue()), sortingFn: 'basic', meta: { cls: 'c-time' } }),
  col.accessor('orderName', { header: 'Order', meta: { cls: 'c-order' } }),
  col.accessor('lineName', { header: 'Line', meta: { cls: 'c-line' } }),
  col.accessor('trackingNumber', { header: 'Tracking number', meta: { cls: 'c-tn mono' } }),
  col.accessor('status', {
    header: 'Status',
    cell: (c) => <span className={`pill pill-${c.getValue()}`}>{words(c.getValue())}</span>,
    meta: { cls: 'c-status' },
  }),
  col.accessor('labelPrintedAt', {
    header: 'Label',
    cell: (c) => (c.getValue() ? <span className="ok">✓ {fmtTime(c.getValue())}</span> : <span className="warn">waiting</span>),
    sortingFn: (a, b, id) => String(a.getValue(id) ?? '').localeCompare(String(b.getValue(id) ?? '')),
    meta: { cls: 'c-label' },
  }),
  col.accessor('reprints', {
    header: 'Reprints',
    cell: (c) => (c.getValue() ? <b className="warn">{c.getValue()}</b> : <span className="muted">0</span>),
    meta: { cls: 'c-num' },
  }),
];
const cls = (m: unknown) => (m as { cls?: string } | undefined)?.cls ?? '';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

const refreshOn = (t: EventType) => t.startsWith('parcel.') || t === 'label.printed';

export function ParcelsScreen() {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [lineId, setLineId] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const query = useDebounced(q.trim(), 250);

  useEffect(() => setLimit(PAGE), [query, status, lineId]);

  const input = useMemo(
    () => ({ ...(query ? { q: query } : {}), ...(status ? { status } : {}), ...(lineId ? { lineId } : {}), limit, offset: 0 }),
    [query, status, lineId, limit],
  );
  const list = useChannel('parcels.list', input, refreshOn);
  const lines = useChannel('lines.list', {}, (t) => t === 'line.saved');
  const data = useMemo(() => list.data?.rows ?? [], [list.data]);
  const total = list.data?.total ?? 0;

  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.id,
  });
  const rows = table.getRowModel().rows;

  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 12 });
  const items = virtualizer.getVirtualItems();

  // Load the next page when the end of what is loaded comes into view.
  const lastVisible = items.length ? items[items.length - 1].index : 0;
  useEffect(() => {
    if (rows.length && lastVisible >= rows.length - 30 && rows.length < total && limit < MAX && data.length >= limit) setLimit((l) => Math.min(MAX, l + PAGE));
  }, [lastVisible, rows.length, total, limit, data.length]);

  useEffect(() => {
    if (active > 0 && active >= rows.length) setActive(Math.max(0, rows.length - 1));
  }, [rows.length, active]);

  const focusRow = useCallback(
    (i: number) => {
      if (!rows.length) return;
      const idx = Math.max(0, Math.min(rows.length - 1, i));
      setActive(idx);
      virtualizer.scrollToIndex(idx, { align: 'auto' });
      requestAnimationFrame(() =>
        requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${idx}"]`)?.focus({ preventScroll: true })),
      );
    },
    [rows.length, virtualizer],
  );

  const open = (i: number) => {
    const r = rows[i];
    if (r) {
      setActive(i);
      setOpenId(r.original.id);
    }
  };
  const close = () => {
    setOpenId(null);
    focusRow(active);
  };

  const onRowsKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 480) / ROW_H) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: rows.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      if (e.key === 'ArrowUp' && active === 0) return searchRef.current?.focus();
      focusRow(moves[e.key]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(active);
    }
  };

  const lineOptions = lines.data ?? [];
  const shown = rows.length;
  return (
    <div className={`parcels${openId ? ' with-detail' : ''}`}>
      <form className="filters" role="search" onSubmit={(e) => (e.preventDefault(), focusRow(0))}>
        <div className="filter-q">
          <label htmlFor="parcels-q">Search</label>
          <input
            id="parcels-q"
            ref={searchRef}
            data-testid="parcels-search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') (e.preventDefault(), focusRow(active));
            }}
            placeholder="Tracking number or order"
            autoComplete="off"
            maxLength={60}
            autoFocus
          />
        </div>
        <div>
          <label htmlFor="parcels-status">Status</label>
          <select id="parcels-status" data-testid="parcels-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="parcels-line">Line</label>
          <select id="parcels-line" data-testid="parcels-line" value={lineId} onChange={(e) => setLineId(e.target.value)}>
            <option value="">All lines</option>
            {lineOptions.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div className="count" data-testid="parcels-count" aria-live="polite">
          <b>{shown.toLocaleString()}</b> of {total.toLocaleString()}
          {total > MAX && shown >= MAX ? <div className="warn small-note">Newest {MAX.toLocaleString()} shown: narrow the search</div> : null}
        </div>
      </form>

      {list.error && (
        <div className="form-error" role="alert">
          {list.error}
        </div>
      )}

      <div className="parcels-body">
        <div className="ptable" role="table" aria-label="Parcels" aria-rowcount={shown + 1} data-testid="parcels-table">
          <div className="ptable-head" role="rowgroup">
            {table.getHeaderGroups().map((hg) => (
              <div className="prow prow-head" role="row" key={hg.id}>
                {hg.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <div
                      key={h.id}
                      role="columnheader"
                      className={`pcell ${cls(h.column.columnDef.meta)}`}
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                    >
                      <button type="button" className="sort-btn" onClick={h.column.getToggleSortingHandler()} title="Sort">
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span className="sort-mark" aria-hidden>
                          {dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          <div className="ptable-scroll" ref={scrollRef} role="rowgroup" onKeyDown={onRowsKey}>
            {shown === 0 && list.data && (
              <div className="empty">
                {query || status || lineId
                  ? 'No parcel matches. Clear the search or pick another status or line.'
                  : 'No parcels yet. They appear here as orders are picked.'}
              </div>
            )}
            {!list.data && !list.error && <div className="empty">Loading parcels…</div>}
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((vi) => {
                const row = rows[vi.index];
                const p = row.original;
                const isOpen = p.id === openId;
                return (
                  <div
                    key={row.id}
                    role="row"
                    aria-rowindex={vi.index + 2}
                    aria-selected={isOpen}
                    data-index={vi.index}
                    data-testid="parcel-row"
                    data-tracking={p.trackingNumber}
                    data-id={p.id}
                    tabIndex={vi.index === active ? 0 : -1}
                    className={`prow${vi.index % 2 ? ' odd' : ''}${isOpen ? ' open' : ''}${vi.index === active ? ' active' : ''}`}
                    style={{ height: ROW_H, transform: `translateY(${vi.start}px)` }}
                    onClick={() => open(vi.index)}
                    onFocus={() => setActive(vi.index)}
                  >
                    {row.getVisibleCells().map((c) => (
                      <div
                        key={c.id}
                        role="cell"
                        className={`pcell ${cls(c.column.columnDef.meta)}`}
                        title={typeof c.getValue() === 'string' ? String(c.getValue()) : undefined}
                      >
                        {flexRender(c.column.columnDef.cell, c.getContext())}
                      </div>
                    ))}
                  </div>
                );
              })}
            </div>
          </div>
          <div className="ptable-foot muted">↑↓ PgUp PgDn move · Enter opens · Esc closes · click a heading to sort</div>
        </div>
        {openId && <ParcelsDetail key={openId} id={openId} onClose={close} />}
      </div>
    </div>
  );
}
