import type { EventType } from '../../../electron/contract/channels';
import { useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import type { Output } from '../../../electron/contract/channels';
import { FormError, described, fmtTime, issueAt, useAction } from '../ui/Field';
import { ActionButton, ActionGroup } from '../operators/OperatorsAllowed';

type Request = Output<'shopify.requests'>['requests'][number];

const refresh = (t: EventType) =>
  t === 'shopify.request_queued' || t === 'shopify.request_answered' || t === 'job.dead' || t === 'job.retried' || t === 'shopify.store_connected';

const STATE: Record<Request['state'], string> = {
  pending: 'Waiting for you',
  queued: 'Queued to Shopify',
  accepted: 'Accepted',
  rejected: 'Rejected',
  refused: 'Refused by Shopify',
};

function RequestRow({ r, storeId }: { r: Request; storeId: string }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, failure, setFailure, run } = useAction();
  const answer = (accept: boolean) =>
    void run(() => call('shopify.requests.answer', { storeId, foGid: r.foGid, accept, message: accept ? '' : reason })).then((ok) => ok && setRejecting(false));
  const open = r.state === 'pending' || r.state === 'refused';
  const id = `reject-${r.foGid.split('/').pop()}`;
  return (
    <li className={`request request-${r.state}`} data-testid="request-row" data-order={r.orderName} data-state={r.state}>
      <div className="request-main">
        <b>{r.orderName}</b>
        <span className="muted">
          {r.items} item{r.items === 1 ? '' : 's'}
          {r.destination ? ` · ${r.destination}` : ''}
        </span>
        <span className={`pill pill-request-${r.state}`} data-testid="request-state">
          {STATE[r.state]}
        </span>
        {open && !rejecting && (
          <ActionGroup channel="shopify.requests.answer">
            <ActionButton
              channel="shopify.requests.answer"
              className="primary small-btn"
              data-testid="request-accept"
              disabled={busy}
              onClick={() => answer(true)}
            >
              Accept
            </ActionButton>
            <ActionButton
              channel="shopify.requests.answer"
              className="small-btn"
              data-testid="request-reject"
              disabled={busy}
              onClick={() => setRejecting(true)}
            >
              Reject…
            </ActionButton>
          </ActionGroup>
        )}
      </div>
      {r.state !== 'pending' && (
        <div className="muted small-note">
          {r.accept ? 'Accept' : `Reject: "${r.message}"`} queued {fmtTime(r.queuedAt)}
          {r.answeredAt ? ` · Shopify took it ${fmtTime(r.answeredAt)}` : ''}
          {r.state === 'accepted' ? ' · its order comes in with the intake' : ''}
        </div>
      )}
      {r.state === 'refused' && (
        <div className="job-error" role="alert" data-testid="request-error">
          {r.error} Answer again, or check the order with the merchant.
        </div>
      )}
      {rejecting && (
        <form
          className="request-reject"
          onSubmit={(e) => {
            e.preventDefault();
            answer(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setRejecting(false);
              setFailure(null);
            }
          }}
        >
          <label htmlFor={id}>Reason for the merchant</label>
          <input
            {...described(id, issueAt(failure, 'message'))}
            data-testid="request-reason"
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            placeholder="e.g. out of stock"
          />
          <button type="submit" className="small-btn" data-testid="request-reject-send" disabled={busy}>
            Reject
          </button>
          <button type="button" className="small-btn" onClick={() => (setRejecting(false), setFailure(null))}>
            Cancel <kbd>Esc</kbd>
          </button>
        </form>
      )}
      <FormError failure={failure} />
    </li>
  );
}

/** Fulfillment requests a store sent to this site: accept or reject; the answer goes through the outbox. */
export function SyncRequests({ storeId, shopName }: { storeId: string; shopName: string }) {
  const { data, error } = useChannel('shopify.requests', { storeId }, refresh);
  if (!data) return error ? <div className="job-error">{error}</div> : null;
  if (!data.requests.length && !data.error) return null;
  return (
    <div className="requests" data-testid="sync-requests" data-store={storeId}>
      <h3>
        Fulfillment requests · {shopName} ({data.requests.filter((r) => r.state === 'pending').length} waiting)
      </h3>
      {data.error && <div className="warn small-note">{data.error}</div>}
      <ul className="request-list">
        {data.requests.map((r) => (
          <RequestRow key={r.foGid} r={r} storeId={storeId} />
        ))}
      </ul>
    </div>
  );
}
