import type { EventType } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { fmtDuration, STATE_WORDS } from './sync-format';
import { fmtTime } from '../ui/Field';
import { startsWith } from '../ui/event-family';

const refresh = (t: EventType) => startsWith(t, 'shopify.') || startsWith(t, 'job.') || t === 'label.printed' || t === 'parcel.relinked';

/** A parcel's tracking in Shopify: state and label -> Shopify time, flagged over 5 minutes. */
export function ShopifyParcelState({ parcelId }: { parcelId: string }) {
  const { data } = useChannel('shopify.parcel', { parcelId }, refresh);
  if (!data) return null;
  const time = data.syncedAt ? `${fmtDuration(data.lagMs)} from label to Shopify` : `waiting ${fmtDuration(data.waitingMs)} since the label`;
  return (
    <div
      className={`shopify-state sync-${data.state}${data.late ? ' late' : ''}`}
      data-testid="shopify-parcel-state"
      data-state={data.state}
      data-late={data.late}
    >
      <b>Shopify: {STATE_WORDS[data.state]}</b> · {time}
      {data.late && <span className="late-flag"> · over 5 min</span>}
      {data.updating && (
        <div className="muted" data-testid="shopify-parcel-update">
          Re-linked: Shopify has {data.sentNumber ?? 'no number yet'}; sending {data.trackingNumber}.
        </div>
      )}
      <div className={data.notifiedAt ? '' : 'muted'} data-testid="shopify-parcel-buyer">
        {data.notifiedAt
          ? `Buyer notified at ${fmtTime(data.notifiedAt)}.`
          : data.notifyAt === 'handover'
            ? 'Buyer not e-mailed yet: Shopify e-mails them at handover.'
            : 'Shopify e-mails the buyer when the tracking arrives.'}
      </div>
      {data.error && <div className="job-error">{data.error}</div>}
    </div>
  );
}
