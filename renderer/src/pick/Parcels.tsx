import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { useKeysetPages } from '../ui/useKeysetPages';
import { parcelPages, type ParcelQuery } from './parcel-pages';
import { ParcelsDetail } from './ParcelsDetail';
import { fmtTime, words } from '../ui/Field';
import { rowPlaces } from '../ui/row-places';
import { noteScroll } from '../ui/scrolling';

type Parcel = Output<'parcels.list'>['rows'][number];

const ROW_H = 48;
/** Rows drawn beyond the window each side (bench/ui.bench.ts draws its floor with as many). */
const PARCELS_OVERSCAN = 1;
// Search as you type: keys within 25 ms of each other (a paste, a burst typed into the field) are one
// request; a person's keys, further apart, each search (the index answers in a few ms).
const TYPING_MS = 25;
// The contract types status as a free string; these are the values the parcels table records.
const STATUSES = ['picked', 'loaded', 'handed_over', 'missing', 'voided'];

/** A column: its heading (and the server's sort key), its cell on a row. */
interface Cell {
  id: 'pickedAt' | 'orderName' | 'lineName' | 'trackingNumber' | 'status' | 'labelPrintedAt' | 'reprints';
  header: string;
  cls: string;
  show(p: Parcel): ReactNode;
  /** The cell's text is the value itself and may be cut short: hovering shows it whole. */
  whole?: true;
}
const CELLS: Cell[] = [
  { id: 'pickedAt', header: 'Picked at', cls: 'c-time', show: (p) => fmtTime(p.pickedAt) },
  { id: 'orderName', header: 'Order', cls: 'c-order', show: (p) => p.orderName, whole: true },
  { id: 'lineName', header: 'Line', cls: 'c-line', show: (p) => p.lineName, whole: true },
  { id: 'trackingNumber', header: 'Tracking number', cls: 'c-tn mono', show: (p) => p.trackingNumber, whole: true },
  { id: 'status', header: 'Status', cls: 'c-status', show: (p) => <span className={`pill pill-${p.status}`}>{words(p.status)}</span> },
  {
    id: 'labelPrintedAt',
    header: 'Label',
    cls: 'c-label',
    show: (p) => (p.labelPrintedAt ? <span className="ok">✓ {fmtTime(p.labelPrintedAt)}</span> : <span className="warn">waiting</span>),
  },
  { id: 'reprints', header: 'Reprints', cls: 'c-num', show: (p) => (p.reprints ? <b className="warn">{p.reprints}</b> : <span className="muted">0</span>) },
];
// The table keeps the headings and the sort state; the server sorts, the rows are drawn by ParcelRow.
const columns: Array<ColumnDef<Parcel>> = CELLS.map((c) => ({ id: c.id, accessorKey: c.id, header: c.header, sortDescFirst: c.id === 'reprints' }));
const clsOf = new Map(CELLS.map((c) => [c.id as string, c.cls]));
const NO_ROWS: Parcel[] = [];

interface RowProps {
  p: Parcel;
  index: number;
  active: boolean;
  open: boolean;
  onOpen(index: number): void;
  onActive(index: number): void;
}

/**
 * One parcel's row, kept by its place in the window (ui/row-places.ts): a scroll step gives it another
 * parcel. Memoized, so a screen update that is not a scroll (a push, a filter's count) leaves it alone.
 */
const ParcelRow = memo(function ParcelRow({ p, index, active, open, onOpen, onActive }: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={open}
      data-index={index}
      data-testid="parcel-row"
      data-tracking={p.trackingNumber}
      tabIndex={active ? 0 : -1}
      className={`prow${index % 2 ? ' odd' : ''}${open ? ' open' : ''}${active ? ' active' : ''}`}
      style={{ height: ROW_H, transform: `translateY(${index * ROW_H}px)` }}
      onClick={() => onOpen(index)}
      onFocus={() => onActive(index)}
    >
      {CELLS.map((c) => (
        <div key={c.id} role="cell" className={`pcell ${c.cls}`} data-whole={c.whole}>
          {c.show(p)}
        </div>
      ))}
    </div>
  );
});

/**
 * A cell whose text is the value itself and may be cut short shows it whole on hover: its title is set
 * as the pointer moves over it, not on every row drawn (a fast scroll redraws every row each frame). On
 * a move, not only on entering: rows are kept by place, so after a scroll the cell under a pointer that
 * has not left it shows another parcel.
 */
