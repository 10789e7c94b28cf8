import { useState } from 'react';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { FormError, useAction } from '../ui/Field';
import { CutoffReport } from './CutoffReport';
import { startsWith } from '../ui/event-family';

type Report = Output<'cutoffs.whatif'>;

/** The Thursday shift is a postal-line rule (see electron/capabilities/cutoffs/told.ts): express and domestic carriers scan a Friday pickup that evening. */
const shiftable = (routeType: string) => routeType === 'postal' || routeType === 'private';

export function CutoffWhatIf({ lines: all }: { lines: Array<{ id: string; name: string; routeType: string }> }) {
  const lines = all.filter((l) => shiftable(l.routeType));
  const [lineId, setLineId] = useState(lines.find((l) => l.routeType === 'postal')?.id ?? lines[0]?.id ?? '');
  const [weeks, setWeeks] = useState(8);
  const [report, setReport] = useState<Report | null>(null);
  const act = useAction();
  const run = () => void act.run(() => call('cutoffs.whatif', { lineId, rule: 'thursday-shift', weeks })).then((r) => r && setReport(r));
  return (
    <div className="cutoff-whatif">
      <section className="card">
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            run();
          }}
        >
          <label>
            Line{' '}
            <select value={lineId} onChange={(e) => (setLineId(e.target.value), setReport(null))} data-testid="whatif-line">
              {lines.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Rule{' '}
            <select value="thursday-shift" onChange={() => undefined} data-testid="whatif-rule">
              <option value="thursday-shift">Thursday shift</option>
            </select>
          </label>
          <label>
            Last <input type="number" min={1} max={26} value={weeks} onChange={(e) => setWeeks(Number(e.target.value))} className="weeks" /> weeks
          </label>
          <button type="submit" className="primary" disabled={act.busy} data-testid="whatif-run">
            {act.busy ? 'Replaying…' : 'Replay'}
          </button>
        </form>
        {all.length > lines.length && (
          <p className="muted small" data-testid="whatif-postal-only">
            Postal lines only:{' '}
            {all
              .filter((l) => !shiftable(l.routeType))
              .map((l) => l.name)
              .join(', ')}{' '}
            scan{all.length - lines.length === 1 ? 's' : ''} a Friday pickup the same evening, so holding Friday and Saturday parcels to Monday would only add
            silence.
          </p>
        )}
        <FormError failure={act.failure} />
        {report ? <CutoffReport report={report} /> : <p className="muted">Replays the line’s picks without and with the rule. Nothing is saved.</p>}
      </section>
      <CutoffMatrix weeks={weeks} />
    </div>
  );
}

/** Line x weekday of the median silence window: the Friday column at a glance. */
export function CutoffMatrix({ weeks }: { weeks: number }) {
  const [basis, setBasis] = useState<'earliest' | 'latest'>('earliest');
  const { data, error } = useChannel('cutoffs.matrix', { weeks, basis }, (t) => startsWith(t, 'cutoffs.'));
  const max = Math.max(1, ...(data?.rows.flatMap((r) => r.cells.map((c) => c.medianDays ?? 0)) ?? [1]));
  return (
    <section className="card cutoff-matrix" data-testid="silence-matrix">
      <h2>
        Median silence (days) by weekday of the pick{' '}
        <select value={basis} onChange={(e) => setBasis(e.target.value as 'earliest' | 'latest')} aria-label="Window end">
          <option value="earliest">best-case first scan</option>
          <option value="latest">worst-case first scan</option>
        </select>
      </h2>
      {error && <div className="form-error">{error}</div>}
      <table>
        <thead>
          <tr>
            <th>Line</th>
            {data?.rows[0]?.cells.map((c) => (
              <th key={c.day}>{c.day}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data?.rows.map((r) => (
            <tr key={r.lineId} data-line={r.lineId}>
              <th>
                {r.lineName}
                {r.rules.length ? <span className="muted small"> (Thursday shift)</span> : null}
                {r.source === 'demo history' && <span className="muted small"> · demo history</span>}
              </th>
              {r.cells.map((c) => (
                <td
                  key={c.day}
                  data-day={c.day}
                  style={{ background: c.medianDays === null ? undefined : `rgba(242, 183, 5, ${(0.08 + 0.6 * (c.medianDays / max)).toFixed(2)})` }}
                >
                  {c.medianDays === null ? '–' : c.medianDays.toFixed(1)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
