import type { Output } from '../../../electron/contract/channels';
import { fmtTime } from '../ui/Field';

type Diagnosis = Output<'monitor.parcel'>;

const STATE_WORDS: Record<string, string> = { ok: 'on time', late: 'late', open: 'in progress', open_late: 'late, still open', unknown: '—', 'n/a': 'n/a' };

/** The five gaps of one parcel (Table 1), with their times; the one it sits in now is marked. */
export function DiagnosisGaps({ d }: { d: Diagnosis }) {
  return (
    <ol className="gaps" data-testid="gaps">
      {d.gaps.map((g) => (
        <li
          key={g.key}
          className={`gap gap-${g.state.replace('/', '')}${d.current?.key === g.key ? ' gap-now' : ''}`}
          data-testid={`gap-${g.key}`}
          data-state={g.state}
        >
          <div className="gap-head">
            <span className="gap-n" title={`gap ${g.gap}`}>
              {g.key === 'handover' ? 'H' : g.gap}
            </span>
            <b>{g.title}</b>
            <span className={`pill pill-gap-${g.state.replace('/', '')}`}>{STATE_WORDS[g.state]}</span>
            {g.hours !== null && (
              <span className="muted small">
                {g.hours} h{g.limitHours !== null ? ` (limit ${Math.round(g.limitHours * 10) / 10} h)` : ''}
              </span>
            )}
          </div>
          <div className="gap-text">{g.text}</div>
          {(g.from || g.to) && (
            <div className="muted small">
              {g.from ? fmtTime(g.from) : '?'} → {g.to ? fmtTime(g.to) : 'not yet'}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Tracking lines: the carrier's scan time, when we learned it, the lag (gap 4), and which source showed it first. */
export function TrackingLines({ d }: { d: Diagnosis }) {
  if (!d.scans.length) return <div className="muted">No carrier scan from any source yet.</div>;
  return (
    <table className="scans" data-testid="scans">
      <thead>
        <tr>
          <th>Status</th>
          <th>Carrier scan</th>
          <th>Learned</th>
          <th>Lag</th>
          <th>First shown by</th>
        </tr>
      </thead>
      <tbody>
        {[...d.scans].reverse().map((s, i) => (
          <tr key={i} data-testid="scan-line">
            <td>
              <b>{s.statusWords}</b>
              {s.location && <div className="muted small">{s.location}</div>}
            </td>
            <td>{fmtTime(s.scannedAt)}</td>
            <td>{fmtTime(s.learnedAt)}</td>
            <td className={s.lagHours > 6 ? 'warn' : ''}>{s.lagHours} h</td>
            <td className="small">{s.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReshipLinks({ d }: { d: Diagnosis }) {
  if (!d.reshipOf && !d.reshippedAs.length) return null;
  return (
    <div className="notice reship-links" data-testid="reship-links">
      {d.reshipOf && (
        <div>
          Replacement ({d.reshipOf.orderName}) for <b className="mono">{d.reshipOf.oldTrackingNumber}</b>
        </div>
      )}
      {d.reshippedAs.map((r) => (
        <div key={r.orderId}>
          Reshipped as <b>{r.orderName}</b>:{' '}
          {r.trackingNumber ? <b className="mono">{r.trackingNumber}</b> : <span className="warn">waiting to be picked</span>}
        </div>
      ))}
    </div>
  );
}
