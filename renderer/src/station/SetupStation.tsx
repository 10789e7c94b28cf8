import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { useScanner } from '../hooks/useScanner';
import type { Output } from '../../../electron/contract/channels';
import { Field, FormError, described, fmtTime, issueAt, useAction } from '../ui/Field';
import { consoleNow } from '../ui/time';
import { defaultWedgeSettings, type WedgeSettings } from '../../../native/scanners/wedge';

type Station = Output<'station.get'>;
type Printers = Output<'printers.list'>;
type Suffix = WedgeSettings['suffix'];

type Form = {
  name: string;
  printerId: string;
  maxInterKeyMs: string;
  minLength: string;
  suffix: Suffix;
  prefix: string;
  endTimeoutMs: string;
};

const toForm = (s: Station): Form => ({
  name: s.name,
  printerId: s.printerId ?? '',
  maxInterKeyMs: String(s.scanner.maxInterKeyMs),
  minLength: String(s.scanner.minLength),
  suffix: s.scanner.suffix,
  prefix: s.scanner.prefix,
  endTimeoutMs: String(s.scanner.endTimeoutMs),
});

// Numbers are typed into text inputs: the scanner hook types held keys back with setRangeText, which
// number inputs do not support. An empty or non-numeric entry is sent as-is and the contract says why.
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim()));

function scannerOf(f: Form): WedgeSettings {
  return { maxInterKeyMs: num(f.maxInterKeyMs), minLength: num(f.minLength), suffix: f.suffix, prefix: f.prefix, endTimeoutMs: num(f.endTimeoutMs) };
}

const showCode = (code: string) =>
  code.replace(/\u001d/g, '⟨GS⟩').replace(/[\u0000-\u001f\u007f]/g, (c) => `⟨${c.charCodeAt(0).toString(16).padStart(2, '0')}⟩`);

const SUFFIXES: Array<{ v: Suffix; label: string }> = [
  { v: 'EnterOrTab', label: 'Enter or Tab' },
  { v: 'Enter', label: 'Enter' },
  { v: 'Tab', label: 'Tab' },
  { v: 'None', label: 'None (end by pause)' },
];

type Scan = { code: string; symbology?: string; at: Date; n: number; shortOf?: number };