function titleOnHover(e: MouseEvent<HTMLDivElement>) {
  const cell = (e.target as HTMLElement).closest<HTMLElement>('.pcell[data-whole]');
  if (cell && cell.title !== cell.textContent) cell.title = cell.textContent ?? '';
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  // Timed from the key, not from the frame after it (an effect runs once the frame is drawn).
  useLayoutEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function ParcelsScreen() {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [lineId, setLineId] = useState('');
  const [sorting, setSorting] = useState<SortingState>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const query = useDebounced(q.trim(), TYPING_MS);

  const sort = sorting[0] as { id: NonNullable<ParcelQuery['sort']>['by']; desc: boolean } | undefined;
  const input = useMemo<ParcelQuery>(
    () => ({
      ...(query ? { q: query } : {}),
      ...(status ? { status } : {}),
      ...(lineId ? { lineId } : {}),
      ...(sort ? { sort: { by: sort.id, desc: sort.desc } } : {}),
    }),
    [query, status, lineId, sort?.id, sort?.desc],
  );
  const list = useKeysetPages(parcelPages, input);
  const lines = useChannel('lines.list', {}, (t) => t === 'line.saved');
  // The scrollbar spans every match the server counted; rows not loaded yet show as waiting.
  const total = list.end ? list.rows.length : Math.max(list.total ?? 0, list.rows.length);
  const rowAt = (i: number): Parcel | undefined => list.rows[i];

  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // One row beyond the window each side: a frame of a fast scroll draws every row it brings in, so each
  // row drawn off screen is work in every frame. With 12 a frame's work at 100k was 16-18 ms, at the
  // display's 16.7 (156-335 late frames of 2,500); with 3, 11 ms (26). A jump (PgDn, a fling) is past
  // any overscan anyway; one row covers a wheel's steps.
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: PARCELS_OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const placeOf = rowPlaces(items);
  const lastVisible = items.length ? items[items.length - 1].index : 0;
  const { want } = list;
  // The rows in view and two pages beyond, so a fast scroll finds its rows already there.
  useEffect(() => want(lastVisible + 2 * parcelPages.page), [lastVisible, want]);

  const table = useReactTable<Parcel>({
    data: NO_ROWS,
    columns,
    state: { sorting },
    onSortingChange: (u) => {
      setSorting(u);
      scrollRef.current?.scrollTo({ top: 0 });
    },
    manualSorting: true,
    enableMultiSort: false,
    getCoreRowModel: getCoreRowModel(),
  });
  const rowCount = total;

  useEffect(() => {
    if (active > 0 && active >= rowCount) setActive(Math.max(0, rowCount - 1));
  }, [rowCount, active]);

  const focusRow = useCallback(
    (i: number) => {
      if (!rowCount) return;
      const idx = Math.max(0, Math.min(rowCount - 1, i));
      setActive(idx);
      virtualizer.scrollToIndex(idx, { align: 'auto' });
      requestAnimationFrame(() =>
        requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${idx}"]`)?.focus({ preventScroll: true })),
      );
    },
    [rowCount, virtualizer],
  );

  const rowsNow = useRef(list.rows);
  rowsNow.current = list.rows;
  const open = useCallback((i: number) => {
    const r = rowsNow.current[i];
    if (r) {
      setActive(i);
      setOpenId(r.id);
    }
  }, []);
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
      End: rowCount - 1,
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
          <b>{total.toLocaleString()}</b> {total === 1 ? 'parcel' : 'parcels'}
        </div>
      </form>

      {list.error && (
        <div className="form-error" role="alert">
          {list.error}
        </div>
      )}

      <div className="parcels-body">
        <div className="ptable" role="table" aria-label="Parcels" aria-rowcount={total + 1} data-testid="parcels-table">
          <div className="ptable-head" role="rowgroup">
            {table.getHeaderGroups().map((hg) => (
              <div className="prow prow-head" role="row" key={hg.id}>
                {hg.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <div
                      key={h.id}
                      role="columnheader"
                      className={`pcell ${clsOf.get(h.column.id) ?? ''}`}
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
          <div className="ptable-scroll" ref={scrollRef} role="rowgroup" onScroll={noteScroll} onKeyDown={onRowsKey} onMouseMove={titleOnHover}>
            {total === 0 && list.ready && (
              <div className="empty">
                {query || status || lineId
                  ? 'No parcel matches. Clear the search or pick another status or line.'
                  : 'No parcels yet. They appear here as orders are picked.'}
              </div>
            )}
            {!list.ready && !list.error && <div className="empty">Loading parcels…</div>}
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((vi) => {
                const p = rowAt(vi.index);
                if (!p)
                  return (
                    <div
                      key={placeOf(vi.index)}
                      role="row"
                      aria-rowindex={vi.index + 2}
                      data-index={vi.index}
                      className="prow waiting"
                      style={{ height: ROW_H, transform: `translateY(${vi.start}px)` }}
                    >
                      <div role="cell" className="pcell muted">
                        …
                      </div>
                    </div>
                  );
                return (
                  <ParcelRow
                    key={placeOf(vi.index)}
                    p={p}
                    index={vi.index}
                    active={vi.index === active}
                    open={p.id === openId}
                    onOpen={open}
                    onActive={setActive}
                  />
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
