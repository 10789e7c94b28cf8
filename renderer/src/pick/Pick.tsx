import { useCallback, useEffect, useRef, useState } from 'react';
import { call, ApiFailure } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { shortScanAnswer, useScanner } from '../hooks/useScanner';
import { fmtDateTime, fmtWhen } from '../ui/time';
import { useChannel } from '../hooks/useApi';
import { play } from '../ui/sounds';
import { LabelPreview } from './LabelPreview';
import { PrinterHealth } from '../devices/PrinterHealth';
import { PackBench, type BenchReply } from '../pack/PackBench';
import { Cn23Actions } from '../pack/Cn23Actions';
import { useOperator } from '../operators/roles';
import { startsWith } from '../ui/event-family';

type Result = Output<'pick.scan'>;
type Candidates = Extract<Result, { outcome: 'ambiguous' }>['candidates'];
type Verdict = {
  tone: 'pass' | 'fail' | 'attention' | 'held';
  title: string;
  detail: string;
  next?: string;
  result?: Result;
  choose?: { code: string; candidates: Candidates };
  /** Parcels the pack bench just issued (their CN23 can be printed again here). */
  benchParcels?: Array<{ id: string; piece?: number | null; pieces?: number | null }>;
};

const REFUSED: Record<string, string> = {
  unknown: 'Not found',
  shipped: 'Already handed to the carrier',
  cancelled: 'Cancelled',
  on_hold: 'On hold',
  no_line: 'No carrier line',
  out_of_numbers: 'No tracking numbers left',
  bad_scan: 'Not a code for this screen',
  held_after_restore: 'Held after a restore: a supervisor decides',
};

/** The ship date in the one time format (the server's label is kept for parcels without pickupAt). */
const shipText = (p: { pickupAt?: string | null; shipLabel?: string | null }) => (p.pickupAt ? `ships ${fmtDateTime(p.pickupAt)}` : p.shipLabel);

function verdictOf(r: Result, code: string): Verdict {
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
      return {
        tone: r.code === 'held_after_restore' ? 'held' : 'fail',
        title: r.message,
        detail: `Refused: ${REFUSED[r.code] ?? r.code.replace(/_/g, ' ')}.`,
        next: r.next,
      };
    case 'ambiguous':
      return { tone: 'attention', title: r.message, detail: '', next: r.next, choose: { code, candidates: r.candidates } };
    case 'pack':
      return { tone: 'attention', title: r.message, detail: '', next: r.next };
  }
}

const BENCH_TONE: Record<BenchReply['outcome'], Verdict['tone']> = {
  counted: 'pass',
  complete: 'pass',
  parcels: 'pass',
  weighed: 'pass',
  issued: 'pass',
  extra: 'attention',
  wrong: 'fail',
  refused: 'fail',
};

type Parcel = Output<'parcels.get'>['parcel'];

/**
 * The last parcel as it is now (the label prints after the scan's answer), not the scan reply's snapshot.
 * The pick counters load it anyway (`pick.stats` reloads on the label's events): only a parcel they do not
 * show (a reprint of an older one until they catch up) is loaded on its own, on its own events.
 */
function LastParcel({ snapshot, current, countersCaughtUp }: { snapshot: Parcel; current: Parcel | null; countersCaughtUp: boolean }) {
  const own = useChannel('parcels.get', { id: snapshot.id }, (_t, subject) => subject === snapshot.id, { enabled: countersCaughtUp && !current });
  const last = current ?? own.data?.parcel ?? snapshot;
  return (
    <>
      <div className="tn" data-testid="last-tracking">
        {last.trackingNumber}
      </div>
      <div>
        {last.orderName} · {last.lineName}
      </div>
      <div className={last.labelPrintedAt ? 'ok' : 'warn'} data-testid="last-label" data-printed={last.labelPrintedAt ? 'yes' : 'no'}>
        {last.labelPrintedAt ? `Label printed ${fmtWhen(last.labelPrintedAt)}` : 'Label waiting for the printer'}
      </div>
      <LabelPreview parcelId={last.id} version={`${last.id}:${last.reprints}`} tracking={last.trackingNumber} />
    </>
  );
}

/** The counters' copy of the parcel when it is that parcel and not older than the scan's answer (a reprint counts up). */
const sameOrNewer = (counted: Parcel | null | undefined, shown: Parcel) => (counted?.id === shown.id && counted.reprints >= shown.reprints ? counted : null);

