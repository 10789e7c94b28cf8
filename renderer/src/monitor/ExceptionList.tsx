import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Input, Output } from '../../../electron/contract/channels';
import { fmtTime, words } from '../ui/Field';
import { rowPlaces } from '../ui/row-places';
import { noteScroll } from '../ui/scrolling';

type Row = Output<'monitor.queue'>['rows'][number];
export type Cause = NonNullable<Input<'monitor.queue'>['cause']>;
export const CAUSE_WORDS: Record<Cause, string> = {
  lost: 'Lost',
  failed_delivery: 'Failed delivery',
  no_first_scan: 'No first scan',
  no_update: 'No update',
  not_handed_over: 'Not handed over',
};

/** A row's height: the queue can hold tens of thousands, drawn a window at a time without measuring rows. */
const ROW_H = 45;
/** Rows drawn beyond the window each side: the rows are drawn in the scroll's own frame, so a fast scroll only pays for more. */
const OVERSCAN = 3;
const age = (h: number) => (h < 48 ? `${Math.round(h)} h` : `${Math.round(h / 24)} d`);

/** A column after the selection box: its heading, its cell on a row (`resolved`: the resolved queue). */
interface Cell {
  id: string;
  header(resolved: boolean): string;
  cls: string;
  show(r: Row, resolved: boolean): ReactNode;
}
const CELLS: Cell[] = [
  { id: 'order', header: () => 'Order', cls: 'c-order', show: (r) => <b>{r.orderName}</b> },
  {
    id: 'cause',
    header: () => 'Cause',
    cls: 'c-cause',
    show: (r) => (
      <>
        <span className={`pill pill-cause-${r.cause}`}>{CAUSE_WORDS[r.cause]}</span>
        {r.proposal === 'reship' && r.status === 'open' && <span className="warn small"> reship</span>}
      </>
    ),
  },
  { id: 'age', header: () => 'Age', cls: 'c-age', show: (r) => age(r.ageHours) },
  {
    id: 'due',
    header: (resolved) => (resolved ? 'Resolved' : 'Due'),
    cls: 'c-due',
    show: (r, resolved) =>
      resolved ? `${words(r.resolution ?? '')} ${fmtTime(r.resolvedAt)}` : <span className={r.overdue ? 'bad-text' : ''}>{fmtTime(r.dueAt)}</span>,
  },
  { id: 'owner', header: () => 'Owner', cls: 'c-owner', show: (r) => r.owner ?? <span className="muted">—</span> },
  { id: 'tracking', header: () => 'Tracking', cls: 'c-xtn mono small', show: (r) => r.trackingNumber },
  { id: 'line', header: () => 'Line', cls: 'c-xline small', show: (r) => r.lineName },
];

interface RowProps {
  r: Row;
  index: number;
  open: boolean;
  active: boolean;
  selected: boolean;
  resolved: boolean;
  onOpen(index: number): void;
  onToggle(id: string): void;
  onActive(index: number): void;
}

/**
 * One exception's row: a fixed-size grid row placed by transform and contained, so a scroll frame lays
 * out and paints only the rows (a table laid the whole window out again each frame); kept by its place
 * in the window (ui/row-places.ts), memoized so an update that is not a scroll leaves it alone.
 */
const ExceptionRow = memo(function ExceptionRow({ r, index, open, active, selected, resolved, onOpen, onToggle, onActive }: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      data-testid="exception-row"
      data-order={r.orderName}
      data-cause={r.cause}
      tabIndex={active ? 0 : -1}
      className={`prow${index % 2 ? ' odd' : ''}${open ? ' open' : ''}${active ? ' active' : ''}${r.overdue ? ' overdue' : ''}`}
      style={{ height: ROW_H, transform: `translateY(${index * ROW_H}px)` }}
      onClick={() => onOpen(index)}
      onFocus={() => onActive(index)}
    >
      <div role="cell" className="pcell c-sel" onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" aria-label={`Select ${r.orderName}`} checked={selected} onChange={() => onToggle(r.id)} />
      </div>
      {CELLS.map((c) => (
        <div key={c.id} role="cell" className={`pcell ${c.cls}`}>
          {c.show(r, resolved)}
        </div>
      ))}
    </div>
  );
});

