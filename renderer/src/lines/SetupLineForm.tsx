import { useEffect, useState } from 'react';
import { call } from '../api/client';
import type { Input, Output } from '../../../electron/contract/channels';
import { Field, FormError, described, issueAt, useAction } from '../ui/Field';
import { TimeInput } from '../ui/TimeInput';

type Line = Output<'lines.list'>[number];
type LineInput = Input<'lines.save'>;
type Day = { on: boolean; cutoff: string; pickup: string };

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const ROUTES: Array<[LineInput['routeType'], string]> = [
  ['postal', 'Postal (S10, e.g. ePacket)'],
  ['private', 'Private line'],
  ['express', 'Express (DHL, UPS, FedEx)'],
  ['domestic', 'Domestic'],
];

const EMPTY: LineInput = {
  id: '',
  name: '',
  carrier: '',
  shopifyCompany: '',
  trackingUrl: '',
  service: '',
  routeType: 'postal',
  numberSource: 'range',
  lowDays: 3,
  dailyVolume: 50,
  active: true,
};
const WEEKDAYS: Day[] = DAYS.map((_, i) => ({ on: i < 5, cutoff: '16:00', pickup: '17:30' }));

/** "DHL Express private" -> "dhl-express-private": a line id a supervisor need not invent. */
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

/**
 * Create or change a carrier line: carrier, service, where its numbers come from, the tracking link,
 * and its weekly pickups (the calendar; holidays and what-ifs stay in Supervisor).
 */
