import { useState } from 'react';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { FormError, useAction, words } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';

type Discrepancy = Output<'dispatch.board'>['discrepancies'][number];

const ACTION_WORDS = { handed_over: 'Carrier has it', back_to_dock: 'Back on the dock', dismissed: 'Dismiss' } as const;

function Row({ d }: { d: Discrepancy }) {
  const [note, setNote] = useState('');
  const { busy, failure, run } = useAction();
  return (
    <li className={`dsp-flag dsp-flag-${d.kind}`} data-testid="discrepancy" data-kind={d.kind} data-tracking={d.trackingNumber}>
      <div>
        <b className="mono">{d.trackingNumber}</b> {d.orderName && <span className="muted">{d.orderName}</span>}{' '}
        <span className="pill pill-missing">{words(d.kind)}</span>
      </div>
      <div className="small">{d.what}</div>
      <div className="dsp-next">{d.next}</div>
      <div className="row-actions">
        <input
          aria-label={`What was found for ${d.trackingNumber}`}
          placeholder="What was found"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={200}
        />
        {d.actions.map((a) => (
          <ActionButton
            channel="dispatch.resolve"
            key={a}
            className="small-btn"
            disabled={busy}
            onClick={() => void run(() => call('dispatch.resolve', { id: d.id, resolution: a, note }))}
          >
            {ACTION_WORDS[a]}
          </ActionButton>
        ))}
      </div>
      <FormError failure={failure} />
    </li>
  );
}

/** Parcels flagged by reconciliation, each with what to do. */
export function DispatchDiscrepancies({ items }: { items: Discrepancy[] }) {
  return (
    <section className="dsp-flags" aria-label="Discrepancies" data-testid="discrepancies">
      <h2>Discrepancies {items.length > 0 && <span className="dsp-badge">{items.length}</span>}</h2>
      {items.length === 0 ? (
        <div className="muted">Nothing flagged. Parcels left behind or not confirmed by the carrier show here.</div>
      ) : (
        <ul>
          {items.map((d) => (
            <Row key={d.id} d={d} />
          ))}
        </ul>
      )}
    </section>
  );
}