interface ListProps {
  rows: Row[];
  /** More rows after the last one loaded (a row "loading" closes the list until they come). */
  more: boolean;
  ready: boolean;
  resolved: boolean;
  openId: string | null;
  selected: ReadonlySet<string>;
  onOpen(id: string): void;
  onToggle(id: string): void;
  onSelectAll(all: boolean): void;
  /** Rows up to this index are wanted: load them. */
  want(index: number): void;
  /** Rows per page: the list asks for two pages beyond the rows in view. */
  page: number;
  empty: string;
  foot: ReactNode;
}

/** The exception queue as a windowed grid: a screenful of rows in the page, keyboard and mouse. */
export function ExceptionList({ rows, more, ready, resolved, openId, selected, onOpen, onToggle, onSelectAll, want, page, empty, foot }: ListProps) {
  const [active, setActive] = useState(0);
  const count = rows.length + (more && ready ? 1 : 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const placeOf = rowPlaces(items);
  const lastVisible = items.length ? items[items.length - 1].index : 0;
  // The rows in view and two pages beyond, so a fast scroll finds its rows already there.
  useEffect(() => want(lastVisible + 2 * page), [lastVisible, want, page]);
  useEffect(() => {
    if (active > 0 && active >= rows.length) setActive(Math.max(0, rows.length - 1));
  }, [rows.length, active]);

  const rowsNow = useRef(rows);
  rowsNow.current = rows;
  const open = useCallback(
    (i: number) => {
      const r = rowsNow.current[i];
      if (r) (setActive(i), onOpen(r.id));
    },
    [onOpen],
  );
  const focusRow = (i: number) => {
    if (!rows.length) return;
    const idx = Math.max(0, Math.min(rows.length - 1, i));
    setActive(idx);
    virtualizer.scrollToIndex(idx, { align: 'auto' });
    requestAnimationFrame(() =>
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${idx}"]`)?.focus({ preventScroll: true })),
    );
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 480) / ROW_H) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + step,
      PageUp: active - step,
      Home: 0,
      End: rows.length - 1,
    };
    if (e.key in moves) (e.preventDefault(), focusRow(moves[e.key]));
    // On the row itself (a tick box keeps its own keys): Enter opens it, Space ticks it.
    else if (e.target !== e.currentTarget.querySelector(`[data-index="${active}"]`)) return;
    else if (e.key === 'Enter') (e.preventDefault(), open(active));
    else if (e.key === ' ' && rows[active]) (e.preventDefault(), onToggle(rows[active].id));
  };

  return (
    <div className="ptable exc-table" role="table" aria-label="Exceptions" aria-rowcount={rows.length + 1} data-testid="exception-table">
      <div className="ptable-head" role="rowgroup">
        <div className="prow prow-head" role="row">
          <div role="columnheader" className="pcell c-sel">
            <input
              type="checkbox"
              aria-label="Select all"
              checked={rows.length > 0 && selected.size === rows.length}
              onChange={(e) => onSelectAll(e.target.checked)}
            />
          </div>
          {CELLS.map((c) => (
            <div key={c.id} role="columnheader" className="pcell">
              {c.header(resolved)}
            </div>
          ))}
        </div>
      </div>
      <div className="ptable-scroll exc-table-wrap" ref={scrollRef} role="rowgroup" onScroll={noteScroll} onKeyDown={onKey}>
        {ready && rows.length === 0 && <div className="empty">{empty}</div>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((vi) => {
            const r = rows[vi.index];
            if (!r)
              return (
                <div key={placeOf(vi.index)} role="row" className="prow exc-waiting" style={{ height: ROW_H, transform: `translateY(${vi.start}px)` }}>
                  <div role="cell" className="pcell muted">
                    Loading more…
                  </div>
                </div>
              );
            return (
              <ExceptionRow
                key={placeOf(vi.index)}
                r={r}
                index={vi.index}
                open={r.id === openId}
                active={vi.index === active}
                selected={selected.has(r.id)}
                resolved={resolved}
                onOpen={open}
                onToggle={onToggle}
                onActive={setActive}
              />
            );
          })}
        </div>
      </div>
      <div className="ptable-foot muted">{foot}</div>
    </div>
  );
}