export function SetupLineForm({
  editing,
  existing,
  onSaved,
  onCancel,
}: {
  editing: Line | null;
  existing: string[];
  onSaved: (line: Line, source: 'range' | 'pool', isNew: boolean) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<LineInput>(EMPTY);
  const [days, setDays] = useState<Day[]>(WEEKDAYS);
  const [calendarTouched, setCalendarTouched] = useState(false);
  const [idTouched, setIdTouched] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, failure, setFailure, run } = useAction();
  const err = (p: string) => issueAt(failure, p);

  useEffect(() => {
    if (editing) setNotice(null);
    setFailure(null);
    setCalendarTouched(false);
    if (!editing) {
      setForm(EMPTY);
      setDays(WEEKDAYS);
      setIdTouched(false);
      return;
    }
    const { remaining: _r, daysLeft: _d, low: _l, ranges: _g, ...line } = editing;
    setForm(line);
    setIdTouched(true);
    void call('cutoffs.get', { lineId: editing.id }).then(
      (s) =>
        setDays(
          DAYS.map((_, i) => {
            const p = s.calendar?.pickups.find((x) => x.weekday === i + 1);
            return p ? { on: true, cutoff: p.cutoff, pickup: p.pickup } : { on: false, cutoff: '16:00', pickup: '17:30' };
          }),
        ),
      () => undefined,
    );
  }, [editing?.id]);

  const set = <K extends keyof LineInput>(k: K, v: LineInput[K]) => {
    setNotice(null);
    setForm((f) => {
      const next = { ...f, [k]: v };
      if (k === 'name' && !idTouched && !editing) next.id = slug(String(v));
      if (k === 'carrier' && (f.shopifyCompany === '' || f.shopifyCompany === f.carrier)) next.shopifyCompany = String(v);
      return next;
    });
  };
  const setDay = (i: number, p: Partial<Day>) => (setCalendarTouched(true), setNotice(null), setDays((d) => d.map((x, k) => (k === i ? { ...x, ...p } : x))));

  const save = () =>
    void run(async () => {
      if (!editing && existing.includes(form.id))
        return setFailure({
          message: `There is already a line "${form.id}". Use Edit line… on it, or choose another id.`,
          issues: [{ path: 'id', message: 'this id is taken' }],
        });
      const saved = await call('lines.save', form);
      let calendarNote = '';
      if (calendarTouched || !editing) {
        const current = await call('cutoffs.get', { lineId: saved.id });
        const pickups = days.flatMap((d, i) => (d.on ? [{ weekday: i + 1, cutoff: d.cutoff, pickup: d.pickup }] : []));
        if (pickups.length) {
          try {
            await call('cutoffs.save', {
              lineId: saved.id,
              calendar: {
                pickups,
                holidays: current.calendar?.holidays ?? [],
                overrides: current.calendar?.overrides ?? [],
                rules: current.calendar?.rules ?? [],
              },
              firstScan: current.firstScan ?? current.defaultFirstScan,
              reason: editing ? 'pickup days changed in the line form' : 'line created in Setup',
            });
            calendarNote = ` Pickups ${pickups.map((p) => DAYS[p.weekday - 1]).join(', ')}.`;
          } catch (e) {
            // The line is saved; only its calendar is not: say so and keep the form as typed.
            setNotice(`${saved.name} is saved, but not its pickup days: fix them and save again.`);
            throw e;
          }
        }
      }
      const next = saved.numberSource === 'pool' ? 'Import its pool of numbers below.' : saved.ranges.length ? '' : 'Add its first number range below.';
      setNotice(`${editing ? 'Saved' : 'Created'} ${saved.name}.${calendarNote} ${next}`.trim());
      if (!editing) (setForm(EMPTY), setDays(WEEKDAYS), setIdTouched(false), setCalendarTouched(false));
      onSaved(saved, saved.numberSource, !editing);
      return saved;
    });

  const paths = [
    'id',
    'name',
    'carrier',
    'shopifyCompany',
    'trackingUrl',
    'service',
    'routeType',
    'numberSource',
    'lowDays',
    'dailyVolume',
    'active',
    'calendar',
  ];
  return (
    <form
      className="grid-form line-form"
      data-testid="line-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Field id="lf-name" label="Line name" error={err('name')}>
        <input
          {...described('lf-name', err('name'))}
          value={form.name}
          onChange={(e) => set('name', e.target.value)}
          autoComplete="off"
          maxLength={60}
          placeholder="DHL Express private line"
        />
      </Field>
      <Field
        id="lf-id"
        label="Line id"
        error={err('id')}
        hint={editing ? 'Fixed once the line exists.' : 'Lower-case letters, digits and dashes; used in order files.'}
      >
        <input
          {...described('lf-id', err('id'), true)}
          className="mono"
          value={form.id}
          disabled={!!editing}
          onChange={(e) => (setIdTouched(true), set('id', e.target.value))}
          autoComplete="off"
          maxLength={40}
        />
      </Field>
      <Field id="lf-carrier" label="Carrier" error={err('carrier')}>
        <input
          {...described('lf-carrier', err('carrier'))}
          value={form.carrier}
          onChange={(e) => set('carrier', e.target.value)}
          autoComplete="off"
          placeholder="DHL Express"
        />
      </Field>
      <Field id="lf-service" label="Service" error={err('service')}>
        <input
          {...described('lf-service', err('service'))}
          value={form.service}
          onChange={(e) => set('service', e.target.value)}
          autoComplete="off"
          placeholder="Express Worldwide"
        />
      </Field>
      <Field
        id="lf-company"
        label="Company name in Shopify"
        error={err('shopifyCompany')}
        hint="Exactly as Shopify lists the carrier, so buyers get its tracking page."
      >
        <input
          {...described('lf-company', err('shopifyCompany'), true)}
          value={form.shopifyCompany}
          onChange={(e) => set('shopifyCompany', e.target.value)}
          autoComplete="off"
        />
      </Field>
      <Field id="lf-route" label="Kind of line" error={err('routeType')}>
        <select
          {...described('lf-route', err('routeType'))}
          value={form.routeType}
          onChange={(e) => set('routeType', e.target.value as LineInput['routeType'])}
        >
          {ROUTES.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="lf-url"
        label="Tracking URL"
        error={err('trackingUrl')}
        wide
        hint="Where the buyer tracks the parcel; {number} is replaced by the tracking number."
      >
        <input
          {...described('lf-url', err('trackingUrl'), true)}
          className="mono"
          value={form.trackingUrl}
          onChange={(e) => set('trackingUrl', e.target.value)}
          autoComplete="off"
          placeholder="https://carrier.example/track?n={number}"
        />
      </Field>
      <Field id="lf-source" label="Tracking numbers from" error={err('numberSource')}>
        <select
          {...described('lf-source', err('numberSource'))}
          value={form.numberSource}
          onChange={(e) => set('numberSource', e.target.value as 'range' | 'pool')}
          data-testid="line-source"
        >
          <option value="range">a range of serials (the console adds check digits)</option>
          <option value="pool">a pool of numbers the carrier sent</option>
        </select>
      </Field>
      <Field id="lf-volume" label="Parcels a day" error={err('dailyVolume')} hint="Until there is history: for days of numbers left.">
        <input
          {...described('lf-volume', err('dailyVolume'), true)}
          inputMode="numeric"
          value={String(form.dailyVolume)}
          onChange={(e) => set('dailyVolume', Number(e.target.value))}
        />
      </Field>
      <Field id="lf-low" label="Warn when fewer days of numbers left than" error={err('lowDays')}>
        <input
          {...described('lf-low', err('lowDays'))}
          inputMode="numeric"
          value={String(form.lowDays)}
          onChange={(e) => set('lowDays', Number(e.target.value))}
        />
      </Field>
      <Field id="lf-active" label="In use">
        <label className="check">
          <input id="lf-active" type="checkbox" checked={form.active} onChange={(e) => set('active', e.target.checked)} /> orders on this line can be picked
        </label>
      </Field>
      <div className="wide">
        <div className="field-label">Carrier pickups (warehouse time)</div>
        <table className="cal-days line-days" data-testid="line-days">
          <tbody>
            {days.map((d, i) => (
              <tr key={i}>
                <td>
                  <label>
                    <input type="checkbox" checked={d.on} onChange={(e) => setDay(i, { on: e.target.checked })} aria-label={`Pickup on ${DAYS[i]}`} /> {DAYS[i]}
                  </label>
                </td>
                <td>
                  cut-off <TimeInput aria-label={`${DAYS[i]} cut-off`} value={d.cutoff} disabled={!d.on} onChange={(t) => setDay(i, { cutoff: t })} />
                </td>
                <td>
                  pickup <TimeInput aria-label={`${DAYS[i]} pickup`} value={d.pickup} disabled={!d.on} onChange={(t) => setDay(i, { pickup: t })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {issueAt(failure, 'calendar') && (
          <div className="field-error" role="alert">
            {issueAt(failure, 'calendar')}
          </div>
        )}
        <div className="muted small">Holidays, extra pickups and what-ifs: Supervisor → Calendars.</div>
      </div>
      <div className="row-actions wide">
        <button type="submit" className="primary" disabled={busy} data-testid="line-save">
          {busy ? 'Saving…' : editing ? 'Save line' : 'Create line'}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            New line instead
          </button>
        )}
        {notice && (
          <span className="ok" role="status" data-testid="line-notice">
            {notice}
          </span>
        )}
      </div>
      <div className="wide">
        <FormError failure={failure} fieldPaths={paths} testId="line-error" />
      </div>
    </form>
  );
}
