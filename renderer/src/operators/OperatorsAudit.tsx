import { useState } from 'react';
import type { Input } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { eventSentence } from '../ui/timeline-words';
import { fmtDateTime, fmtWhen } from '../ui/time';
import { saveCsv, csvRow } from './csv';

const TYPES: Array<[string, string]> = [
  ['', 'Everything'],
  ['parcel.', 'Parcels (pick, reprint, load, handover)'],
  ['cutoffs.', 'Calendars'],
  ['manifest.', 'Manifests'],
  ['operator.', 'Sign-ins and operators'],
  ['scan.refused', 'Refused scans'],
  ['line.', 'Carrier lines'],
  ['shopify.', 'Shopify'],
];

/** Who did what, when, where: filters, sentences (never payloads), CSV. `initialRef` opens it on a parcel. */
export function OperatorsAudit({ initialRef = '' }: { initialRef?: string }) {
  const [actor, setActor] = useState('');
  const [ref, setRef] = useState(initialRef);
  const [type, setType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const q: Input<'audit.list'> = {
    limit: 300,
    ...(actor && { actor }),
    ...(ref.trim() && { ref: ref.trim() }),
    ...(type && { type }),
    // Warehouse days: the console turns them into the site zone's midnights ("to" includes its whole day).
    ...(from && { fromDay: from }),
    ...(to && { toDay: to }),
  };
  // Every event is a line of the audit.
  const audit = useChannel('audit.list', q, () => true);
  const sentence = (type: string, payload: unknown) => eventSentence(type, payload, { time: fmtWhen, jobKind: () => undefined });
  return (
    <section className="card audit" aria-label="Audit" data-testid="audit">
      <form className="filters audit-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Operator
          <select value={actor} onChange={(e) => setActor(e.target.value)} data-testid="audit-actor">
            <option value="">Anyone</option>
            {audit.data?.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
            <option value="outbox">the outbox</option>
            <option value="monitor">the tracking monitor</option>
          </select>
        </label>
        <label>
          Parcel, order or manifest
          <input value={ref} onChange={(e) => setRef(e.target.value)} placeholder="#1001, pcl_…, man_…" data-testid="audit-ref" />
        </label>
        <label>
          What
          <select value={type} onChange={(e) => setType(e.target.value)} data-testid="audit-type">
            {TYPES.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={!audit.data?.rows.length}
          onClick={() =>
            saveCsv('audit.csv', [
              csvRow(['when (warehouse time)', 'operator', 'station', 'what', 'about', 'event type']),
              ...(audit.data?.rows ?? []).map((r) =>
                csvRow([fmtDateTime(r.occurredAt), r.actorName, r.stationName, sentence(r.type, r.payload), r.subject ?? '', r.type]),
              ),
            ])
          }
          data-testid="audit-csv"
        >
          CSV
        </button>
      </form>
      {audit.error && (
        <div className="form-error" role="alert">
          {audit.error}
        </div>
      )}
      <div className="audit-count muted">
        {audit.data
          ? `${audit.data.total.toLocaleString()} events${audit.data.total > audit.data.rows.length ? `, newest ${audit.data.rows.length} shown` : ''}`
          : 'Loading…'}
      </div>
      <div className="audit-scroll">
        <table className="audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Where</th>
              <th>What</th>
            </tr>
          </thead>
          <tbody>
            {audit.data?.rows.map((r) => (
              <tr key={r.seq} data-testid="audit-row" data-type={r.type}>
                <td className="nowrap">{fmtWhen(r.occurredAt)}</td>
                <td className="nowrap">
                  <b>{r.actorName}</b>
                </td>
                <td className="nowrap muted">{r.stationName}</td>
                <td>{sentence(r.type, r.payload)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
