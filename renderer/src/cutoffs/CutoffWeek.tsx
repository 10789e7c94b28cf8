import type { EventType } from '../../../electron/contract/channels';
import { fmtLocalDate } from '../ui/time';
import type { Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { fmtZoned, useServerNow } from '../ui/ZonedTime';
import { startsWith } from '../ui/event-family';

type Line = Output<'cutoffs.week'>['lines'][number];

/** Amber from 30 minutes before the cut-off, red from 10. */
export function countdownTone(msLeft: number): 'ok' | 'amber' | 'red' | 'past' {
  if (msLeft < 0) return 'past';
  if (msLeft <= 10 * 60_000) return 'red';
  if (msLeft <= 30 * 60_000) return 'amber';
  return 'ok';
}

function countdown(ms: number): string {
  if (ms < 0) return 'cut-off passed';
  const m = Math.floor(ms / 60_000);
  if (m >= 24 * 60) return `${Math.floor(m / 1440)} d ${Math.floor((m % 1440) / 60)} h`;
  if (m >= 60) return `${Math.floor(m / 60)} h ${m % 60} min`;
  return `${m} min ${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')} s`;
}

const refresh = (t: EventType) => startsWith(t, 'cutoffs.') || startsWith(t, 'parcel.') || t === 'label.printed' || startsWith(t, 'order');

export function CutoffWeek() {
  const { data, error } = useChannel('cutoffs.week', {}, refresh);
  const now = useServerNow(data?.now);
  if (!data) return <div className="muted">{error ?? 'Loading this week…'}</div>;
  return (
    <div className="cutoff-week" data-testid="cutoff-week">
      <div className="muted small">
        Week of {fmtLocalDate(data.weekOf)} · warehouse time {data.zone} · now {fmtZoned(new Date(now).toISOString(), data.zone)}
      </div>
      <div className="week-lines">
        {data.lines.map((l) => (
          <WeekLine key={l.lineId} line={l} zone={data.zone} now={now} />
        ))}
      </div>
    </div>
  );
}

function WeekLine({ line, zone, now }: { line: Line; zone: string; now: number }) {
  if (!line.hasCalendar)
    return (
      <section className="card week-line">
        <h2>{line.lineName}</h2>
        <div className="warn">No cut-off calendar: parcels on this line get no ship date. Set one under Calendars.</div>
      </section>
    );
  const n = line.next;
  const left = n ? new Date(n.cutoffAt).getTime() - now : 0;
  const tone = n ? countdownTone(left) : 'past';
  const atRisk = n ? n.openOrders + n.unlabelled : 0;
  return (
    <section className="card week-line" data-testid="week-line" data-line={line.lineId}>
      <h2>
        {line.lineName} {line.rules.includes('thursday-shift') && <span className="pill">Thursday shift</span>}
      </h2>
      {n ? (
        <div className={`next-cutoff tone-${tone}`} data-testid="next-cutoff" data-tone={tone}>
          <div>
            Next cut-off <b>{fmtZoned(n.cutoffAt, zone)}</b> · pickup {fmtZoned(n.pickupAt, zone, false)}
          </div>
          <div className="countdown">{countdown(left)}</div>
          <div>
            {n.picked} picked of ~{n.expected} expected ·{' '}
            <span className={atRisk && tone !== 'ok' ? 'risk' : ''} data-testid="at-risk">
              {n.openOrders} orders still to pick, {n.unlabelled} labels not printed
            </span>
          </div>
        </div>
      ) : (
        <div className="muted">No pickup in the next two weeks.</div>
      )}
      <table className="week-pickups">
        <tbody>
          {line.pickups.map((p) => (
            <tr key={p.date} className={`state-${p.state}`}>
              <td>{p.day}</td>
              <td>{fmtZoned(p.cutoffAt, zone, false)}</td>
              <td>{p.state === 'closed' ? 'no new parcels' : `${p.picked} / ~${p.expected}`}</td>
              <td className="muted small">{p.state === 'gone' ? 'collected' : p.state === 'loading' ? 'loading' : p.state === 'next' ? 'next' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
