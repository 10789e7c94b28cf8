import { useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { Field, FormError, useAction } from '../ui/Field';

type Status = Output<'orders.import.status'>;

const PHASE: Record<Status['phase'], string> = { reading: 'Reading the file', checking: 'Checking orders', importing: 'Importing orders', done: 'Done' };

/** The file's bytes as base64: the console detects the encoding (UTF-8, UTF-16; Windows-1252 is refused). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}

/**
 * Import an order file from Setup: the import runs in the background (picks go on), with a progress
 * bar, then the same row-by-row report as `npm run cli -- import orders`.
 */
export function SetupImport() {
  const [file, setFile] = useState<File | null>(null);
  const [store, setStore] = useState('local');
  const [status, setStatus] = useState<Status | null>(null);
  const { busy, failure, run } = useAction();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const follow = (importId: string) => {
    void call('orders.import.status', { importId }).then(
      (s) => {
        setStatus(s);
        if (s.state === 'running') timer.current = setTimeout(() => follow(importId), 250);
      },
      () => (timer.current = setTimeout(() => follow(importId), 1000)),
    );
  };
  const running = status?.state === 'running';
  const pct = status && status.total ? Math.round((status.done / status.total) * 100) : 0;
  const result = status?.result ?? null;

  return (
    <section className="card" aria-labelledby="imp-h" data-testid="setup-import">
      <h2 id="imp-h">Import an order file</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          setStatus(null);
          void run(async () => {
            const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
            const { importId } = await call('orders.import.start', {
              format,
              base64: await base64Of(file),
              store: store.trim() || 'local',
              fileName: file.name,
            });
            follow(importId);
          });
        }}
      >
        <Field id="imp-file" label="CSV or JSON file" hint="One row per item: order, line, name, address1, city, zip, country, sku, title, quantity…">
          <input
            id="imp-file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            data-testid="import-file"
            onChange={(e) => (setFile(e.target.files?.[0] ?? null), setStatus(null))}
          />
        </Field>
        <Field id="imp-store" label="Store">
          <input id="imp-store" value={store} onChange={(e) => setStore(e.target.value)} maxLength={40} autoComplete="off" />
        </Field>
        <button type="submit" className="primary" disabled={!file || busy || running} data-testid="import-submit">
          Import
        </button>
      </form>
      <FormError failure={failure} />
      {status && (
        <div className="import-status" role="status" data-testid="import-status" data-state={status.state}>
          {status.state !== 'done' && (
            <>
              <div className="import-phase">
                {PHASE[status.phase]}{' '}
                {status.total ? (status.phase === 'reading' ? `${pct}%` : `${status.done.toLocaleString()} of ${status.total.toLocaleString()}`) : ''} ·{' '}
                {status.imported.toLocaleString()} imported
              </div>
              <progress className="import-bar" max={100} value={pct} data-testid="import-progress" aria-label={`${pct}%`} />
            </>
          )}
          {status.state === 'failed' && <div className="form-error">{status.error}</div>}
          {result && (
            <div className="pool-result" data-testid="import-result">
              <b className="ok-text">{result.imported.toLocaleString()}</b> orders imported from {status.fileName}
              {result.encoding && result.encoding !== 'UTF-8' ? ` (read as ${result.encoding})` : ''}
              {result.alreadyIn ? `; ${result.alreadyIn.toLocaleString()} were already in (not imported twice)` : ''}
              {result.rejected.length > 0 && (
                <>
                  , <b className="bad-text">{result.rejected.length.toLocaleString()}</b> rows rejected: fix them in the file and import it again.
                </>
              )}
            </div>
          )}
          {result && result.rejected.length > 0 && (
            <div className="rejected" data-testid="import-rejected">
              <table>
                <thead>
                  <tr>
                    <th>Row</th>
                    <th>Why</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejected.slice(0, 500).map((r, n) => (
                    <tr key={n}>
                      <td className="mono">{r.row}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
