import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Output } from '../../../electron/contract/channels';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { useKeysetPages } from '../ui/useKeysetPages';
import { exceptionPages } from './exception-pages';
import { ExceptionDetail } from './ExceptionDetail';
import { CAUSE_WORDS, ExceptionList, type Cause } from './ExceptionList';
import { MonitorRules } from './MonitorRules';
import { MonitorSources } from './MonitorSources';
import { FormError, fmtTime, useAction } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';

const CAUSES: Cause[] = ['lost', 'failed_delivery', 'no_first_scan', 'no_update', 'not_handed_over'];
const NONE: Output<'monitor.queue'>['rows'] = [];

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
  // Only whether this is the demo store (its sources panel): it changes with the site's setup, not with events.
  const info = useChannel('app.info', {}, (t) => t === 'site.configured');
  const act = useAction();
  const rows = q.rows;
  const open = openId ? (rows.find((r) => r.id === openId) ?? null) : null;
  const counts = q.head?.counts ?? {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  // Only when the rows change, and a new selection only when a ticked row left (each render goes over every row loaded).
  useEffect(
    () =>
      setSelected((s) => {
        if (!s.size) return s;
        const here = new Set(rows.map((r) => r.id));
        const kept = new Set([...s].filter((id) => here.has(id)));
        return kept.size === s.size ? s : kept;
      }),
    [rows],
  );
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
  const selectAll = useCallback((all: boolean) => setSelected(all ? new Set(rows.map((r) => r.id)) : new Set()), [rows]);
  const selectedRows = selected.size ? rows.filter((r) => selected.has(r.id)) : NONE;

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
        <ExceptionList
          rows={rows}
          more={!q.end}
          ready={q.ready}
          resolved={resolved}
          openId={openId}
          selected={selected}
          onOpen={openRow}
          onToggle={toggle}
          onSelectAll={selectAll}
          want={q.want}
          page={exceptionPages.page}
          empty={resolved ? 'Nothing resolved yet.' : 'No open exception. Parcels that cross a rule appear here before the buyer writes.'}
          foot={
            <>
              ↑↓ PgUp PgDn move · Enter opens · Space ticks a row for bulk actions · last check{' '}
              {q.head?.lastPass
                ? `${fmtTime(q.head.lastPass.at)} (${q.head.lastPass.visited} due of ${q.head.lastPass.inFlight} in flight, ${q.head.lastPass.ms} ms)`
                : 'not yet'}
            </>
          }
        />
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
