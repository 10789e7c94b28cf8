import { useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { FormError, useAction } from '../ui/Field';
import { fmtWhen } from '../ui/time';
import { useMay } from '../operators/roles';
import { RoleNote } from '../operators/OperatorsAllowed';
import { startsWith } from '../ui/event-family';

/** Site settings a supervisor sets once: how times read on every screen and label. */
export function SetupSite() {
  const info = useChannel('app.info', {}, (t) => t === 'site.configured');
  const clockWhy = useMay()('site.clock.save');
  const { busy, failure, run } = useAction();
  const clock = info.data?.site.clock ?? '24h';
  return (
    <section className="card" aria-labelledby="ss-h" data-testid="setup-site">
      <h2 id="ss-h">Site</h2>
      <div className="inline-form">
        <label htmlFor="ss-clock">Times on screens and labels</label>
        <select
          title={clockWhy ?? undefined}
          id="ss-clock"
          data-testid="site-clock"
          value={clock}
          disabled={busy || !info.data || !!clockWhy}
          onChange={(e) => void run(() => call('site.clock.save', { clock: e.target.value as '24h' | '12h' }))}
        >
          <option value="24h">24-hour (17:30)</option>
          <option value="12h">12-hour (5:30 PM)</option>
        </select>
        <span className="muted">
          Warehouse time, {info.data?.site.zone ?? '…'} · now {info.data ? fmtWhen(info.data.now) : '…'}
        </span>
        <RoleNote channel="site.clock.save" />
      </div>
      <FormError failure={failure} />
    </section>
  );
}

/** Every store's pick-slip barcode, to print on its slips: it answers "which store?" at pick. */
export function SetupPickSlips() {
  const stores = useChannel('pick.stores', {}, (t) => t === 'orders.imported' || startsWith(t, 'shopify.store'));
  const [printing, setPrinting] = useState<string | null>(null);
  const print = (store: string) => {
    setPrinting(store);
    // Only the chosen barcode is on paper (see @media print); the screen comes back after the dialog.
    setTimeout(() => (window.print(), setPrinting(null)), 50);
  };
  return (
    <section className="card" aria-labelledby="ps-h" data-testid="setup-pickslips">
      <h2 id="ps-h">Store barcodes for pick slips</h2>
      <p className="muted">
        When one order number is on orders of several stores, the pick screen asks which store: the picker scans this barcode from the slip (or touches the
        store).
      </p>
      {stores.error && (
        <div className="form-error" role="alert">
          {stores.error}
        </div>
      )}
      <ul className="pickslip-list">
        {(stores.data ?? []).map((s) => (
          <li key={s.store} className={printing === s.store ? 'print-target' : undefined} data-testid="pickslip-store" data-barcode={s.barcode}>
            <div>
              <b>{s.name}</b>
              <div className="mono">{s.barcode}</div>
            </div>
            <img src={`data:image/png;base64,${s.pngBase64}`} alt={`Barcode ${s.barcode}`} />
            <button type="button" className="small-btn" onClick={() => print(s.store)}>
              Print
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
