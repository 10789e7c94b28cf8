import { useState } from 'react';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { FormError, fmtTime, useAction, words } from '../ui/Field';
import { ActionButton, ActionGroup } from '../operators/OperatorsAllowed';

type Dead = Output<'shopify.status'>['deadLetters'][number];

function DeadRow({ d, reload }: { d: Dead; reload: () => void }) {
  const { busy, failure, run } = useAction();
  const [company, setCompany] = useState('');
  const act = (fn: () => Promise<unknown>) => void run(fn).then((r) => r && reload());
  return (
    <li className={`dead ${d.conflict ? 'dead-conflict' : ''}`} data-testid="dead-letter" data-conflict={d.conflict}>
      <div className="dead-main">
        <span className={`pill ${d.conflict ? 'pill-conflict' : 'pill-dead'}`}>{d.conflict ? 'Conflict' : 'Refused'}</span>
        <b>{d.orderName ?? d.ref}</b>
        <span className="mono">{d.trackingNumber}</span>
        <span className="muted">
          {words(d.kind)} · {fmtTime(d.createdAt)}
        </span>
      </div>
      <div className="job-error" data-testid="dead-error">
        {d.error}
      </div>
      <div className="row-actions">
        <button className="small-btn" disabled={busy} onClick={() => act(() => call('jobs.retry', { id: d.jobId }))}>
          Retry as is
        </button>
        <ActionGroup channel="shopify.fix">
          {d.kind === 'shopify.fulfillment_create' && (
            <ActionButton
              channel="shopify.fix"
              className="small-btn"
              disabled={busy}
              onClick={() => act(() => call('shopify.fix', { jobId: d.jobId, refreshLines: true }))}
            >
              Send remaining items
            </ActionButton>
          )}
          <input
            aria-label="Tracking company"
            placeholder="Tracking company"
            value={company}
            onChange={(e) => setCompany(e.target.value)}
            className="fix-company"
          />
          <ActionButton
            channel="shopify.fix"
            className="small-btn"
            disabled={busy || !company.trim()}
            onClick={() => act(() => call('shopify.fix', { jobId: d.jobId, company }))}
          >
            Fix company &amp; send
          </ActionButton>
        </ActionGroup>
      </div>
      <FormError failure={failure} />
    </li>
  );
}

export function SyncDeadLetters({ dead, reload }: { dead: Dead[]; reload: () => void }) {
  return (
    <ul className="dead-list" data-testid="dead-letters">
      {dead.map((d) => (
        <DeadRow key={d.jobId} d={d} reload={reload} />
      ))}
      {dead.length === 0 && <li className="muted">No dead letters: everything Shopify refused would be listed here.</li>}
    </ul>
  );
}
