import { useState } from 'react';
import { call, ApiFailure } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { Cn23Actions } from './Cn23Actions';
import { startsWith } from '../ui/event-family';

export type BenchReply = Output<'pack.scan'>;

const kg = (g: number) => `${(g / 1000).toFixed(3)} kg`;

/**
 * The pack bench for one order, in place of the pick's scan panel: big counters a picker reads from a
 * metre away (items scanned of items to ship, parcels, weight, customs form), the last scan's answer,
 * what still stands between the bench and the labels, and the buttons for what a scanner cannot say.
 */
export function PackBench({
  orderId,
  reply,
  onReply,
  onClose,
}: {
  orderId: string;
  reply: BenchReply | null;
  onReply: (r: BenchReply) => void;
  onClose: () => void;
}) {
  const view = useChannel(
    'pack.view',
    { orderId },
    (t, subject) => (startsWith(t, 'pack.') || t === 'customs.skus_imported') && (subject === orderId || subject === null),
  );
  const [panel, setPanel] = useState<'none' | 'override' | 'partial' | 'weight'>('none');
  const [grams, setGrams] = useState('');
  const [reason, setReason] = useState('');
  const [qty, setQty] = useState<Record<number, string>>({});
  const v = view.data;

  const act = async (fn: () => Promise<BenchReply>) => {
    try {
      onReply(await fn());
      setPanel('none');
    } catch (e) {
      const msg = e instanceof ApiFailure ? e.message : String(e);
      const [message, ...rest] = msg.split(/(?<=\.) /);
      onReply({ outcome: 'refused', message, next: rest.join(' ') || 'Nothing was changed.' });
    }
  };
  const label = (extra: Partial<Parameters<typeof call<'pack.label'>>[1]> = {}) =>
    act(async () => {
      const r = await call('pack.label', { orderId, ...extra });
      return { outcome: 'issued', message: r.message, next: 'Stick each label on its parcel. Scan the next order.', parcels: r.parcels };
    });
  const setParcels = (n: number) =>
    act(async () => {
      const r = await call('pack.parcels', { orderId, parcels: n });
      return {
        outcome: 'parcels',
        message: `${r.parcels} parcel${r.parcels === 1 ? '' : 's'}`,
        next: r.parcels > 1 ? `Labels will say 1 of ${r.parcels} … ${r.parcels} of ${r.parcels}.` : 'One parcel.',
      };
    });

  if (!v) return <div className="pack-bench muted">{view.error ?? 'Opening the bench…'}</div>;
  const tone = !reply ? 'idle' : reply.outcome === 'wrong' || reply.outcome === 'refused' ? 'fail' : reply.outcome === 'extra' ? 'attention' : 'pass';
  const allIn = v.counted === v.toShip;
  const weighed = v.weights.reduce((n, w) => n + w.grams, 0);
  return (
    <div className="pack-bench" data-testid="pack-bench" data-order={v.orderName}>
      <div className="pack-head">
        <div>
          <b className="pack-order">{v.orderName}</b> <span className="muted">{v.shipTo}</span>
          <div className="muted small">
            {v.carrier} · {v.lineName}
            {v.rules.verify ? ' · scan every item' : ''}
            {v.rules.needsWeight ? ' · weight needed' : ''}
            {v.rules.needsCustoms ? ' · customs needed' : ''}
          </div>
        </div>
        <button onClick={onClose} title="Esc: the order stays at the bench; scan it again to come back">
          Close (Esc)
        </button>
      </div>

      <div className="pack-counters">
        <div className={`pack-counter ${v.rules.verify ? (allIn ? 'ok' : 'short') : ''}`} data-testid="pack-items">
          <b>
            {v.rules.verify ? v.counted : v.toShip}
            {v.rules.verify && <small> / {v.toShip}</small>}
          </b>
          <span>{v.rules.verify ? 'items scanned' : 'items to ship'}</span>
        </div>
        <div className="pack-counter" data-testid="pack-parcels">
          <b>{v.parcels}</b>
          <span>{v.parcels === 1 ? 'parcel' : 'parcels'}</span>
        </div>
        <div className={`pack-counter ${v.rules.needsWeight ? (v.weights.length >= v.parcels ? 'ok' : 'short') : ''}`} data-testid="pack-weight">
          <b className="pack-kg">{v.weights.length ? kg(weighed) : '—'}</b>
          <span>{v.parcels > 1 ? `weighed ${v.weights.length} of ${v.parcels}` : 'weight'}</span>
        </div>
        {v.customs && (
          <div className={`pack-counter ${v.customs.missing.length ? 'short' : 'ok'}`} data-testid="pack-customs">
            <b className="pack-kg">{v.customs.form}</b>
            <span>
              {v.customs.currency} {v.customs.value.toFixed(2)}
            </span>
          </div>
        )}
      </div>

      {reply && (
        <div className={`pack-reply tone-${tone}`} data-testid="pack-reply" data-outcome={reply.outcome}>
          <div className="pack-reply-title" data-testid="pack-reply-title">
            {reply.message}
          </div>
          <div>{reply.next}</div>
        </div>
      )}

      <table className="pack-lines" data-testid="pack-lines">
        <tbody>
          {v.lines.map((l) => (
            <tr key={l.idx} className={l.toShip === 0 ? 'muted' : !v.rules.verify ? '' : l.counted === l.toShip ? 'done' : 'short'}>
              <td className="mono">{l.sku}</td>
              <td>{l.title}</td>
              <td className="pack-count">
                {v.rules.verify ? `${l.counted} / ${l.toShip}` : l.toShip}
                {l.shipped > 0 && <span className="muted small"> ({l.shipped} sent)</span>}
              </td>
              {panel === 'partial' && (
                <td>
                  <input
                    className="pack-qty"
                    type="number"
                    min={0}
                    max={l.toShip}
                    value={qty[l.idx] ?? String(v.rules.verify ? l.counted : l.toShip)}
                    onChange={(e) => setQty({ ...qty, [l.idx]: e.target.value })}
                    aria-label={`ship now of ${l.sku}`}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>

      {v.blockers.length > 0 && (
        <ul className="pack-blockers" data-testid="pack-blockers">
          {v.blockers.map((b) => (
            <li key={b.code}>
              <b>{b.message}</b> {b.next}
            </li>
          ))}
        </ul>
      )}
      {v.earlier.map((p) => (
        <Cn23Actions key={p.id} parcelId={p.id} label={`sent earlier, ${p.trackingNumber}`} />
      ))}
      {v.extras > 0 && <div className="warn">{v.extras} extra item(s) were scanned and flagged: take them out of the parcel.</div>}

      {panel === 'override' && (
        <form
          className="pack-form"
          onSubmit={(e) => {
            e.preventDefault();
            void label({ override: { reason } });
          }}
        >
          <span className="hint">A supervisor signs in here (scans their badge), then prints past the check.</span>
          <input placeholder="Why the check may be skipped" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="override-reason" />
          <button type="submit">Print with override</button>
        </form>
      )}
      {panel === 'partial' && (
        <form
          className="pack-form"
          onSubmit={(e) => {
            e.preventDefault();
            const lines = v.lines
              .filter((l) => l.toShip > 0)
              .map((l) => ({ idx: l.idx, quantity: Number(qty[l.idx] ?? (v.rules.verify ? l.counted : l.toShip)) || 0 }));
            void label({ partial: { lines, reason } });
          }}
        >
          <input placeholder="Why the rest waits" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="partial-reason" />
          <button type="submit">Ship these now</button>
        </form>
      )}
      {panel === 'weight' && (
        <form
          className="pack-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              const r = await call('pack.weighTyped', { orderId, grams: Number(grams) });
              setGrams('');
              return { outcome: r.outcome, message: r.message, next: r.next };
            });
          }}
        >
          <input placeholder="grams" inputMode="numeric" value={grams} onChange={(e) => setGrams(e.target.value)} data-testid="typed-grams" />
          <button type="submit">Record weight</button>
        </form>
      )}

      <div className="pack-actions">
        <button onClick={() => void setParcels(v.parcels + 1)}>+ Parcel</button>
        <button onClick={() => void setParcels(v.parcels - 1)} disabled={v.parcels <= 1}>
          − Parcel
        </button>
        <button
          onClick={() =>
            void act(async () => {
              const r = await call('pack.weigh', { orderId });
              return { outcome: r.outcome, message: r.message, next: r.next };
            })
          }
        >
          Weigh
        </button>
        <button onClick={() => setPanel(panel === 'weight' ? 'none' : 'weight')}>Type grams</button>
        <button onClick={() => setPanel(panel === 'partial' ? 'none' : 'partial')}>Ship part…</button>
        {v.blockers.some((b) => b.code !== 'customs') && <button onClick={() => setPanel(panel === 'override' ? 'none' : 'override')}>Override…</button>}
        <button className="primary" data-testid="pack-print" onClick={() => void label()} disabled={v.blockers.length > 0}>
          Print {v.parcels > 1 ? `${v.parcels} labels` : 'label'}
        </button>
      </div>
    </div>
  );
}
