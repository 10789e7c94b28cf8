import type { EventType } from '../../../electron/contract/channels';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, ApiFailure } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { shortScanAnswer, useScanner } from '../hooks/useScanner';
import { play } from '../ui/sounds';
import { DispatchLines } from './DispatchLines';
import { DispatchManifestLoader, type Verdict } from './DispatchManifest';
import { DispatchDiscrepancies } from './DispatchDiscrepancies';
import { startsWith } from '../ui/event-family';

type ScanResult = Output<'dispatch.scan'>;

const refreshOn = (t: EventType) => startsWith(t, 'parcel.') || startsWith(t, 'manifest.') || startsWith(t, 'dispatch.') || t === 'line.saved';

/** Wrong line and duplicate must be told apart without looking: a long buzz for the wrong line, a two-tone for "already loaded", its own sound for a parcel held after a restore. */
function verdictOf(r: ScanResult): Verdict {
  switch (r.outcome) {
    case 'loaded':
      return { tone: 'pass', title: r.message, next: 'Scan the next parcel.', code: 'loaded' };
    case 'bag':
      return { tone: 'pass', title: r.message, code: 'bag' };
    case 'manifest':
      return { tone: 'attention', title: r.message, next: r.next, code: 'manifest' };
    case 'refused':
      return { tone: r.code === 'duplicate' ? 'attention' : r.code === 'held_after_restore' ? 'held' : 'fail', title: r.message, next: r.next, code: r.code };
  }
}

type Alert = Output<'dispatch.board'>['alerts'][number];

/** One compact line per carrier line: its first alert, and how many more it has. */
function alertsByLine(alerts: Alert[]): Array<[Alert, number]> {
  const byLine = new Map<string, Alert[]>();
  for (const a of alerts) byLine.set(a.lineId, [...(byLine.get(a.lineId) ?? []), a]);
  return [...byLine.values()].map((list) => [list[0], list.length - 1]);
}

export function DispatchScreen() {
  const board = useChannel('dispatch.board', {}, refreshOn);
  const station = useChannel('station.get', {}, (t) => t === 'station.configured');
  const [selected, setSelected] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [weight, setWeight] = useState('');
  const [handover, setHandover] = useState<{ scanned: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const inFlight = useRef(false);

  // Pickups become overdue with time, not with events: look again every 30 s.
  useEffect(() => {
    const t = setInterval(() => void board.reload(), 30_000);
    return () => clearInterval(t);
  }, [board.reload]);

  // Select the first manifest still at the warehouse when nothing is selected.
  useEffect(() => {
    if (!selected && board.data) {
      const first = board.data.manifests.find((m) => m.status === 'open' || m.status === 'closed');
      if (first) setSelected(first.id);
    }
  }, [board.data, selected]);

  const submit = useCallback(
    async (code: string) => {
      if (inFlight.current) return;
      if (!selected) {
        setVerdict({ tone: 'fail', title: 'No manifest is selected.', next: 'Open or pick a manifest on the left, then scan again.' });
        play('fail');
        return;
      }
      inFlight.current = true;
      try {
        const grams = Number(weight);
        const r = await call('dispatch.scan', { manifestId: selected, code, ...(grams > 0 ? { weightGrams: grams } : {}) }, { scan: true });
        const v = verdictOf(r);
        setVerdict(v);
        setVersion((n) => n + 1);
        void board.reload();
        play(v.tone);
        if (r.outcome === 'loaded') setWeight('');
        if (r.outcome === 'manifest') {
          setSelected(r.manifest.id);
          if (r.manifest.status === 'closed') setHandover({ scanned: true });
        }
      } catch (e) {
        setVerdict({ tone: 'fail', title: 'The scan was not recorded', next: e instanceof ApiFailure ? e.message : String(e) });
        play('fail');
      } finally {
        inFlight.current = false;
      }
    },
    [selected, weight, board.reload],
  );
  useScanner(
    (code) => void submit(code),
    station.data?.scanner,
    !!station.data,
    (code, min) => (setVerdict({ tone: 'fail', code: 'short', ...shortScanAnswer(code, min) }), play('fail')),
  );

  const openManifest = async (lineId: string) => {
    setBusy(true);
    try {
      const m = await call('dispatch.open', { lineId });
      setSelected(m.id);
      setVerdict(null);
    } catch (e) {
      setVerdict({ tone: 'fail', title: 'The manifest was not opened', next: e instanceof ApiFailure ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  const b = board.data;
  return (
    <div className="dispatch">
      {b && b.alerts.length > 0 && (
        <div className="dsp-alerts" role="alert">
          {alertsByLine(b.alerts).map(([first, more]) => (
            <div key={first.lineId} className="dsp-alert" data-testid="dispatch-alert" data-line={first.lineId} title={`${first.message} ${first.next}`}>
              <b>{first.message}</b> {first.next}
              {more > 0 && <span className="dsp-alert-more"> (+{more} more on this line)</span>}
            </div>
          ))}
        </div>
      )}
      {board.error && (
        <div className="form-error" role="alert">
          {board.error}
        </div>
      )}
      <div className="dsp-body">
        {b ? (
          <DispatchLines
            board={b}
            selected={selected}
            onSelect={(id) => (setSelected(id), setVerdict(null), setHandover(null))}
            onOpen={(l) => void openManifest(l)}
            busy={busy}
          />
        ) : (
          <div className="muted">Loading…</div>
        )}
        {selected ? (
          <DispatchManifestLoader
            key={selected}
            id={selected}
            version={version}
            verdict={verdict}
            weight={weight}
            setWeight={setWeight}
            handover={handover}
            setHandover={setHandover}
            onNotice={(v) => (setVerdict(v), setVersion((n) => n + 1), void board.reload())}
          />
        ) : (
          <section className="dsp-manifest-panel dsp-empty">
            <div className="dsp-prompt">Open a manifest for a line to start loading.</div>
          </section>
        )}
        <DispatchDiscrepancies items={b?.discrepancies ?? []} />
      </div>
    </div>
  );
}
