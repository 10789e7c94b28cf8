import { Cn23Actions } from '../pack/Cn23Actions';
import type { EventType } from '../../../electron/contract/channels';
import { useEffect, useRef, useState } from 'react';
import { useFormFocus } from '../hooks/useFormFocus';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import type { Output } from '../../../electron/contract/channels';
import { CutoffSilence } from '../cutoffs/CutoffSilence';
import { Field, FormError, described, fmtTime, issueAt, useAction, words } from '../ui/Field';
import { ShopifyParcelState } from '../shopify/ShopifyParcelState';
import { ParcelRelink } from './ParcelRelink';
import { eventSentence } from '../ui/timeline-words';
import { can, openAudit, useOperator } from '../operators/roles';
import { startsWith } from '../ui/event-family';

type Detail = Output<'parcels.get'>;
type Ev = Detail['events'][number];
type Job = Detail['jobs'][number];

const EVENT_WORDS: Record<string, string> = {
  'orders.imported': 'Order imported',
  'parcel.picked': 'Picked: number issued',
  'parcel.reprinted': 'Label reprinted',
  'parcel.relinked': 'Re-linked: new number',
  'label.printed': 'Label printed',
  'scan.refused': 'Scan refused',
  'job.succeeded': 'Job done',
  'job.failed': 'Job failed, will retry',
  'job.dead': 'Job gave up',
  'job.retried': 'Job retried by hand',
  'shopify.fulfillment_created': 'Tracking in Shopify',
  'shopify.buyer_notified': 'Buyer notified',
  'parcel.handed_over': 'Handed over',
  'parcel.loaded': 'Loaded',
  'monitor.scans_reported': 'Carrier scan',
};

export function eventInWords(type: string): string {
  return EVENT_WORDS[type] ?? words(type).replace(/^./, (c) => c.toUpperCase());
}

const canRetry = (j: Job) => j.status === 'dead' || (j.status === 'queued' && !!j.lastError);

function JobRow({ job, onDone }: { job: Job; onDone: () => void }) {
  const { busy, failure, run } = useAction();
  return (
    <li className={`job job-${job.status}${job.lastError ? ' job-erred' : ''}`} data-testid="job-row" data-status={job.status}>
      <div className="job-main">
        <span className="job-kind">{words(job.kind)}</span>
        <span className={`pill pill-${job.status}`}>{job.status}</span>
        <span className="muted">
          {job.attempts} attempt{job.attempts === 1 ? '' : 's'}
          {job.status === 'done' && job.doneAt ? ` · done ${fmtTime(job.doneAt)}` : ''}
          {job.status === 'queued' ? ` · next ${fmtTime(job.nextAt)}` : ''}
        </span>
        {canRetry(job) && (
          <button className="small-btn" disabled={busy} onClick={() => void run(() => call('jobs.retry', { id: job.id })).then((r) => r && onDone())}>
            {busy ? 'Retrying…' : 'Retry now'}
          </button>
        )}
      </div>
      {job.lastError && <div className="job-error">Last error: {job.lastError}</div>}
      <FormError failure={failure} />
    </li>
  );
}

function Reprint({ parcelId, onDone }: { parcelId: string; onDone: (msg: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, failure, setFailure, run } = useAction();
  const { input, openBtn } = useFormFocus(open);
  if (!open)
    return (
      <button ref={openBtn} className="primary" data-testid="reprint-open" onClick={() => setOpen(true)}>
        Reprint label…
      </button>
    );
  const err = issueAt(failure, 'reason');
  return (
    <form
      className="reprint-form"
      data-testid="reprint-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => call('pick.reprint', { parcelId, reason })).then((r) => {
          if (!r) return;
          setOpen(false);
          setReason('');
          if (r.outcome === 'reprinted') onDone(`Reprint sent. ${r.warnings.map((w) => w.message).join(' ') || 'Replace the old label with the new one.'}`);
          else if (r.outcome === 'refused' || r.outcome === 'ambiguous') onDone(`${r.message} ${r.next}`);
          else onDone('Label sent to the printer.');
        });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          setOpen(false);
          setFailure(null);
        }
      }}
    >
      <Field id="reprint-reason" label="Why is the label reprinted?" error={err} hint="For example: label torn, smudged, wrong box. At least 3 characters.">
        <input
          ref={input}
          {...described('reprint-reason', err, true)}
          data-testid="reprint-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoComplete="off"
          maxLength={200}
        />
      </Field>
      <div className="row-actions">
        <button type="submit" className="primary" data-testid="reprint-submit" disabled={busy}>
          {busy ? 'Sending…' : 'Reprint'}
        </button>
        <button type="button" onClick={() => (setOpen(false), setFailure(null))}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
      <FormError failure={failure} fieldPaths={['reason']} testId="reprint-error" />
    </form>
  );
}

const refresh = (t: EventType) => startsWith(t, 'parcel.') || startsWith(t, 'job.') || t === 'label.printed' || startsWith(t, 'order');

