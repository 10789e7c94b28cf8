import { useEffect, useRef, useState } from 'react';
import { call, onPush, ApiFailure } from '../api/client';
import { TEST_SHEET, diagnoseScan, type Diagnosis } from '../../../native/scanners/selftest';
import { defaultWedgeSettings, type KeyInput, type WedgeSettings } from '../../../native/scanners/wedge';

/** A burst of keys ends on Enter/Tab, or after this much silence (longer than any scanner's gap). */
const BURST_END_MS = 400;

type Result = Diagnosis & { n: number; source: string };

/** Scan the printed test sheet; every scan gets a diagnosis of what is wrong and what to change. */
export function SelfTest({ settings }: { settings: WedgeSettings | undefined }) {
  const [results, setResults] = useState<Result[]>([]);
  const [printing, setPrinting] = useState<string | null>(null);
  const live = settings ?? defaultWedgeSettings;
  const keys = useRef<KeyInput[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const count = useRef(0);
  const liveRef = useRef(live);
  liveRef.current = live;

  const add = (d: Diagnosis, source: string) => setResults((r) => [{ ...d, n: ++count.current, source }, ...r].slice(0, 6));

  useEffect(() => {
    const finish = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const burst = keys.current;
      keys.current = [];
      if (burst.some((k) => k.key.length === 1)) add(diagnoseScan({ keys: burst }, liveRef.current), 'keyboard');
    };
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA')) return;
      if (e.key.length !== 1 && !['Enter', 'Tab', 'F8'].includes(e.key)) return;
      // F8 is GS only inside a scanner's burst; pressed on its own it switches screens like every function key.
      const prev = keys.current.at(-1);
      if (e.key === 'F8' && (!prev || e.timeStamp - prev.time > Math.max(liveRef.current.maxInterKeyMs, liveRef.current.endTimeoutMs))) return;
      // A scanner's Enter must end its code, not press the button that has focus.
      if (e.key === 'Tab' || e.key === 'F8' || (e.key === ']' && e.ctrlKey) || (e.key === 'Enter' && keys.current.length)) {
        e.preventDefault();
        e.stopPropagation();
      }
      keys.current.push({ key: e.key, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, time: e.timeStamp });
      if (e.key === 'Enter' || e.key === 'Tab') return finish();
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(finish, BURST_END_MS);
    };
    window.addEventListener('keydown', onKey, true);
    const off = onPush((name, d) => {
      if (name === 'scanner.scan') add(diagnoseScan({ code: (d as { code: string }).code }, liveRef.current), (d as { device: string }).device);
    });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (timer.current) clearTimeout(timer.current);
      off();
    };
  }, []);

  const print = async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    try {
      await call('selftest.print', {});
      setPrinting('The test sheet is in the printer queue, behind any labels waiting. Scan its three codes here.');
    } catch (e) {
      setPrinting(e instanceof ApiFailure ? e.message : String(e));
    }
  };

  return (
    <section className="card selftest" aria-labelledby="st-h" data-testid="selftest">
      <h2 id="st-h">Scanner self-test</h2>
      <div className="row-actions">
        <button onClick={() => void print()} data-testid="selftest-print">
          Print test sheet
        </button>
        <span className="muted">Then scan each code. {TEST_SHEET.map((s) => s.title.split(':')[0]).join(' · ')}</span>
      </div>
      {printing && (
        <div className="notice" data-testid="selftest-notice">
          {printing}
        </div>
      )}
      {results.length === 0 && <div className="muted st-wait">Waiting for a scan…</div>}
      <ol className="st-results">
        {results.map((r) => (
          <li
            key={r.n}
            className={r.problems.length ? 'st-bad' : 'st-ok'}
            data-testid="selftest-result"
            data-matched={r.matched ?? ''}
            data-problems={r.problems.map((p) => p.id).join(',')}
          >
            <div className="st-head">
              <b>{r.problems.length ? r.problems.map((p) => p.title).join(' · ') : `OK — ${TEST_SHEET.find((s) => s.id === r.matched)?.title ?? ''}`}</b>
              <span className="mono st-got">{r.received}</span>
            </div>
            {r.problems.map((p) => (
              <div key={p.id} className="st-problem">
                <div>{p.detail}</div>
                <div className="st-fix">
                  <b>Change:</b> {p.fix}
                </div>
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
