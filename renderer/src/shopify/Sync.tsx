import type { EventType } from '../../../electron/contract/channels';
import { useEffect, useState } from 'react';
import { useChannel } from '../hooks/useApi';
import { fmtTime } from '../ui/Field';
import { SyncStores } from './SyncStores';
import { SyncDeadLetters } from './SyncDeadLetters';
import { SyncConnect } from './SyncConnect';
import { SyncRequests } from './SyncRequests';
import { fmtDuration, STATE_WORDS } from './sync-format';
import { startsWith } from '../ui/event-family';

const refresh = (t: EventType) =>
  startsWith(t, 'shopify.') || startsWith(t, 'job.') || t === 'parcel.picked' || t === 'label.printed' || startsWith(t, 'order');

type Recent = NonNullable<ReturnType<typeof useChannel<'shopify.status'>>['data']>['recent'][number];

/** When the buyer hears of the parcel: told already, or when they will be. */
function buyerWords(p: Recent): string {
  if (p.notifiedAt) return `buyer notified at ${fmtTime(p.notifiedAt)}`;
  return p.notifyAt === 'handover' ? 'buyer e-mailed at handover' : 'buyer e-mailed with the tracking';
}

/** Shopify sync: is tracking reaching Shopify within 5 minutes, what is queued, what was refused. */
export function SyncScreen() {
  const { data, error, reload } = useChannel('shopify.status', {}, refresh);
  const [showConnect, setShowConnect] = useState(false);
  // Ages and link states move without events: look again every few seconds.
  useEffect(() => {
    const t = setInterval(() => void reload(), 3000);
    return () => clearInterval(t);
  }, [reload]);
  if (!data) return <div className="pad muted">{error ?? 'Loading…'}</div>;
  const share = data.today.share === null ? '—' : `${Math.round(data.today.share * 100)} %`;
  return (
    <div className="sync" data-testid="sync">
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="sync-counters">
        <div data-testid="sync-queued" data-value={data.queued}>
          <b>{data.queued}</b>
          <span>queued for Shopify{data.failing ? ` (${data.failing} retrying)` : ''}</span>
        </div>
        <div>
          <b>{fmtDuration(data.oldestAgeMs)}</b>
          <span>oldest job</span>
        </div>
        <div>
          <b>{data.syncedLastMinute}</b>
          <span>sent in the last minute</span>
        </div>
        <div className={data.today.late ? 'late' : ''} data-testid="sync-share">
          <b>{share}</b>
          <span>
            within 5 min today ({data.today.within} on time, {data.today.late} late, {data.today.pending} waiting)
          </span>
        </div>
      </div>
      {data.lastError && (
        <div className={`sync-last-error${data.failing || data.stores.some((st) => st.state !== 'online') ? '' : ' resolved'}`} data-testid="sync-last-error">
          Last error {fmtTime(data.lastError.at)}: {data.lastError.error}
        </div>
      )}
      <div className="sync-body">
        <section className="card sync-col">
          <h2>Stores</h2>
          <SyncStores stores={data.stores} reload={() => void reload()} />
          {data.stores.map((st) => (
            <SyncRequests key={st.id} storeId={st.id} shopName={st.shopName} />
          ))}
          <button className="small-btn" onClick={() => setShowConnect((s) => !s)} aria-expanded={showConnect}>
            {showConnect ? 'Hide' : 'Connect a store…'}
          </button>
          {showConnect && <SyncConnect reload={() => void reload()} />}
          <h2>Dead letters ({data.deadLetters.length})</h2>
          <SyncDeadLetters dead={data.deadLetters} reload={() => void reload()} />
        </section>
        <section className="card sync-col">
          <h2>Latest parcels: label → Shopify</h2>
          <table className="sync-recent" data-testid="sync-recent">
            <thead>
              <tr>
                <th>Order</th>
                <th>Tracking</th>
                <th>State</th>
                <th className="num">Label → Shopify</th>
              </tr>
            </thead>
            <tbody>
              {data.recent.map((p) => (
                <tr key={p.parcelId} className={p.late ? 'late' : ''} data-testid="sync-parcel" data-state={p.state} data-tracking={p.trackingNumber}>
                  <td>{p.orderName}</td>
                  <td className="mono">{p.trackingNumber}</td>
                  <td>
                    <span className={`pill pill-sync-${p.state}`}>{STATE_WORDS[p.state]}</span>
                    {p.deduped && (
                      <span className="muted" title="A retry found it already in Shopify">
                        {' '}
                        (found)
                      </span>
                    )}
                    <div className={`sync-buyer${p.notifiedAt ? '' : ' muted'}`} data-testid="sync-buyer" data-notified={p.notifiedAt ? 'yes' : 'no'}>
                      {buyerWords(p)}
                    </div>
                  </td>
                  <td className="num">
                    {p.syncedAt ? fmtDuration(p.lagMs) : `waiting ${fmtDuration(p.waitingMs)}`}
                    {p.late && <b className="late-flag"> late</b>}
                  </td>
                </tr>
              ))}
              {data.recent.length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    No Shopify parcels yet. Pick an order that came from Shopify.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
