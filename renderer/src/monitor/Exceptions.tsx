import type { EventType } from '../../../electron/contract/channels';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Input, Output } from '../../../electron/contract/channels';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { useKeysetPages } from '../ui/useKeysetPages';
import { exceptionPages } from './exception-pages';
import { ExceptionDetail } from './ExceptionDetail';
import { MonitorRules } from './MonitorRules';
import { MonitorSources } from './MonitorSources';
import { FormError, fmtTime, useAction, words } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';

type Row = Output<'monitor.queue'>['rows'][number];
type Cause = NonNullable<Input<'monitor.queue'>['cause']>;
const CAUSES: Cause[] = ['lost', 'failed_delivery', 'no_first_scan', 'no_update', 'not_handed_over'];
const CAUSE_WORDS: Record<Cause, string> = {
  lost: 'Lost',
  failed_delivery: 'Failed delivery',
  no_first_scan: 'No first scan',
  no_update: 'No update',
  not_handed_over: 'Not handed over',
};

/** A row's height (styles.css .exc-table rows): the queue can hold tens of thousands, drawn a window at a time. */
const ROW_H = 45;
const age = (h: number) => (h < 48 ? `${Math.round(h)} h` : `${Math.round(h / 24)} d`);

interface RowProps {
  r: Row;
  index: number;
  open: boolean;
  selected: boolean;
  resolved: boolean;
  onOpen(id: string): void;
  onToggle(id: string): void;
}

/** One exception's row, memoized: a scroll frame draws only the rows entering the window. */
const ExceptionRowView = memo(function ExceptionRowView({ r, index, open, selected, resolved, onOpen, onToggle }: RowProps) {
  return (
    <tr
      data-index={index}
      data-testid="exception-row"
      data-order={r.orderName}
      data-cause={r.cause}
      className={`${open ? 'open' : ''}${r.overdue ? ' overdue' : ''}`}
      onClick={() => onOpen(r.id)}
    >
      <td onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" aria-label={`Select ${r.orderName}`} checked={selected} onChange={() => onToggle(r.id)} />
      </td>
      <td>
        <b>{r.orderName}</b>
      </td>
      <td>
        <span className={`pill pill-cause-${r.cause}`}>{CAUSE_WORDS[r.cause]}</span>
        {r.proposal === 'reship' && r.status === 'open' && <span className="warn small"> reship</span>}
      </td>
      <td>{age(r.ageHours)}</td>
      <td className={r.overdue ? 'bad-text' : ''}>{resolved ? `${words(r.resolution ?? '')} ${fmtTime(r.resolvedAt)}` : fmtTime(r.dueAt)}</td>
      <td>{r.owner ?? <span className="muted">—</span>}</td>
      <td className="mono small">{r.trackingNumber}</td>
      <td className="small">{r.lineName}</td>
    </tr>
  );
});

