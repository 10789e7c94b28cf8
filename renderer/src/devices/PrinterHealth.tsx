import type { EventType } from '../../../electron/contract/channels';
import { useEffect, useState } from 'react';
import { call, ApiFailure } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { startsWith } from '../ui/event-family';

const refreshOn = (t: EventType) =>
  startsWith(t, 'printer.') || startsWith(t, 'print.') || startsWith(t, 'job.') || t === 'label.printed' || startsWith(t, 'parcel.');

/** The station printer's state, on the Pick screen before the picker scans; asks "did it print?" when the printer could not tell. */
export function PrinterHealth() {
  const health = useChannel('printers.health', {}, refreshOn);
  const [failure, setFailure] = useState<string | null>(null);
  const h = health.data;
  useEffect(() => {
    const t = setInterval(() => void health.reload(), 5_000);
    return () => clearInterval(t);
  }, [health.reload]);
  if (!h)
    return health.error ? (
      <div className="printer-health level-warn" data-testid="printer-health" data-level="warn">
        {health.error}
      </div>
    ) : null;
  const q = h.questions[0];
  const answer = async (printed: boolean) => {
    try {
      await call('print.confirm', { jobId: q.jobId, printed });
      setFailure(null);
    } catch (e) {
      setFailure(e instanceof ApiFailure ? e.message : String(e));
    }
    void health.reload();
  };
  return (
    <div className={`printer-health level-${h.level}`} data-testid="printer-health" data-level={h.level} role={h.level === 'ok' ? undefined : 'alert'}>
      <div className="ph-line">
        <span className="ph-dot" aria-hidden="true" />
        <span data-testid="printer-health-message">{h.message}</span>
      </div>
      {h.queued > 0 && (
        <div className="ph-queued">
          {h.queued} label{h.queued === 1 ? '' : 's'} waiting
        </div>
      )}
      {q && (
        <div className="row-actions">
          <button onClick={() => void answer(true)} data-testid="confirm-printed">
            Yes, it printed
          </button>
          <button onClick={() => void answer(false)} data-testid="confirm-reprint">
            No, print it again
          </button>
        </div>
      )}
      {failure && <div className="form-error">{failure}</div>}
    </div>
  );
}
