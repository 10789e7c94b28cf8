import { useState } from 'react';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { FormError, useAction } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';
import { startsWith } from '../ui/event-family';

type Rules = Output<'pack.rules'>[number];
const NONE = (scope: string): Rules => ({ scope, verify: false, itemsPerParcel: null, needsWeight: false, needsCustoms: false });

/** Pack rules per line: which lines' orders go to the bench, and what the bench asks for. */
export function PackRules() {
  const lines = useChannel('lines.list', {}, (t) => t === 'line.saved');
  const rules = useChannel('pack.rules', {}, (t) => t === 'pack.rules_saved');
  const { busy, failure, run } = useAction();
  const [edit, setEdit] = useState<Record<string, Rules>>({});
  const ruleOf = (lineId: string) => edit[`line:${lineId}`] ?? rules.data?.find((r) => r.scope === `line:${lineId}`) ?? NONE(`line:${lineId}`);
  const set = (r: Rules) => setEdit({ ...edit, [r.scope]: r });
  return (
    <section className="card" aria-labelledby="pack-rules-h" data-testid="pack-rules">
      <h2 id="pack-rules-h">Pack bench rules per line</h2>
      <p className="muted small">A line with a rule sends its orders to the bench on the pick screen; lines without one keep the one-scan pick.</p>
      <table className="pack-rules-table">
        <thead>
          <tr>
            <th>Line</th>
            <th>Scan items</th>
            <th>Weight</th>
            <th>Customs</th>
            <th>Items / parcel</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(lines.data ?? []).map((l) => {
            const r = ruleOf(l.id);
            return (
              <tr key={l.id}>
                <td>{l.name}</td>
                <td>
                  <input type="checkbox" checked={r.verify} onChange={(e) => set({ ...r, verify: e.target.checked })} aria-label={`scan items on ${l.name}`} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    checked={r.needsWeight}
                    onChange={(e) => set({ ...r, needsWeight: e.target.checked })}
                    aria-label={`weight on ${l.name}`}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    checked={r.needsCustoms}
                    onChange={(e) => set({ ...r, needsCustoms: e.target.checked })}
                    aria-label={`customs on ${l.name}`}
                  />
                </td>
                <td>
                  <input
                    className="pack-qty"
                    inputMode="numeric"
                    value={r.itemsPerParcel ?? ''}
                    onChange={(e) => set({ ...r, itemsPerParcel: e.target.value ? Number(e.target.value.replace(/\D/g, '')) || null : null })}
                    aria-label={`items per parcel on ${l.name}`}
                  />
                </td>
                <td>
                  <ActionButton
                    channel="pack.rulesSave"
                    disabled={busy || !edit[r.scope]}
                    onClick={() => void run(async () => (await call('pack.rulesSave', r), setEdit({ ...edit, [r.scope]: undefined as never })))}
                  >
                    Save
                  </ActionButton>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormError failure={failure} />
    </section>
  );
}

/** The customs table per SKU, kept by importing a CSV. */
export function PackCustoms() {
  const skus = useChannel('customs.skus', {}, (t) => t === 'customs.skus_imported');
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, failure, run } = useAction();
  return (
    <section className="card" aria-labelledby="customs-h" data-testid="setup-customs">
      <h2 id="customs-h">Customs per SKU</h2>
      <p className="muted small">
        CSV with a header: sku, description, hs_code, origin, value, currency, weight_g. All rows or none. {skus.data?.length ?? 0} SKUs in the table.
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          void run(async () => {
            const r = await call('customs.import', { csv: await file.text() });
            setDone(`${r.imported} SKUs imported from ${file.name}.`);
          });
        }}
      >
        <input type="file" accept=".csv,text/csv" onChange={(e) => (setFile(e.target.files?.[0] ?? null), setDone(null))} aria-label="customs CSV file" />
        <button type="submit" className="primary" disabled={!file || busy}>
          Import
        </button>
      </form>
      {done && <div className="ok-text">{done}</div>}
      <FormError failure={failure} />
    </section>
  );
}

/** A batch (wave) run: open orders of a line issued and printed in the background, with progress and a result list. */
export function PackBatch() {
  const lines = useChannel('lines.list', {}, (t) => t === 'line.saved');
  const batches = useChannel('pack.batches', {}, (t) => startsWith(t, 'pack.batch') || t === 'label.printed');
  const [lineId, setLineId] = useState('');
  const [limit, setLimit] = useState('500');
  const { busy, failure, run } = useAction();
  const latest = batches.data?.[0];
  const detail = useChannel('pack.batch', { batchId: latest?.id ?? 'none' }, (t) => startsWith(t, 'pack.batch') || t === 'label.printed');
  const b = latest ? detail.data : null;
  return (
    <section className="card" aria-labelledby="batch-h" data-testid="pack-batch">
      <h2 id="batch-h">Batch printing (a wave)</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => call('pack.batchStart', { ...(lineId ? { lineId } : {}), limit: Number(limit) || 500 }));
        }}
      >
        <select value={lineId} onChange={(e) => setLineId(e.target.value)} aria-label="line">
          <option value="">All lines</option>
          {(lines.data ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <input className="pack-qty" inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value.replace(/\D/g, ''))} aria-label="orders" />
        <button type="submit" className="primary" disabled={busy || !!b?.running}>
          Issue and print
        </button>
      </form>
      <FormError failure={failure} />
      {b && (
        <div className="import-status" data-testid="batch-status" data-status={b.status}>
          <div>
            <b>{b.label}</b>: {b.done} of {b.total} done · {b.issued} issued · {b.printed} printed · {b.refused} refused · {b.skipped} skipped
            {b.interrupted ? ' · interrupted: resume it' : ''}
          </div>
          <progress className="import-bar" max={b.total} value={b.done} />
          <div className="row-actions">
            {b.running && (
              <ActionButton channel="pack.batchStop" onClick={() => void run(() => call('pack.batchStop', { batchId: b.id }))}>
                Stop
              </ActionButton>
            )}
            {!b.running && b.status !== 'done' && (
              <ActionButton channel="pack.batchResume" onClick={() => void run(() => call('pack.batchResume', { batchId: b.id }))}>
                Resume
              </ActionButton>
            )}
          </div>
          {b.results.length > 0 && (
            <ul className="small">
              {b.results.slice(0, 20).map((r) => (
                <li key={r.seq}>
                  {r.orderName}: {r.outcome} {r.message ? `(${r.message})` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