/** Station settings, scanner settings and the live scanner test. */
export function SetupStation({ printers }: { printers: Printers | null }) {
  const station = useChannel('station.get', {}, (t) => t === 'station.configured');
  const [form, setForm] = useState<Form | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, failure, run } = useAction();

  useEffect(() => {
    if (station.data && !dirty) setForm(toForm(station.data));
  }, [station.data, dirty]);

  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => (f ? { ...f, [k]: v } : f));
    setDirty(true);
    setSaved(null);
  };

  // The live test uses what is on the form when it is usable, else what is saved.
  const live: WedgeSettings = useMemo(() => {
    if (!form) return station.data?.scanner ?? defaultWedgeSettings;
    const s = scannerOf(form);
    const ok = [s.maxInterKeyMs, s.minLength, s.endTimeoutMs].every((n) => Number.isFinite(n) && n > 0);
    return ok ? s : (station.data?.scanner ?? defaultWedgeSettings);
  }, [form, station.data]);

  const [scan, setScan] = useState<Scan | null>(null);
  const count = useRef(0);
  const onScan = useCallback((code: string, symbology?: string) => {
    count.current += 1;
    setScan({ code, symbology, at: new Date(consoleNow()), n: count.current });
  }, []);
  const onShort = useCallback((code: string, minLength: number) => {
    count.current += 1;
    setScan({ code, at: new Date(consoleNow()), n: count.current, shortOf: minLength });
  }, []);
  useScanner(onScan, live, true, onShort);
  const [typed, setTyped] = useState('');

  if (!form)
    return (
      <section className="card" aria-labelledby="st-h">
        <h2 id="st-h">Station</h2>
        {station.error ? (
          <div className="form-error" role="alert">
            {station.error}
          </div>
        ) : (
          <div className="muted">Loading…</div>
        )}
      </section>
    );

  const err = (path: string) => issueAt(failure, path);
  const fieldPaths = ['name', 'printerId', 'scanner'];
  const save = () =>
    void run(() => call('station.save', { name: form.name, printerId: form.printerId || null, scanner: scannerOf(form) })).then((r) => {
      if (!r) return;
      setForm(toForm(r));
      setDirty(false);
      setSaved('Saved. The scanner settings apply to this station now.');
    });

  return (
    <section className="card" aria-labelledby="st-h" data-testid="setup-station">
      <h2 id="st-h">Station</h2>
      <form
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field id="st-name" label="Station name" error={err('name')}>
          <input {...described('st-name', err('name'))} value={form.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
        </Field>
        <Field
          id="st-printer"
          label="Label printer"
          error={err('printerId')}
          wide
          hint={!form.printerId ? 'No printer: labels wait in the queue until one is chosen.' : undefined}
        >
          <select {...described('st-printer', err('printerId'), !form.printerId)} value={form.printerId} onChange={(e) => set('printerId', e.target.value)}>
            <option value="">No printer</option>
            {(printers ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.host}:{p.port}){p.failing ? ' — not printing' : ''}
              </option>
            ))}
          </select>
        </Field>

        <h3 className="wide">Scanner (keyboard wedge)</h3>
        <Field id="sc-gap" label="Max gap between keys (ms)" error={err('scanner.maxInterKeyMs')} hint="5–200. Scanners type faster than people.">
          <input
            {...described('sc-gap', err('scanner.maxInterKeyMs'), true)}
            inputMode="numeric"
            value={form.maxInterKeyMs}
            onChange={(e) => set('maxInterKeyMs', e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field id="sc-end" label="End wait (ms)" error={err('scanner.endTimeoutMs')} hint="10–1000. Wait for the suffix.">
          <input
            {...described('sc-end', err('scanner.endTimeoutMs'), true)}
            inputMode="numeric"
            value={form.endTimeoutMs}
            onChange={(e) => set('endTimeoutMs', e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field id="sc-min" label="Shortest code" error={err('scanner.minLength')} hint="1–50 characters.">
          <input
            {...described('sc-min', err('scanner.minLength'), true)}
            inputMode="numeric"
            value={form.minLength}
            onChange={(e) => set('minLength', e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field id="sc-suffix" label="Scanner ends a code with" error={err('scanner.suffix')}>
          <select {...described('sc-suffix', err('scanner.suffix'))} value={form.suffix} onChange={(e) => set('suffix', e.target.value as Suffix)}>
            {SUFFIXES.map((s) => (
              <option key={s.v} value={s.v}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="sc-prefix" label="Prefix (if the scanner adds one)" error={err('scanner.prefix')} hint="Usually empty.">
          <input
            {...described('sc-prefix', err('scanner.prefix'), true)}
            value={form.prefix}
            onChange={(e) => set('prefix', e.target.value)}
            autoComplete="off"
            maxLength={10}
          />
        </Field>
        <div className="row-actions wide">
          <button type="submit" className="primary" disabled={busy} data-testid="station-save">
            {busy ? 'Saving…' : 'Save station'}
          </button>
          {dirty && (
            <button type="button" onClick={() => (station.data && setForm(toForm(station.data)), setDirty(false))}>
              Undo changes
            </button>
          )}
          {saved && (
            <span className="ok" role="status">
              {saved}
            </span>
          )}
        </div>
        <div className="wide">
          <FormError failure={failure} fieldPaths={fieldPaths} testId="station-error" />
        </div>
      </form>

      <div className="scan-test" aria-labelledby="sc-test-h">
        <h3 id="sc-test-h">Live scanner test</h3>
        <p className="muted">
          Scan any barcode while this screen is open. It is not sent anywhere; it only shows what the console detected with the settings above.
        </p>
        <div className={`scan-result${scan ? ' got' : ''}`} data-testid="scanner-test-result" aria-live="polite" data-code={scan?.code ?? ''}>
          {scan ? (
            <>
              <div className="scan-code mono" data-testid="scanner-test-code">
                {showCode(scan.code)}
              </div>
              <div className="scan-meta">
                Scan #{scan.n} at {fmtTime(scan.at.toISOString())} · {scan.code.length} characters · symbology {scan.symbology ?? 'not sent'}
              </div>
              {scan.shortOf !== undefined && (
                <div className="warn" role="alert">
                  Shorter than the shortest code ({scan.shortOf}): screens refuse it. If your barcodes are this short, lower &quot;Shortest code&quot; and save.
                </div>
              )}
            </>
          ) : (
            <div className="muted">Nothing scanned yet. Scan a label or an order barcode now.</div>
          )}
        </div>
        <Field
          id="sc-typing"
          label="Typing check: type here by hand"
          hint="Typed letters must appear here. A scan must NOT appear here: it shows in the box above."
        >
          <input
            {...described('sc-typing', undefined, true)}
            data-testid="scanner-typing"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
          />
        </Field>
      </div>
    </section>
  );
}
