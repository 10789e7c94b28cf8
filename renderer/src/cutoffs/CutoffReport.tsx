import { useState } from 'react';
import type { Output } from '../../../electron/contract/channels';
import { CutoffChart } from './CutoffChart';

type Report = NonNullable<Output<'cutoffs.preview'>['report']>;
const d = (x: number | null) => (x === null ? '–' : x.toFixed(1));
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)}`;

/** Before/after of a replay: chart, medians, tickets; the metric is explained in one line. */
export function CutoffReport({ report }: { report: Report }) {
  const [basis, setBasis] = useState<'earliest' | 'latest'>('earliest');
  const r = report[basis];
  const perWeek = (t: number) => t / report.weeks;
  const ticketChange = perWeek(r.ticketsAfter) - perWeek(r.ticketsBefore);
  return (
    <div className="cutoff-report" data-testid="whatif-report" data-source={report.source}>
      <div className={`report-source${report.source === 'demo history' ? ' demo' : ''}`} data-testid="whatif-source">
        {report.note}
      </div>
      <div className="basis" role="radiogroup" aria-label="Window end">
        {(['earliest', 'latest'] as const).map((b) => (
          <button
            key={b}
            role="radio"
            aria-checked={basis === b}
            className={basis === b ? 'small-btn active' : 'small-btn'}
            onClick={() => setBasis(b)}
            data-testid={`basis-${b}`}
          >
            {b === 'earliest' ? 'Best-case first scan' : 'Worst-case first scan'}
          </button>
        ))}
      </div>
      <p className="metric" data-testid="whatif-metric">
        {report.metric}
      </p>
      <CutoffChart bins={r.histogram} title={`Silence window, ${basis === 'earliest' ? 'best' : 'worst'} case, before and after`} />
      <table className="report-table">
        <thead>
          <tr>
            <th />
            <th>median</th>
            <th>p90</th>
            <th>mean</th>
            <th>tickets / week</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>before</th>
            <td>{d(r.before.medianDays)} d</td>
            <td>{d(r.before.p90Days)} d</td>
            <td>{d(r.before.meanDays)} d</td>
            <td data-testid="tickets-before">{perWeek(r.ticketsBefore).toFixed(1)}</td>
          </tr>
          <tr>
            <th>after</th>
            <td data-testid="median-after">{d(r.after.medianDays)} d</td>
            <td>{d(r.after.p90Days)} d</td>
            <td data-testid="mean-after">{d(r.after.meanDays)} d</td>
            <td data-testid="tickets-after">
              {perWeek(r.ticketsAfter).toFixed(1)}{' '}
              <span className={ticketChange < 0 ? 'ok' : ticketChange > 0 ? 'warn' : 'muted'}>({signed(ticketChange)})</span>
            </td>
          </tr>
        </tbody>
      </table>
      <div className="muted small" data-testid="whatif-changed">
        {r.changed.toLocaleString()} of {report.picks.toLocaleString()} parcels would ride a different pickup. Median by weekday of the pick:{' '}
        {r.weekdays.map((w) => `${w.day} ${d(w.before)}→${d(w.after)}`).join(' · ')}
      </div>
    </div>
  );
}
