import { useState } from 'react';
import type { Output } from '../../../electron/contract/channels';
import { call } from '../api/client';
import { DiagnosisGaps, ReshipLinks, TrackingLines } from '../monitor/DiagnosisGaps';
import { FormError, useAction } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';

type Result = Output<'monitor.support'>['results'][number];

/** One parcel as support sees it: Table 2 walked, the fix, the reply; the gaps and tracking lines beside. */
export function SupportResult({ r }: { r: Result }) {
  const { diagnosis: d, tree } = r;
  const [reply, setReply] = useState(tree.reply);
  const [sent, setSent] = useState<string | null>(null);
  const send = useAction();
  return (
    <div className="support-result" data-testid="support-result" data-tracking={d.parcel.trackingNumber}>
      <div className="support-col">
        <div className="support-head">
          <div className="detail-tn">{d.parcel.trackingNumber}</div>
          <div className="muted">
            {d.order.name} · {d.order.buyer} · {d.line.name} · {d.tracking ? d.tracking.statusWords : 'no carrier scan yet'}
          </div>
        </div>
        <ReshipLinks d={d} />
        <div className="tree" data-testid="tree">
          <div className="tree-symptom">
            {tree.symptomWords} {tree.inferred && <span className="muted small">(most likely, from the parcel)</span>}
          </div>
          <ol className="tree-steps">
            {tree.steps.map((s, i) => (
              <li key={i}>
                <span className="muted">{s.question}</span> <b>{s.answer}</b>
              </li>
            ))}
          </ol>
          <div className="tree-cause" data-testid="root-cause">
            Root cause: <b>{tree.rootCause}</b>
          </div>
          <ul className="tree-fixes" data-testid="fixes">
            {tree.fixes.map((f) => (
              <li key={f.n}>
                <b>Fix {f.n}.</b> {f.text}
              </li>
            ))}
          </ul>
          <div className="tree-action">Next: {tree.action}</div>
        </div>
        <label htmlFor={`reply-${d.parcel.id}`} className="reply-label">
          Ready reply to the buyer {d.order.email ? `(${d.order.email})` : '(no e-mail on the order)'}
        </label>
        <textarea id={`reply-${d.parcel.id}`} className="reply" data-testid="reply" value={reply} onChange={(e) => setReply(e.target.value)} rows={7} />
        <div className="row-actions">
          <button type="button" onClick={() => void navigator.clipboard?.writeText(reply)}>
            Copy reply
          </button>
          <ActionButton
            channel="monitor.contact"
            type="button"
            className="primary"
            disabled={send.busy || !d.order.email}
            onClick={() =>
              void send.run(async () => {
                await call('monitor.contact', { parcelId: d.parcel.id, subject: `Your order ${d.order.name}`, body: reply });
                setSent(`Queued to ${d.order.email}.`);
              })
            }
          >
            Send to buyer
          </ActionButton>
          {sent && <span className="ok">{sent}</span>}
        </div>
        <FormError failure={send.failure} />
      </div>
      <div className="support-col">
        <h3>The five gaps</h3>
        <DiagnosisGaps d={d} />
        <h3>Tracking lines</h3>
        <TrackingLines d={d} />
      </div>
    </div>
  );
}
