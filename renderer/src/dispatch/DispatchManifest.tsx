import type { ChannelName, EventType } from '../../../electron/contract/channels';
import { useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import type { Output } from '../../../electron/contract/channels';
import { FormError, fmtTime, useAction, words } from '../ui/Field';
import { fmtZoned, useSiteZone } from '../ui/ZonedTime';
import { ActionButton } from '../operators/OperatorsAllowed';
import { startsWith } from '../ui/event-family';

type Detail = Output<'dispatch.manifest'>;
export type Verdict = { tone: 'pass' | 'fail' | 'attention' | 'held'; title: string; next?: string; code?: string };

/** Manifest numbers (MF-…) and tracking numbers in a sentence never break across lines. */
function keepNumbersWhole(text: string) {
  return text.split(/(\bMF-[A-Z0-9-]+|\b[A-Z0-9]{10,}\b)/).map((part, i) =>
    i % 2 ? (
      <span key={i} className="nowrap">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

const kg = (g: number) => `${(g / 1000).toFixed(1)} kg`;

function openPdf(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

function saveCsv(fileName: string, csv: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  a.download = fileName;
  a.click();
}

/** A reason prompt for reopen / void (both need one). */
function WithReason({
  label,
  testId,
  channel,
  onSubmit,
  busy,
}: {
  label: string;
  testId: string;
  channel: ChannelName;
  onSubmit: (reason: string) => void;
  busy: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <ActionButton channel={channel} data-testid={`${testId}-open`} onClick={() => setOpen(true)}>
        {label}…
      </ActionButton>
    );
  return (
    <form className="row-actions" onSubmit={(e) => (e.preventDefault(), onSubmit(reason), setOpen(false), setReason(''))}>
      <input
        autoFocus
        aria-label={`Why: ${label}`}
        data-testid={`${testId}-reason`}
        placeholder="Reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={200}
      />
      <button type="submit" disabled={busy} data-testid={`${testId}-submit`}>
        {label}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}

/** Handover: the manifest barcode was scanned (or the lead confirms by hand) and the driver's name is written. */
function Handover({ number, scanned, onDone }: { number: string; scanned: boolean; onDone: (msg: string) => void }) {
  const [driver, setDriver] = useState('');
  const { busy, failure, run } = useAction();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      className="dsp-handover"
      data-testid="handover-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => call('dispatch.handover', { code: number, driver, via: scanned ? 'driver_scan' : 'lead_confirm' })).then(
          (r) =>
            r &&
            onDone(
              `Handed over to ${r.manifest.driver}: ${r.manifest.parcels} parcels. ${r.discrepancies.length ? `${r.discrepancies.length} flagged: see Discrepancies.` : 'Nothing flagged.'}`,
            ),
        );
      }}
    >
      <label htmlFor="driver-name">Driver's name for {number}</label>
      <div className="row-actions">
        <input
          id="driver-name"
          ref={input}
          data-testid="driver-name"
          value={driver}
          onChange={(e) => setDriver(e.target.value)}
          maxLength={60}
          autoComplete="off"
        />
        <button type="submit" className="primary" data-testid="handover-confirm" disabled={busy}>
          Confirm handover
        </button>
      </div>
      <FormError failure={failure} />
    </form>
  );
}

// What can change a manifest: loads, unloads and handovers, manifest events; not picks or labels.
const refreshOn = (t: EventType) =>
  t === 'parcel.loaded' ||
  t === 'parcel.unloaded' ||
  t === 'parcel.handed_over' ||
  t === 'parcel.missing' ||
  t === 'parcel.voided' ||
  startsWith(t, 'manifest.') ||
  startsWith(t, 'dispatch.');
/** The screen shows the last few parcels loaded: it never asks for the whole manifest. */
const RECENT = 6;

type PanelProps = Omit<Parameters<typeof DispatchManifest>[0], 'detail'>;

/** One loader per manifest (mounted with key={id}), so switching manifests never shows the previous one's answer. */
export function DispatchManifestLoader({ id, version, ...rest }: PanelProps & { id: string; version: number }) {
  const detail = useChannel('dispatch.manifest', { manifestId: id, recent: RECENT }, refreshOn);
  // This station's own scans reload at once; other stations' changes arrive as pushes.
  const { reload } = detail;
  useEffect(() => {
    if (version) void reload();
  }, [version, reload]);
  if (detail.error && !detail.data)
    return (
      <div className="form-error" role="alert">
        {detail.error}
      </div>
    );
  if (!detail.data)
    return (
      <section className="dsp-manifest-panel dsp-empty">
        <div className="muted">Loading the manifest…</div>
      </section>
    );
  return <DispatchManifest detail={detail.data} {...rest} />;
}

export function DispatchManifest({
  detail,
  verdict,
  weight,
  setWeight,
  handover,
  setHandover,
  onNotice,
}: {
  detail: Detail;
  verdict: Verdict | null;
  weight: string;
  setWeight: (w: string) => void;
  handover: { scanned: boolean } | null;
  setHandover: (h: { scanned: boolean } | null) => void;
  onNotice: (v: Verdict) => void;
}) {
  const zone = useSiteZone();
  const { manifest: m, rules } = detail;
  const { busy, failure, run } = useAction();
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  useEffect(() => setPdfUrl(null), [m.id, m.status]);
  const recent = detail.parcels.slice(-RECENT).reverse();
  return (
    <section className="dsp-manifest-panel" data-testid="manifest-panel" data-status={m.status} data-number={m.number ?? ''}>
      <header className="dsp-mhead">
        <div>
          <div className="dsp-mtitle">
            {m.lineName} <span className={`pill pill-m-${m.status}`}>{words(m.status)}</span>
          </div>
          <div className="mono" data-testid="manifest-number">
            {m.number ?? 'number given at close-out'}
          </div>
        </div>
        <div className="dsp-counts">
          <div>
            <b data-testid="manifest-parcels">{m.parcels}</b>
            <span>parcels</span>
          </div>
          <div>
            <b>{m.weightGrams ? kg(m.weightGrams) : '–'}</b>
            <span>{m.unweighed ? `${m.unweighed} not weighed` : 'weight'}</span>
          </div>
          <div className={m.overdue ? 'bad' : ''}>
            <b>{m.pickupLocal.slice(-5)}</b>
            <span>{m.overdue ? 'pickup OVERDUE' : `pickup ${m.pickupLocal.slice(0, -6)}`}</span>
          </div>
        </div>
      </header>

      <div
        className={`scan-panel dsp-scan tone-${verdict?.tone ?? 'idle'}`}
        data-testid="scan-panel"
        data-tone={verdict?.tone ?? 'idle'}
        data-code={verdict?.code ?? ''}
        aria-live="assertive"
      >
        {verdict ? (
          <>
            <div className="dsp-verdict" data-testid="verdict-title">
              {keepNumbersWhole(verdict.title)}
            </div>
            {verdict.next && (
              <div className="verdict-next" data-testid="verdict-next">
                {verdict.next}
              </div>
            )}
          </>
        ) : (
          <div className="dsp-prompt">
            {m.status === 'open'
              ? 'Scan parcel labels to load them'
              : m.status === 'closed'
                ? 'Scan the manifest barcode at pickup'
                : `Manifest ${words(m.status)}`}
          </div>
        )}
      </div>

      {detail.incomplete.length > 0 && (
        <div className="dsp-incomplete" data-testid="manifest-incomplete" role="alert">
          {detail.incomplete.map((o) => (
            <div key={o.orderId}>
              <b>{o.message}</b> {m.status === 'handed_over' ? 'The order is not complete: ship the missing parcel on the next pickup.' : o.next}
            </div>
          ))}
        </div>
      )}

      {m.status === 'open' && rules.weight !== 'off' && (
        <div className="row-actions dsp-weight">
          <label htmlFor="dsp-weight">Weight of the next parcel (g){rules.weight === 'required' ? ' — required' : ''}</label>
          <input id="dsp-weight" data-testid="weight" inputMode="numeric" value={weight} onChange={(e) => setWeight(e.target.value.replace(/\D/g, ''))} />
        </div>
      )}
      {detail.currentBag && m.status === 'open' && (
        <div className="muted">
          Loading into bag <b className="mono">{detail.currentBag}</b>
        </div>
      )}

      {handover && m.number && m.status === 'closed' && (
        <Handover
          number={m.number}
          scanned={handover.scanned}
          onDone={(msg) => {
            setHandover(null);
            onNotice({ tone: 'pass', title: msg });
          }}
        />
      )}

      <div className="row-actions dsp-actions">
        {m.status === 'open' && (
          <ActionButton
            channel="dispatch.close"
            className="primary"
            data-testid="close-out"
            disabled={busy}
            onClick={() =>
              void run(() => call('dispatch.close', { manifestId: m.id })).then(
                (r) => r && onNotice({ tone: 'pass', title: `Closed out: ${r.manifest.number}`, next: 'Print the manifest for the driver.' }),
              )
            }
          >
            Close out
          </ActionButton>
        )}
        {m.number && (
          <ActionButton
            channel="dispatch.pdf"
            data-testid="print-pdf"
            disabled={busy}
            onClick={() => void run(() => call('dispatch.pdf', { manifestId: m.id })).then((r) => r && setPdfUrl(openPdf(r.pdfBase64)))}
          >
            Manifest PDF
          </ActionButton>
        )}
        {pdfUrl && (
          <a className="dsp-pdf" href={pdfUrl} target="_blank" rel="noreferrer" data-testid="manifest-pdf" download={`${m.number}.pdf`}>
            Open {m.number}.pdf
          </a>
        )}
        {m.number && (
          <ActionButton
            channel="dispatch.csv"
            disabled={busy}
            data-testid="export-csv"
            onClick={() => void run(() => call('dispatch.csv', { manifestId: m.id })).then((r) => r && saveCsv(r.fileName, r.csv))}
          >
            Carrier CSV
          </ActionButton>
        )}
        {m.status === 'closed' && !handover && (
          <button data-testid="handover-open" onClick={() => setHandover({ scanned: false })}>
            Confirm handover…
          </button>
        )}
        {m.status === 'closed' && (
          <WithReason
            label="Reopen"
            testId="reopen"
            channel="dispatch.reopen"
            busy={busy}
            onSubmit={(reason) =>
              void run(() => call('dispatch.reopen', { manifestId: m.id, reason })).then(
                (r) => r && onNotice({ tone: 'attention', title: `Reopened ${r.manifest.number}`, next: 'Scan the parcels to add, then close it out again.' }),
              )
            }
          />
        )}
        {(m.status === 'open' || m.status === 'closed') && (
          <WithReason
            label="Void"
            testId="void"
            channel="dispatch.void"
            busy={busy}
            onSubmit={(reason) =>
              void run(() => call('dispatch.void', { manifestId: m.id, reason })).then(
                (r) =>
                  r &&
                  onNotice({
                    tone: 'attention',
                    title: `Manifest voided: ${r.parcels.length} parcels back on the dock`,
                    next: 'Open a new manifest for the line to load them again.',
                  }),
              )
            }
          />
        )}
      </div>
      <FormError failure={failure} testId="manifest-error" />
      {m.handedOverAt && (
        <div className="ok" data-testid="handed-over">
          Handed over {zone ? fmtZoned(m.handedOverAt, zone) : fmtTime(m.handedOverAt)} {m.driver ? `to ${m.driver}` : ''} ({words(m.handoverVia ?? '')})
        </div>
      )}

      <ol className="dsp-recent" aria-label="Last loaded">
        {recent.map((p) => (
          <li key={p.parcelId} data-testid="loaded-row">
            <span className="mono">{p.trackingNumber}</span> <span className="muted">{p.orderName}</span> {p.bag && <span className="muted">{p.bag}</span>}{' '}
            {p.weightGrams !== null && <span>{p.weightGrams} g</span>}
            <span className={`pill pill-${p.status}`}>{words(p.status)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
