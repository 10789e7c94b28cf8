import { useEffect, useState } from 'react';
import { call } from '../api/client';
import type { Input, Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { FormError, issueAt, useAction, type Failure } from '../ui/Field';
import { CutoffReport } from './CutoffReport';
import { fmtZoned } from '../ui/ZonedTime';
import { TimeInput } from '../ui/TimeInput';
import { fmtDay } from '../ui/time';
import { startsWith } from '../ui/event-family';

type Settings = Output<'cutoffs.get'>;
type Calendar = Input<'cutoffs.save'>['calendar'];
type FirstScan = Input<'cutoffs.save'>['firstScan'];
type Preview = Output<'cutoffs.preview'>;
type Day = { on: boolean; cutoff: string; pickup: string };

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

type Draft = { days: Day[]; holidays: Calendar['holidays']; overrides: Calendar['overrides']; thursday: boolean; effectiveFrom: string; firstScan: FirstScan };

function draftOf(s: Settings): Draft {
  const cal = s.calendar;
  return {
    days: DAYS.map((_, i) => {
      const p = cal?.pickups.find((x) => x.weekday === i + 1);
      return { on: !!p, cutoff: p?.cutoff ?? '16:00', pickup: p?.pickup ?? '17:30' };
    }),
    holidays: cal?.holidays ?? [],
    overrides: cal?.overrides ?? [],
    thursday: cal?.rules.includes('thursday-shift') ?? false,
    effectiveFrom: cal?.effectiveFrom ?? '',
    firstScan: s.firstScan ?? s.defaultFirstScan,
  };
}

function calendarOf(d: Draft): { calendar: Calendar; weekdayOfPickup: number[] } {
  const weekdayOfPickup: number[] = [];
  const pickups = d.days.flatMap((day, i) => (day.on ? (weekdayOfPickup.push(i), [{ weekday: i + 1, cutoff: day.cutoff, pickup: day.pickup }]) : []));
  return {
    calendar: {
      pickups,
      holidays: d.holidays,
      overrides: d.overrides,
      rules: d.thursday ? ['thursday-shift'] : [],
      ...(d.effectiveFrom ? { effectiveFrom: d.effectiveFrom } : {}),
    },
    weekdayOfPickup,
  };
}

/** Issues of a pickup row: the API numbers pickups by their place in the list, the screen by weekday. */
function dayError(f: Failure | null, weekdayOfPickup: number[], dayIndex: number) {
  const i = weekdayOfPickup.indexOf(dayIndex);
  return i < 0 ? undefined : issueAt(f, `calendar.pickups.${i}`);
}

const postalLike = (routeType: string | undefined) => !routeType || routeType === 'postal' || routeType === 'private';

export function CutoffCalendar({ lines, zone }: { lines: Array<{ id: string; name: string; routeType?: string }>; zone: string }) {
  const [lineId, setLineId] = useState(lines[0]?.id ?? '');
  const settings = useChannel('cutoffs.get', { lineId }, (t) => startsWith(t, 'cutoffs.'));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const act = useAction();
  const s = settings.data;
  useEffect(() => {
    if (s && s.lineId === lineId) setDraft(draftOf(s));
  }, [s?.lineId, s?.version, lineId]);
  useEffect(() => (setPreview(null), setNotice(null)), [lineId]);

  if (!draft || !s) return <div className="muted">{settings.error ?? 'Loading the calendar…'}</div>;
  const { calendar, weekdayOfPickup } = calendarOf(draft);
  const previewFailure: Failure | null = preview && !preview.ok ? { message: 'The draft has problems: fix the marked fields.', issues: preview.errors } : null;
  const failure = act.failure ?? previewFailure;
  const change = (p: Partial<Draft>) => (setDraft({ ...draft, ...p }), setPreview(null), setNotice(null));
  const setDay = (i: number, p: Partial<Day>) => change({ days: draft.days.map((d, k) => (k === i ? { ...d, ...p } : d)) });
  const fieldPaths = ['calendar.pickups', 'reason', 'firstScan', 'calendar.rules'];

  const doPreview = () =>
    void act.run(() => call('cutoffs.preview', { lineId, calendar, firstScan: draft.firstScan, weeks: 8 })).then((r) => r && setPreview(r));
  const doSave = () =>
    void act
      .run(() => call('cutoffs.save', { lineId, calendar, firstScan: draft.firstScan, reason }))
      .then((r) => {
        if (!r) return;
        setReason('');
        setPreview(null);
        setNotice(`Saved as version ${r.version}. New picks on ${r.lineName} use it now.`);
        void settings.reload();
      });
  const doUndo = () =>
    void act
      .run(() => call('cutoffs.undo', { lineId, reason }))
      .then((r) => {
        if (!r) return;
        setReason('');
        setNotice(r.version ? `Undone: back to version ${r.version}.` : 'Undone: the line has no calendar now; its parcels get no ship date.');
        void settings.reload();
      });

  return (
    <div className="cutoff-calendar">
      <section className="card cal-editor" aria-label="Calendar">
        <div className="cal-head">
          <label htmlFor="cal-line">Line</label>
          <select id="cal-line" data-testid="cal-line" value={lineId} onChange={(e) => setLineId(e.target.value)}>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
          <span className="muted small">
            {s.version ? `v${s.version} by ${s.savedBy}: ${s.reason}` : 'no calendar'} · times in {zone}
          </span>
        </div>
        <table className="cal-days">
          <thead>
            <tr>
              <th>Pickup day</th>
              <th>Cut-off</th>
              <th>Pickup</th>
            </tr>
          </thead>
          <tbody>
            {draft.days.map((d, i) => {
              const err = dayError(failure, weekdayOfPickup, i);
              return (
                <tr key={i} className={err ? 'has-error' : undefined}>
                  <td>
                    <label>
                      <input type="checkbox" checked={d.on} onChange={(e) => setDay(i, { on: e.target.checked })} data-testid={`cal-day-${DAYS[i]}`} />{' '}
                      {DAYS[i]}
                    </label>
                  </td>
                  <td>
                    <TimeInput aria-label={`${DAYS[i]} cut-off`} value={d.cutoff} disabled={!d.on} onChange={(t) => setDay(i, { cutoff: t })} />
                  </td>
                  <td>
                    <TimeInput aria-label={`${DAYS[i]} pickup`} value={d.pickup} disabled={!d.on} onChange={(t) => setDay(i, { pickup: t })} />
                    {err && (
                      <div className="field-error" role="alert">
                        {err}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {issueAt(failure, 'calendar.pickups') && !weekdayOfPickup.length && (
          <div className="field-error" role="alert">
            {issueAt(failure, 'calendar.pickups')}
          </div>
        )}
        {postalLike(lines.find((l) => l.id === lineId)?.routeType) || draft.thursday ? (
          <label className="rule">
            <input type="checkbox" checked={draft.thursday} onChange={(e) => change({ thursday: e.target.checked })} data-testid="rule-thursday" />
            <span>
              <b>Thursday shift</b>: last weekly cut-off moves to Thursday end of day; Friday and Saturday production ships Monday.
            </span>
          </label>
        ) : (
          <p className="muted small" data-testid="rule-thursday-na">
            No Thursday shift on this line: it is a postal-line rule, and this carrier scans a Friday pickup the same evening.
          </p>
        )}
        <div className="window-row">
          <span>First scan</span>
          <input
            aria-label="Best case hours"
            type="number"
            min={0}
            value={draft.firstScan.bestHours}
            onChange={(e) => change({ firstScan: { ...draft.firstScan, bestHours: Number(e.target.value) } })}
            data-testid="window-best"
          />
          <span>to</span>
          <input
            aria-label="Worst case hours"
            type="number"
            min={0}
            value={draft.firstScan.worstHours}
            onChange={(e) => change({ firstScan: { ...draft.firstScan, worstHours: Number(e.target.value) } })}
            data-testid="window-worst"
          />
          <span className="muted small">carrier working hours after pickup · {draft.firstScan.route}</span>
        </div>
        {issueAt(failure, 'firstScan') && (
          <div className="field-error" role="alert">
            {issueAt(failure, 'firstScan')}
          </div>
        )}
        <CutoffDates draft={draft} change={change} failure={failure} />
        <div className="cal-actions">
          <input
            aria-label="Why (saved with the change)"
            placeholder="Why? e.g. Thursday shift for postal"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="cal-reason"
            maxLength={200}
          />
          <button onClick={doPreview} disabled={act.busy} data-testid="cal-preview">
            Preview
          </button>
          <button className="primary" onClick={doSave} disabled={act.busy} data-testid="cal-save">
            Save
          </button>
          <button onClick={doUndo} disabled={act.busy || !s.version} data-testid="cal-undo" title="Withdraw the current version (needs a reason)">
            Undo v{s.version ?? '–'}
          </button>
        </div>
        {issueAt(failure, 'reason') && (
          <div className="field-error" role="alert">
            {issueAt(failure, 'reason')}
          </div>
        )}
        <FormError failure={failure} fieldPaths={fieldPaths} testId="cal-error" />
        {notice && (
          <div className="notice" role="status" data-testid="cal-notice">
            {notice}
          </div>
        )}
      </section>
      <section className="card cal-preview" aria-label="Preview" data-testid="cal-preview-panel">
        {preview?.ok && preview.report ? (
          <>
            <h2>Preview: saved → draft</h2>
            <div className="upcoming" data-testid="cal-upcoming">
              {preview.upcomingAfter.slice(0, 8).map((p) => {
                const was = preview.upcomingBefore.find((b) => b.date === p.date);
                const changed = !was || was.open !== p.open || was.cutoffAt !== p.cutoffAt;
                return (
                  <span
                    key={p.date}
                    className={`slot${p.open ? '' : ' closed'}${changed ? ' changed' : ''}`}
                    title={p.open ? 'takes parcels' : 'runs, but takes no new parcels'}
                  >
                    {p.day} {fmtZoned(p.cutoffAt, zone, false)}
                    {p.open ? '' : ' ✕'}
                  </span>
                );
              })}
            </div>
            <CutoffReport report={preview.report} />
          </>
        ) : (
          <>
            <h2>Next pickups</h2>
            <ul className="upcoming-list">
              {s.upcoming.slice(0, 8).map((p) => (
                <li key={p.date} className={p.open ? '' : 'closed'}>
                  {fmtDay(p.pickupAt, zone)}: cut-off {fmtZoned(p.cutoffAt, zone, false)}, pickup {fmtZoned(p.pickupAt, zone, false)}
                  {p.open ? '' : ' — runs, takes no new parcels'}
                  {p.extra ? ' (extra)' : ''}
                </li>
              ))}
              {s.upcoming.length === 0 && <li className="muted">No calendar: set pickup days and save.</li>}
            </ul>
            <p className="muted">Change the calendar, then Preview to see what it does to the last 8 weeks before you save.</p>
            <History history={s.history} zone={zone} />
          </>
        )}
      </section>
    </div>
  );
}

function History({ history, zone }: { history: Settings['history']; zone: string }) {
  return (
    <>
      <h3>Changes</h3>
      <ul className="cal-history" data-testid="cal-history">
        {history.slice(0, 6).map((h) => (
          <li key={h.version} className={h.undoneAt ? 'undone' : ''}>
            v{h.version} {fmtZoned(h.savedAt, zone)} {h.savedBy}: {h.reason}
            {h.rules.length ? ` [${h.rules.join(', ')}]` : ''}
            {h.undoneAt ? ` — undone by ${h.undoneBy}: ${h.undoReason}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Holidays and one-off overrides, one per row. */
function CutoffDates({ draft, change, failure }: { draft: Draft; change: (p: Partial<Draft>) => void; failure: Failure | null }) {
  const setH = (i: number, p: Partial<Draft['holidays'][number]>) => change({ holidays: draft.holidays.map((h, k) => (k === i ? { ...h, ...p } : h)) });
  const setO = (i: number, p: Partial<Draft['overrides'][number]>) => change({ overrides: draft.overrides.map((o, k) => (k === i ? { ...o, ...p } : o)) });
  return (
    <details className="cal-dates" open={draft.holidays.length + draft.overrides.length > 0 && !!failure}>
      <summary>
        Holidays ({draft.holidays.length}) and one-off pickups ({draft.overrides.length})
      </summary>
      {draft.holidays.map((h, i) => (
        <div key={`h${i}`} className="date-row">
          <input aria-label="Holiday date" placeholder="YYYY-MM-DD" value={h.date} onChange={(e) => setH(i, { date: e.target.value })} />
          <input aria-label="Holiday name" value={h.name} onChange={(e) => setH(i, { name: e.target.value })} />
          <select aria-label="Holiday scope" value={h.scope} onChange={(e) => setH(i, { scope: e.target.value as 'carrier' | 'site' })}>
            <option value="site">site closed</option>
            <option value="carrier">carrier off</option>
          </select>
          <button className="small-btn" onClick={() => change({ holidays: draft.holidays.filter((_, k) => k !== i) })} aria-label="Remove holiday">
            ✕
          </button>
          {issueAt(failure, `calendar.holidays.${i}`) && (
            <div className="field-error" role="alert">
              {issueAt(failure, `calendar.holidays.${i}`)}
            </div>
          )}
        </div>
      ))}
      {draft.overrides.map((o, i) => (
        <div key={`o${i}`} className="date-row">
          <input aria-label="Override date" placeholder="YYYY-MM-DD" value={o.date} onChange={(e) => setO(i, { date: e.target.value })} />
          <select
            aria-label="Override kind"
            value={o.kind}
            onChange={(e) =>
              setO(
                i,
                e.target.value === 'cancelled'
                  ? { kind: 'cancelled', cutoff: undefined, pickup: undefined }
                  : { kind: 'extra', cutoff: '10:00', pickup: '11:00' },
              )
            }
          >
            <option value="extra">extra pickup</option>
            <option value="cancelled">cancelled pickup</option>
          </select>
          {o.kind === 'extra' && (
            <>
              <TimeInput aria-label="Override cut-off" value={o.cutoff ?? ''} onChange={(t) => setO(i, { cutoff: t })} />
              <TimeInput aria-label="Override pickup" value={o.pickup ?? ''} onChange={(t) => setO(i, { pickup: t })} />
            </>
          )}
          <input aria-label="Override reason" placeholder="reason" value={o.reason} onChange={(e) => setO(i, { reason: e.target.value })} />
          <button className="small-btn" onClick={() => change({ overrides: draft.overrides.filter((_, k) => k !== i) })} aria-label="Remove override">
            ✕
          </button>
          {issueAt(failure, `calendar.overrides.${i}`) && (
            <div className="field-error" role="alert">
              {issueAt(failure, `calendar.overrides.${i}`)}
            </div>
          )}
        </div>
      ))}
      <div className="row-actions">
        <button className="small-btn" onClick={() => change({ holidays: [...draft.holidays, { date: '', name: '', scope: 'site' }] })}>
          + holiday
        </button>
        <button
          className="small-btn"
          onClick={() => change({ overrides: [...draft.overrides, { date: '', kind: 'extra', cutoff: '10:00', pickup: '11:00', reason: '' }] })}
        >
          + one-off pickup
        </button>
      </div>
    </details>
  );
}
