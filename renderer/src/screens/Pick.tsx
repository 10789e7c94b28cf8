import { useCallback, useEffect, useRef, useState } from 'react';
import { call, ApiFailure } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { useScanner } from '../hooks/useScanner';
import { useChannel } from '../hooks/useApi';
import { play } from '../sounds';
import { LabelPreview } from '../components/LabelPreview';
import { PrinterHealth } from '../components/PrinterHealth';

type Result = Output<'pick.scan'>;
type Verdict = { tone: 'pass' | 'fail' | 'attention'; title: string; detail: string; next?: string; result?: Result };

function verdictOf(r: Result): Verdict {
  switch (r.outcome) {
    case 'issued':
      return {
        tone: r.warnings.length ? 'attention' : 'pass',
        title: `${r.parcel.trackingNumber}`,
        detail: `${r.parcel.orderName} · ${r.carrier} · ${r.shipTo}`,
        next: r.warnings.map((w) => w.message).join(' ') || 'Label printing. Scan the next order.',
        result: r,
      };
    case 'reprinted':
      return {
        tone: 'attention',
        title: `Reprint ${r.parcel.trackingNumber}`,
        detail: `${r.parcel.orderName} already has this number (${r.reason}). No new number was issued.`,
        next: r.warnings.map((w) => w.message).join(' ') || 'Replace the old label with the new one.',
        result: r,
      };
    case 'refused':
      return { tone: 'fail', title: r.message, detail: `Refused: ${r.code.replace('_', ' ')}`, next: r.next };
    case 'ambiguous':
      return {
        tone: 'attention',
        title: r.message,
        detail: r.candidates.map((c) => `${c.orderName} (${c.shipToName})`).join(' · '),
        next: r.next,
      };
  }
}

type Parcel = Output<'parcels.get'>['parcel'];
const liveRefresh = (t: string) => t === 'label.printed' || t.startsWith('parcel.') || t.startsWith('print.') || t.startsWith('job.');

/** The last parcel as it is now (the label prints after the scan's answer), not the scan reply's snapshot. */
function LastParcel({ snapshot }: { snapshot: Parcel }) {
  const live = useChannel('parcels.get', { id: snapshot.id }, liveRefresh);
  const last = live.data?.parcel ?? snapshot;
  return (
    <>
      <div className="tn" data-testid="last-tracking">{last.trackingNumber}</div>
      <div>{last.orderName} · {last.lineName}</div>
      <div className={last.labelPrintedAt ? 'ok' : 'warn'} data-testid="last-label" data-printed={last.labelPrintedAt ? 'yes' : 'no'}>
        {last.labelPrintedAt ? `Label printed ${new Date(last.labelPrintedAt).toLocaleTimeString()}` : 'Label waiting for the printer'}
      </div>
      <LabelPreview parcelId={last.id} version={`${last.id}:${last.reprints}`} tracking={last.trackingNumber} />
    </>
  );
}

export function PickScreen() {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [busy, setBusy] = useState(false);
  const [manual, setManual] = useState('');
  const station = useChannel('station.get', {}, (t) => t === 'station.configured');
  const stats = useChannel('pick.stats', {}, (t) => t.startsWith('parcel.') || t.startsWith('scan.') || t.startsWith('job.') || t === 'label.printed');
  const inFlight = useRef(false);

  const submit = useCallback(async (code: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const r = await call('pick.scan', { code });
      const v = verdictOf(r);
      setVerdict(v);
      play(v.tone);
    } catch (e) {
      setVerdict({ tone: 'fail', title: 'The scan was not recorded', detail: e instanceof ApiFailure ? e.message : String(e), next: 'Scan again. If it repeats, call a supervisor.' });
      play('fail');
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  useScanner((code) => void submit(code), station.data?.scanner, !!station.data);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setVerdict(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const last = verdict?.result && 'parcel' in verdict.result ? verdict.result.parcel : stats.data?.last ?? null;
  const s = stats.data;
  return (
    <div className="pick">
      <section className={`scan-panel tone-${verdict?.tone ?? 'idle'}`} data-testid="scan-panel" data-tone={verdict?.tone ?? 'idle'} aria-live="assertive">
        {verdict ? (
          <>
            <div className="verdict-title" data-testid="verdict-title">{verdict.title}</div>
            <div className="verdict-detail">{verdict.detail}</div>
            {verdict.result && 'parcel' in verdict.result && verdict.result.parcel.shipLabel && (
              <div className={`verdict-ship${verdict.result.parcel.late ? ' tone-late' : ''}`} data-testid="verdict-ship" data-late={!!verdict.result.parcel.late}>
                {verdict.result.parcel.shipLabel}
              </div>
            )}
            {verdict.next && <div className="verdict-next" data-testid="verdict-next">{verdict.next}</div>}
          </>
        ) : (
          <>
            <div className="prompt">Scan an order or an item</div>
            <div className="verdict-detail">The tracking number is issued and the label prints at once.</div>
          </>
        )}
        <form
          className="manual"
          onSubmit={(e) => {
            e.preventDefault();
            if (manual.trim()) void submit(manual.trim());
            setManual('');
          }}
        >
          <label htmlFor="manual-code">Or type the order number</label>
          <input id="manual-code" data-testid="manual-code" value={manual} onChange={(e) => setManual(e.target.value)} autoComplete="off" placeholder="#1001" disabled={busy} />
          <button type="submit" disabled={busy}>Enter</button>
        </form>
      </section>

      <aside className="side">
        <PrinterHealth />
        <div className="counters" data-testid="counters">
          <div><b data-testid="count-picked">{s?.pickedToday ?? '–'}</b><span>picked today</span></div>
          <div><b>{s?.reprintsToday ?? '–'}</b><span>reprints</span></div>
          <div><b>{s?.refusedToday ?? '–'}</b><span>refused</span></div>
          <div className={s?.printFailed ? 'bad' : ''}><b data-testid="print-queue">{s?.printQueue ?? '–'}</b><span>{s?.printFailed ? 'labels waiting: printer down' : 'labels in queue'}</span></div>
        </div>
        <div className="last-parcel" data-testid="last-parcel">
          <h2>Last parcel</h2>
          {last ? (
            <LastParcel key={last.id} snapshot={last} />
          ) : (
            <div className="muted">Nothing picked yet today.</div>
          )}
        </div>
        {station.data && <div className="muted small">Operator {station.data.operator} · {s?.openOrders ?? '–'} open orders</div>}
      </aside>
    </div>
  );
}