export function PickScreen() {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  // Every answer counts up: a test (or a screen reader) can tell a new answer from the same text again.
  const [seq, setSeq] = useState(0);
  const choosing = useRef<Verdict['choose']>(undefined);
  choosing.current = verdict?.choose;
  const [busy, setBusy] = useState(false);
  const [manual, setManual] = useState('');
  const station = useChannel('station.get', {}, (t) => t === 'station.configured');
  const me = useOperator();
  const stats = useChannel('pick.stats', {}, (t) => startsWith(t, 'parcel.') || startsWith(t, 'scan.') || startsWith(t, 'job.') || t === 'label.printed');
  // The answer the counters were last loaded after: until they load after the newest one, their last parcel may be the one before.
  const seqNow = useRef(seq);
  seqNow.current = seq;
  const [statsAt, setStatsAt] = useState(-1);
  useEffect(() => setStatsAt(seqNow.current), [stats.data]);
  // The order at the pack bench (its line or store has pack rules): scans go to it until its labels are out.
  const [bench, setBench] = useState<string | null>(null);
  const benchRef = useRef<string | null>(null);
  benchRef.current = bench;
  const [benchReply, setBenchReply] = useState<BenchReply | null>(null);
  // Scans are answered one by one in the order they came: a scan that arrives while another is in
  // flight waits its turn (never dropped), and gets its own verdict and sound.
  const queue = useRef<Promise<void>>(Promise.resolve());
  const waiting = useRef(0);

  const answer = useCallback((v: Verdict) => {
    setVerdict(v);
    setSeq((n) => n + 1);
    play(v.tone);
  }, []);

  const benchAnswer = useCallback((r: BenchReply) => {
    setSeq((n) => n + 1);
    play(BENCH_TONE[r.outcome]);
    if (r.outcome === 'issued' && r.parcels?.length) {
      const last = r.parcels[r.parcels.length - 1];
      setBench(null);
      setBenchReply(null);
      setVerdict({
        tone: 'pass',
        title: r.parcels.length > 1 ? `${r.parcels.length} labels` : last.trackingNumber,
        detail: r.message,
        next: r.next,
        result: { outcome: 'issued', parcel: last, carrier: '', shipTo: '', warnings: [] },
        benchParcels: r.parcels,
      });
    } else setBenchReply(r);
  }, []);

  const send = useCallback(
    async (scanned: string, choice?: string) => {
      if (benchRef.current) {
        try {
          benchAnswer(await call('pack.scan', { orderId: benchRef.current, code: scanned }, { scan: true }));
        } catch (e) {
          benchAnswer({ outcome: 'refused', message: 'The scan was not recorded', next: e instanceof ApiFailure ? e.message : String(e) });
        }
        return;
      }
      // While the screen asks "which store?", the store's pick-slip barcode answers it.
      const pending = choosing.current;
      const code = !choice && pending?.candidates.some((c) => c.storeBarcode === scanned.trim().toUpperCase()) ? pending.code : scanned;
      if (code !== scanned) choice = scanned;
      try {
        const r = await call('pick.scan', { code, ...(choice ? { choice } : {}) }, { scan: true });
        if (r.outcome === 'pack') {
          setBench(r.orderId);
          setBenchReply({ outcome: 'parcels', message: r.message, next: r.next });
          setSeq((n) => n + 1);
          play('attention');
          return;
        }
        const v = verdictOf(r, code);
        choosing.current = v.choose;
        answer(v);
      } catch (e) {
        choosing.current = undefined;
        answer({
          tone: 'fail',
          title: 'The scan was not recorded',
          detail: e instanceof ApiFailure ? e.message : String(e),
          next: 'Scan again. If it repeats, call a supervisor.',
        });
      }
    },
    [answer, benchAnswer],
  );

  const submit = useCallback(
    (scanned: string, choice?: string) => {
      waiting.current++;
      setBusy(true);
      const turn = queue.current.then(() => send(scanned, choice));
      queue.current = turn.finally(() => {
        if (--waiting.current === 0) setBusy(false);
      });
      return turn;
    },
    [send],
  );

  useScanner(
    (code) => void submit(code),
    station.data?.scanner,
    !!station.data,
    (code, min) => answer({ tone: 'fail', detail: 'Refused: too short for a scan.', ...shortScanAnswer(code, min) }),
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setVerdict(null);
        setBench(null);
        setBenchReply(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const last = verdict?.result && 'parcel' in verdict.result ? verdict.result.parcel : (stats.data?.last ?? null);
  const s = stats.data;
  return (
    <div className="pick">
      {bench ? (
        <section
          className="scan-panel bench-panel"
          data-testid="scan-panel"
          data-scanner={station.data ? 'ready' : 'loading'}
          data-tone="bench"
          data-seq={seq}
          aria-live="assertive"
        >
          <PackBench orderId={bench} reply={benchReply} onReply={benchAnswer} onClose={() => (setBench(null), setBenchReply(null))} />
        </section>
      ) : (
        <section
          className={`scan-panel tone-${verdict?.tone ?? 'idle'}`}
          data-testid="scan-panel"
          data-scanner={station.data ? 'ready' : 'loading'}
          data-tone={verdict?.tone ?? 'idle'}
          data-seq={seq}
          aria-live="assertive"
        >
          {verdict ? (
            <>
              <div className="verdict-title" data-testid="verdict-title">
                {verdict.title}
              </div>
              {verdict.detail && (
                <div className="verdict-detail" data-testid="verdict-detail">
                  {verdict.detail}
                </div>
              )}
              {verdict.result && 'parcel' in verdict.result && verdict.result.parcel.shipLabel && (
                <div
                  className={`verdict-ship${verdict.result.parcel.late ? ' tone-late' : ''}`}
                  data-testid="verdict-ship"
                  data-late={!!verdict.result.parcel.late}
                >
                  {shipText(verdict.result.parcel)}
                </div>
              )}
              {verdict.choose && (
                <div className="pick-choices" data-testid="pick-choices">
                  {verdict.choose.candidates.map((c) => (
                    <button
                      key={c.orderId}
                      className="pick-choice"
                      data-testid="pick-choice"
                      data-store={c.storeBarcode}
                      disabled={busy}
                      onClick={() => void submit(verdict.choose!.code, c.orderId)}
                    >
                      <b>{c.store}</b>
                      <span>
                        {c.orderName} · {c.shipToName}
                        {c.status !== 'open' ? ` · ${c.status.replace(/_/g, ' ')}` : ''}
                      </span>
                      <span className="mono small">{c.storeBarcode}</span>
                    </button>
                  ))}
                </div>
              )}
              {verdict.next && (
                <div className="verdict-next" data-testid="verdict-next">
                  {verdict.next}
                </div>
              )}
              {verdict.benchParcels?.map((p) => (
                <Cn23Actions key={p.id} parcelId={p.id} label={p.pieces ? `parcel ${p.piece} of ${p.pieces}` : undefined} />
              ))}
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
            <input
              id="manual-code"
              data-testid="manual-code"
              value={manual}
              onChange={(e) => setManual(e.target.value)}
              autoComplete="off"
              placeholder="#1001"
              disabled={busy}
            />
            <button type="submit" disabled={busy}>
              Enter
            </button>
          </form>
        </section>
      )}

      <aside className="side">
        <PrinterHealth />
        <div className="counters" data-testid="counters">
          <div>
            <b data-testid="count-picked">{s?.pickedToday ?? '–'}</b>
            <span>picked today</span>
          </div>
          <div>
            <b>{s?.reprintsToday ?? '–'}</b>
            <span>reprints</span>
          </div>
          <div>
            <b>{s?.refusedToday ?? '–'}</b>
            <span>refused</span>
          </div>
          <div className={s?.printFailed ? 'bad' : ''}>
            <b data-testid="print-queue">{s?.printQueue ?? '–'}</b>
            <span>{s?.printFailed ? 'labels waiting: printer down' : 'labels in queue'}</span>
          </div>
        </div>
        <div className="last-parcel" data-testid="last-parcel">
          <h2>Last parcel</h2>
          {last ? (
            <LastParcel key={last.id} snapshot={last} current={sameOrNewer(s?.last, last)} countersCaughtUp={statsAt === seq} />
          ) : (
            <div className="muted">Nothing picked yet today.</div>
          )}
        </div>
        {station.data && (
          <div className="muted small">
            {me ? `${me.name} picking · ` : ''}
            {s?.openOrders ?? '–'} open orders
          </div>
        )}
      </aside>
    </div>
  );
}
