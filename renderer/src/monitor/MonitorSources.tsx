import { useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { FormError, fmtTime, useAction, words } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';
import { startsWith } from '../ui/event-family';

const STATUSES = ['accepted', 'in_transit', 'out_for_delivery', 'delivered', 'failed_attempt', 'exception', 'returned', 'info_received'] as const;

/** Tracking sources with their limits and outbox state; scan-file import; demo scans on the demo console. */
export function MonitorSources({ demo }: { demo: boolean }) {
  const s = useChannel('monitor.sources', {}, (t) => startsWith(t, 'job.') || startsWith(t, 'monitor.'));
  const [csv, setCsv] = useState('');
  const [imported, setImported] = useState<string | null>(null);
  const imp = useAction();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('accepted');
  const [hoursAgo, setHoursAgo] = useState('2');
  const [demoMsg, setDemoMsg] = useState<string | null>(null);
  const dem = useAction();
  return (
    <div className="sources card" data-testid="sources">
      <h2>Tracking sources</h2>
      <ul className="source-list">
        {s.data?.sources.map((x) => (
          <li key={x.id} className={x.failing || x.dead ? 'failing' : ''}>
            <b>{x.name}</b>{' '}
            <span className="muted small">
              {words(x.kind)}
              {x.kind !== 'file' ? ` · ${x.ratePerMin}/min · ${x.batchSize} per request · ${x.delivery}` : ''}
            </span>
            {x.kind !== 'file' && (
              <div className="small">
                {x.queued} queued · {x.done} done{x.dead ? ` · ${x.dead} gave up` : ''}
                {x.lastDone ? ` · last answer ${fmtTime(x.lastDone)}` : ''}
                {x.lastError && <div className="bad-text">{x.lastError}</div>}
              </div>
            )}
          </li>
        ))}
      </ul>
      {s.data && s.data.sources.length === 1 && (
        <div className="notice">No live source is set up on this console: import the scan files your carriers e-mail below.</div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void imp
            .run(() => call('monitor.import', { csv }))
            .then(
              (r) =>
                r &&
                (setImported(
                  `${r.read} scans read, ${r.fresh} new, ${r.repeated} already known, ${r.unknownNumbers.length} unknown numbers, ${r.rejected.length} rows rejected.`,
                ),
                setCsv('')),
            );
        }}
      >
        <label htmlFor="scan-csv">Import a scan file (CSV: tracking_number, status, scanned_at, location)</label>
        <textarea id="scan-csv" rows={3} value={csv} onChange={(e) => setCsv(e.target.value)} />
        <ActionButton channel="monitor.import" type="submit" disabled={!csv.trim() || imp.busy}>
          Import scans
        </ActionButton>
        {imported && <span className="ok"> {imported}</span>}
      </form>
      <FormError failure={imp.failure} />
      {demo && (
        <form
          className="demo-scan"
          data-testid="demo-scan"
          onSubmit={(e) => {
            e.preventDefault();
            void dem
              .run(() => call('monitor.demo.scan', { query: q, status, hoursAgo: Number(hoursAgo) || 0 }))
              .then((r) => r && setDemoMsg(`The emulated carrier scanned ${r.trackingNumber}; ${r.sources.length} sources are asked now.`));
          }}
        >
          <h3>Demo: make the emulated carrier scan a parcel</h3>
          <div className="inline-form">
            <input aria-label="Order or tracking number" data-testid="demo-scan-q" value={q} onChange={(e) => setQ(e.target.value)} placeholder="#1001" />
            <select aria-label="Status" data-testid="demo-scan-status" value={status} onChange={(e) => setStatus(e.target.value as (typeof STATUSES)[number])}>
              {STATUSES.map((x) => (
                <option key={x} value={x}>
                  {words(x)}
                </option>
              ))}
            </select>
            <input aria-label="Hours ago" className="rule-input" value={hoursAgo} onChange={(e) => setHoursAgo(e.target.value)} />
            <button type="submit" disabled={!q.trim() || dem.busy}>
              Scan
            </button>
          </div>
          {demoMsg && <div className="ok small">{demoMsg}</div>}
          <FormError failure={dem.failure} />
        </form>
      )}
    </div>
  );
}