/** The right-hand panel for one parcel: fields, ship-to, items, jobs with Retry, the event timeline, Reprint. */
export function ParcelsDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { data, error, reload } = useChannel('parcels.get', { id }, refresh);
  const operator = useOperator();
  const [notice, setNotice] = useState<string | null>(null);
  const closeBtn = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    setNotice(null);
    closeBtn.current?.focus();
  }, [id]);
  // Esc closes the panel wherever focus is (the reprint form handles its own Esc first).
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        closeRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const p = data?.parcel;
  const o = data?.order;
  const helpers = { time: fmtTime, jobKind: (jobId: string) => data?.jobs.find((j) => j.id === jobId)?.kind };
  return (
    <aside className="parcel-detail" data-testid="parcel-detail" aria-label={p ? `Parcel ${p.trackingNumber}` : 'Parcel'}>
      <header className="detail-head">
        <div>
          <div className="detail-tn" data-testid="detail-tracking">
            {p?.trackingNumber ?? '…'}
          </div>
          {p && (
            <div className="detail-sub">
              {p.orderName} · {p.lineName} · <span className={`pill pill-${p.status}`}>{words(p.status)}</span>
            </div>
          )}
        </div>
        <button ref={closeBtn} onClick={onClose} aria-label="Close parcel detail" data-testid="detail-close">
          Close <kbd>Esc</kbd>
        </button>
      </header>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {notice && (
        <div className="notice" role="status" data-testid="detail-notice">
          {notice}
        </div>
      )}
      {p && o && data && (
        <div className="detail-body">
          <div className="detail-actions">
            <Reprint parcelId={p.id} onDone={(m) => (setNotice(m), void reload())} />
            <Cn23Actions parcelId={p.id} />
            <ParcelRelink parcelId={p.id} lineId={p.lineId} status={p.status} onDone={(m) => (setNotice(m), void reload())} />
          </div>
          <ShopifyParcelState parcelId={p.id} />
          <dl className="kv">
            <dt>Picked</dt>
            <dd>
              {fmtTime(p.pickedAt)} by {p.pickedBy} at {p.pickedStation}
            </dd>
            <dt>Label</dt>
            <dd className={p.labelPrintedAt ? 'ok' : 'warn'}>
              {p.labelPrintedAt ? `printed ${fmtTime(p.labelPrintedAt)}` : `waiting${p.printerId ? ` for ${p.printerId}` : ': no printer set'}`}
            </dd>
            <dt>Ships</dt>
            <dd>
              <CutoffSilence parcel={p} />
            </dd>
            <dt>Reprints</dt>
            <dd>{p.reprints}</dd>
            <dt>Order</dt>
            <dd>
              {o.name} ({words(o.status)})
            </dd>
            <dt>Ship to</dt>
            <dd data-testid="detail-shipto">
              {o.shipTo.name}
              {o.shipTo.company ? `, ${o.shipTo.company}` : ''}
              <br />
              {o.shipTo.address1}
              {o.shipTo.address2 ? `, ${o.shipTo.address2}` : ''}
              <br />
              {o.shipTo.zip} {o.shipTo.city}
              {o.shipTo.province ? ` ${o.shipTo.province}` : ''} · {o.shipTo.country}
              {o.shipTo.phone ? ` · ${o.shipTo.phone}` : ''}
            </dd>
          </dl>

          <h3>Items</h3>
          <ul className="items">
            {o.items.map((it, n) => (
              <li key={n}>
                <b>{it.quantity} ×</b> {it.title} <span className="mono muted">{it.sku}</span>
              </li>
            ))}
            {o.items.length === 0 && <li className="muted">No items on the order.</li>}
          </ul>

          {data.archived && (
            <p className="notice" data-testid="parcel-archived">
              Archived {fmtTime(data.archived.at)}: delivered past the archive horizon, its {data.archived.scans} carrier scans and {data.archived.jobs}{' '}
              finished jobs are kept in {data.archived.file} beside the station database (shown here from there). Its events stay in the timeline below.
            </p>
          )}
          <h3>Jobs</h3>
          <ul className="jobs">
            {data.jobs.map((j) => (
              <JobRow key={j.id} job={j} onDone={() => void reload()} />
            ))}
            {data.jobs.length === 0 && <li className="muted">No jobs.</li>}
          </ul>

          <h3>
            Timeline{' '}
            {can(operator?.role, 'supervisor') && (
              <button className="small-btn" onClick={() => openAudit(p.id)} data-testid="open-audit">
                Who did what (Audit)
              </button>
            )}
          </h3>
          <ol className="timeline" data-testid="timeline">
            {data.events.map((ev: Ev) => (
              <li key={ev.id} className={`tl tl-${ev.type.replace(/\./g, '-')}`} data-testid="timeline-item" data-type={ev.type}>
                <span className="tl-time">{fmtTime(ev.occurredAt)}</span>
                <span className="tl-type">{eventInWords(ev.type)}</span>
                <span className="tl-who muted">
                  {ev.station} · {ev.actor}
                </span>
                <span className="tl-payload">{eventSentence(ev.type, ev.payload, helpers)}</span>
              </li>
            ))}
            {data.events.length === 0 && <li className="muted">No events.</li>}
          </ol>
        </div>
      )}
      {!data && !error && <div className="muted pad">Loading…</div>}
    </aside>
  );
}