/** The supervisor's exception queue: most urgent first, worked one by one or in bulk. */
export function ExceptionsScreen() {
  const [cause, setCause] = useState<Cause | ''>('');
  const [owner, setOwner] = useState<string>('');
  const [resolved, setResolved] = useState(false);
  const [side, setSide] = useState<'detail' | 'rules' | 'sources'>('detail');
  const [openId, setOpenId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [assignTo, setAssignTo] = useState('');
  const [reason, setReason] = useState('');
  const input = useMemo(
    () => ({
      status: resolved ? ('resolved' as const) : ('open' as const),
      ...(cause ? { cause } : {}),
      ...(owner ? { owner: owner === '-' ? '' : owner } : {}),
    }),
    [cause, owner, resolved],
  );
  const q = useKeysetPages(exceptionPages, input);
  const info = useChannel('app.info', {});
  const act = useAction();
  const rows = q.rows;
  const open = rows.find((r) => r.id === openId) ?? null;
  const counts = q.head?.counts ?? {};
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.length ? items[items.length - 1].index : 0;
  const { want } = q;
  // The rows in view and two pages beyond, so a fast scroll finds its rows already there.
  useEffect(() => want(lastVisible + 2 * exceptionPages.page), [lastVisible, want]);
  const padTop = items.length ? items[0].start : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  useEffect(() => setSelected((s) => new Set([...s].filter((id) => rows.some((r) => r.id === id)))), [rows]); // only when the rows change
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpenId(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const ids = [...selected];
  const done = (msg: string) => {
    setNotice(msg);
    setSelected(new Set());
    q.reload();
  };
  const bulk = (fn: () => Promise<unknown>, msg: (r: unknown) => string) => void act.run(fn).then((r) => r !== undefined && done(msg(r)));
  const toggle = useCallback((id: string) => setSelected((s) => (s.has(id) ? (s.delete(id), new Set(s)) : new Set(s.add(id)))), []);
  const openRow = useCallback((id: string) => (setOpenId(id), setSide('detail')), []);
  const selectedRows = rows.filter((r) => selected.has(r.id));

  return (
    <div className="exceptions">
      <div className="filters exc-filters">
        <div className="cause-chips" role="group" aria-label="Cause">
          <button type="button" className={cause === '' ? 'chip active' : 'chip'} onClick={() => setCause('')}>
            All <b>{total}</b>
          </button>
          {CAUSES.map((c) => (
            <button type="button" key={c} data-testid={`chip-${c}`} className={`chip chip-${c}${cause === c ? ' active' : ''}`} onClick={() => setCause(c)}>
              {CAUSE_WORDS[c]} <b>{counts[c] ?? 0}</b>
            </button>
          ))}
        </div>
        <select aria-label="Owner" value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">Any owner</option>
          <option value="-">Nobody</option>
          {q.head?.owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={resolved} onChange={(e) => setResolved(e.target.checked)} /> Resolved
        </label>
        <ActionButton
          channel="monitor.pass"
          type="button"
          data-testid="check-now"
          onClick={() =>
            void act
              .run(() => call('monitor.pass', {}))
              .then(
                (r) =>
                  r &&
                  done(
                    `Checked ${r.visited} due of ${r.inFlight} parcels in flight: ${r.opened} new, ${r.changed} changed, ${r.cleared} cleared; ${r.pollsQueued + r.registrationsQueued} requests queued.`,
                  ),
              )
          }
        >
          Check now
        </ActionButton>
        <button type="button" aria-pressed={side === 'rules'} onClick={() => setSide(side === 'rules' ? 'detail' : 'rules')}>
          Rules
        </button>
        <button type="button" aria-pressed={side === 'sources'} onClick={() => setSide(side === 'sources' ? 'detail' : 'sources')}>
          Sources
        </button>
      </div>
      {notice && (
        <div className="notice" role="status" data-testid="exc-notice">
          {notice}
        </div>
      )}
      <FormError failure={act.failure} testId="exc-error" />
      {q.error && <div className="form-error">{q.error}</div>}
      {selected.size > 0 && !resolved && (
        <div className="bulk-bar" data-testid="bulk-bar">
          <b>{selected.size} selected</b>
          <input aria-label="Owner" value={assignTo} onChange={(e) => setAssignTo(e.target.value)} placeholder="owner" className="rule-input wide-input" />
          <ActionButton
            channel="monitor.assign"
            type="button"
            disabled={!assignTo.trim()}
            onClick={() =>
              bulk(
                () => call('monitor.assign', { ids, owner: assignTo.trim() }),
                () => `${ids.length} assigned to ${assignTo.trim()}.`,
              )
            }
          >
            Assign
          </ActionButton>
          <ActionButton
            channel="monitor.contact"
            type="button"
            data-testid="bulk-contact"
            onClick={() =>
              bulk(
                () => call('monitor.contact', { exceptionIds: ids }),
                () => `${ids.length} buyer message${ids.length === 1 ? '' : 's'} queued.`,
              )
            }
          >
            Contact buyers
          </ActionButton>
          <input
            aria-label="Reason"
            data-testid="bulk-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="reason"
            className="wide-input"
          />
          <ActionButton
            channel="monitor.resolve"
            type="button"
            disabled={reason.trim().length < 3}
            onClick={() =>
              bulk(
                () => call('monitor.resolve', { ids, reason }),
                () => `${ids.length} resolved.`,
              )
            }
          >
            Resolve
          </ActionButton>
          <ActionButton
            channel="monitor.reship"
            type="button"
            data-testid="bulk-reship"
            className={selectedRows.every((r) => r.proposal === 'reship') ? 'primary' : ''}
            disabled={reason.trim().length < 3}
            onClick={() =>
              bulk(
                () => call('monitor.reship', { exceptionIds: ids, reason }),
                (r) => `Reshipped as ${(r as Output<'monitor.reship'>).reships.map((x) => x.newOrderName).join(', ')}: scan it at the pick station.`,
              )
            }
          >
            Reship
          </ActionButton>
        </div>
      )}
      <div className="parcels-body">
        <div className="exc-table-wrap" ref={scrollRef}>
          <table className="exc-table" data-testid="exception-table">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label="Select all"
                    checked={rows.length > 0 && selected.size === rows.length}
                    onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())}
                  />
                </th>
                <th>Order</th>
                <th>Cause</th>
                <th>Age</th>
                <th>{resolved ? 'Resolved' : 'Due'}</th>
                <th>Owner</th>
                <th>Tracking</th>
                <th>Line</th>
              </tr>
            </thead>
            <tbody>
              {padTop > 0 && (
                <tr aria-hidden className="exc-pad">
                  <td colSpan={8} style={{ height: padTop, padding: 0, border: 0 }} />
                </tr>
              )}
              {items.map((vi) => {
                const r = rows[vi.index];
                return (
                  <ExceptionRowView
                    key={r.id}
                    r={r}
                    index={vi.index}
                    open={r.id === openId}
                    selected={selected.has(r.id)}
                    resolved={resolved}
                    onOpen={openRow}
                    onToggle={toggle}
                  />
                );
              })}
              {padBottom > 0 && (
                <tr aria-hidden className="exc-pad">
                  <td colSpan={8} style={{ height: padBottom, padding: 0, border: 0 }} />
                </tr>
              )}
            </tbody>
          </table>
          {q.head && rows.length === 0 && (
            <div className="empty">
              {resolved ? 'Nothing resolved yet.' : 'No open exception. Parcels that cross a rule appear here before the buyer writes.'}
            </div>
          )}
          <div className="ptable-foot muted">
            Click a row for its gaps and the buyer message · tick rows for bulk actions · last check{' '}
            {q.head?.lastPass
              ? `${fmtTime(q.head.lastPass.at)} (${q.head.lastPass.visited} due of ${q.head.lastPass.inFlight} in flight, ${q.head.lastPass.ms} ms)`
              : 'not yet'}
          </div>
        </div>
        {side === 'rules' ? (
          <aside className="parcel-detail side-panel">
            <MonitorRules onSaved={() => setNotice('Rules saved: they apply from the next check.')} />
          </aside>
        ) : side === 'sources' ? (
          <aside className="parcel-detail side-panel">
            <MonitorSources demo={!!info.data?.demo} />
          </aside>
        ) : (
          open && <ExceptionDetail key={open.id} row={open} onClose={() => setOpenId(null)} onDone={done} />
        )}
      </div>
    </div>
  );
}
