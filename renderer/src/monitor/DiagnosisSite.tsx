import { useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { FormError, useAction } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';
import { startsWith } from '../ui/event-family';

const GAP_WORDS: Record<string, string> = {
  issued: '1 Issued late',
  shopify: '2 Shopify late',
  handover: 'Handover late',
  first_scan: '3 First scan late',
  reported: '4 Reported late',
  notification: '5 Buyer silent',
};
const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The site view: share of parcels in each gap per line and weekday, and Table 4's cost estimate. */
export function DiagnosisSite() {
  const [days, setDays] = useState(30);
  const [rate, setRate] = useState<string>('');
  const hourlyRate = rate === '' || Number.isNaN(Number(rate)) ? undefined : Number(rate);
  const v = useChannel(
    'monitor.site',
    { days, ...(hourlyRate !== undefined ? { hourlyRate } : {}) },
    (t) => startsWith(t, 'monitor.') || startsWith(t, 'parcel.'),
  );
  const save = useAction();
  const d = v.data;
  return (
    <div className="site-view" data-testid="site-view">
      <div className="row-actions">
        <label htmlFor="site-days">Parcels picked in the last</label>
        <select id="site-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[7, 14, 30, 60, 90].map((n) => (
            <option key={n} value={n}>
              {n} days
            </option>
          ))}
        </select>
        {d && <span className="muted">{d.parcels.toLocaleString()} parcels</span>}
      </div>
      {v.error && <div className="form-error">{v.error}</div>}
      {d && (
        <div className="site-grid">
          <table className="shares" data-testid="site-lines">
            <thead>
              <tr>
                <th>Line</th>
                <th className="num">Parcels</th>
                {d.gaps.map((g) => (
                  <th key={g} className="num">
                    {GAP_WORDS[g]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l) => (
                <tr key={l.lineId}>
                  <td>{l.lineName}</td>
                  <td className="num">{l.parcels}</td>
                  {d.gaps.map((g) => (
                    <td key={g} className={`num${l.shares[g] >= 0.2 ? ' warn' : ''}`}>
                      {pct(l.shares[g])}
                    </td>
                  ))}
                </tr>
              ))}
              {d.weekdays
                .filter((w) => w.parcels)
                .map((w) => (
                  <tr key={w.day} className="weekday">
                    <td>picked on {w.day}</td>
                    <td className="num">{w.parcels}</td>
                    {d.gaps.map((g) => (
                      <td key={g} className={`num${w.shares[g] >= 0.2 ? ' warn' : ''}`}>
                        {pct(w.shares[g])}
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
          <div className="card cost" data-testid="site-cost">
            <h2>Cost of tracking tickets (Table 4)</h2>
            <div className="cost-big">
              <b data-testid="monthly-cost">${d.estimate.monthlyCost.toLocaleString()}</b> / month
            </div>
            <div>
              {d.estimate.ordersPerDay} orders/day → {d.estimate.ticketsPerDay} tickets/day → {d.estimate.minutesPerDay} CS minutes/day
            </div>
            <div className="muted small">Dispute risk: {d.estimate.risk}</div>
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (hourlyRate !== undefined) void save.run(() => call('monitor.costs.save', { ...d.costs, hourlyRate })).then(() => setRate(''));
              }}
            >
              <div className="field">
                <label htmlFor="hourly-rate">Support hourly rate ($)</label>
                <input
                  id="hourly-rate"
                  data-testid="hourly-rate"
                  inputMode="decimal"
                  value={rate === '' ? String(d.costs.hourlyRate) : rate}
                  onChange={(e) => setRate(e.target.value)}
                />
              </div>
              <ActionButton channel="monitor.costs.save" type="submit" disabled={save.busy || hourlyRate === undefined}>
                Save rate
              </ActionButton>
            </form>
            <FormError failure={save.failure} />
            <div className="muted small">
              Ticket rates: {d.perLineCost.map((l) => `${l.lineName} ${Math.round(l.ticketRate * 1000) / 10} %`).join(' · ')}; {d.costs.minutesPerTicket} min
              per ticket. Article: {d.table4.map((r) => `${r.ordersPerDay}/day ${r.monthly}`).join(', ')} at $15/h.
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
