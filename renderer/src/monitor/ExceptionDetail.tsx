import { useEffect, useState } from 'react';
import type { Output } from '../../../electron/contract/channels';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { DiagnosisGaps, ReshipLinks, TrackingLines } from './DiagnosisGaps';
import { FormError, fmtTime, useAction, words } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';
import { startsWith } from '../ui/event-family';

type Row = Output<'monitor.queue'>['rows'][number];

/** One exception: what the rule saw, the parcel's gaps and tracking lines, and the message to the buyer. */
export function ExceptionDetail({ row, onClose, onDone }: { row: Row; onClose: () => void; onDone: (msg: string) => void }) {
  const d = useChannel('monitor.parcel', { id: row.parcelId }, (t, s) => s === row.parcelId || startsWith(t, 'monitor.'));
  const [msg, setMsg] = useState<{ subject: string; body: string } | null>(null);
  const act = useAction();
  useEffect(() => {
    setMsg(null);
    if (row.status === 'open')
      void call('monitor.contactPreview', { exceptionId: row.id }).then(
        (m) => setMsg({ subject: m.subject, body: m.body }),
        () => setMsg(null),
      );
  }, [row.id, row.status]);
  return (
    <aside className="parcel-detail exception-detail" data-testid="exception-detail" aria-label={`Exception of ${row.orderName}`}>
      <div className="detail-head">
        <div>
          <div className="detail-tn">{row.trackingNumber}</div>
          <div className="detail-sub">
            {row.orderName} · {row.buyer} · {row.lineName}
          </div>
        </div>
        <button type="button" onClick={onClose} aria-label="Close">
          Esc
        </button>
      </div>
      <div className="detail-body">
        <div className={`exc-cause exc-${row.cause}`} data-testid="exception-cause">
          <b>{words(row.cause)}</b> — {row.detail}
        </div>
        <div className="muted small">
          Opened {fmtTime(row.openedAt)} · due {fmtTime(row.dueAt)} · owner {row.owner ?? 'nobody'} · {row.contacts} contact{row.contacts === 1 ? '' : 's'}
        </div>
        {d.data && <ReshipLinks d={d.data} />}
        {row.status === 'open' && msg && (
          <div className="contact-form">
            <h3>Message to the buyer ({row.email ?? 'no e-mail'})</h3>
            <input aria-label="Subject" value={msg.subject} onChange={(e) => setMsg({ ...msg, subject: e.target.value })} />
            <textarea aria-label="Message" data-testid="contact-body" rows={8} value={msg.body} onChange={(e) => setMsg({ ...msg, body: e.target.value })} />
            <div className="row-actions">
              <ActionButton
                channel="monitor.contact"
                type="button"
                className="primary"
                disabled={act.busy}
                onClick={() =>
                  void act
                    .run(() => call('monitor.contact', { exceptionIds: [row.id], subject: msg.subject, body: msg.body }))
                    .then((r) => r && onDone(`Message to ${row.buyer} queued.`))
                }
              >
                Send to buyer
              </ActionButton>
            </div>
          </div>
        )}
        <FormError failure={act.failure} />
        {d.data && (
          <>
            <h3>The five gaps</h3>
            <DiagnosisGaps d={d.data} />
            <h3>Tracking lines</h3>
            <TrackingLines d={d.data} />
          </>
        )}
        {d.error && <div className="form-error">{d.error}</div>}
      </div>
    </aside>
  );
}
