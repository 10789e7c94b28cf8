import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { fmtClock } from '../ui/time';
import { saveCsv } from './csv';
import { ActionButton } from './OperatorsAllowed';

type Picker = Output<'figures.day'>['operators'][number];

const hh = (h: number) => `${String(h).padStart(2, '0')}`;

/** Parcels per hour of one picker's shift: a small bar chart (recharts). */
function PerHour({ p }: { p: Picker }) {
  if (!p.perHour.length) return <div className="muted small">no picks</div>;
  return (
    <BarChart
      width={300}
      height={110}
      data={p.perHour.map((h) => ({ hour: hh(h.hour), parcels: h.parcels }))}
      margin={{ top: 6, right: 4, bottom: 0, left: -26 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#2b3440" vertical={false} />
      <XAxis dataKey="hour" stroke="#b8c4d2" tick={{ fontSize: 12 }} interval={0} />
      <YAxis stroke="#b8c4d2" tick={{ fontSize: 12 }} allowDecimals={false} />
      <Tooltip
        contentStyle={{ background: '#0b0f14', border: '1px solid #5b6b7d' }}
        formatter={(v) => [`${String(v)} parcels`, 'picked']}
        labelFormatter={(h) => `${String(h)}:00`}
      />
      <Bar dataKey="parcels" fill="#4cc38a" isAnimationActive={false} />
    </BarChart>
  );
}

/** One day per picker and per line, warehouse time. */
export function OperatorsFigures() {
  const [day, setDay] = useState('');
  const f = useChannel('figures.day', day ? { day } : {}, (t) => t === 'parcel.picked' || t === 'parcel.reprinted' || t === 'scan.refused');
  return (
    <section className="figures" aria-label="Figures per picker" data-testid="figures">
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Day <input type="date" value={day || f.data?.day || ''} onChange={(e) => setDay(e.target.value)} data-testid="figures-day" />
        </label>
        <ActionButton
          channel="figures.csv"
          type="button"
          onClick={() => void call('figures.csv', day ? { day } : {}).then((c) => saveCsv(c.filename, c.csv))}
          data-testid="figures-csv"
        >
          CSV
        </ActionButton>
      </form>
      {f.error && (
        <div className="form-error" role="alert">
          {f.error}
        </div>
      )}
      {f.data && f.data.operators.length === 0 && <div className="empty">Nobody picked, reprinted or was refused on {f.data.day}.</div>}
      <div className="figures-grid">
        {f.data?.operators.map((p) => (
          <article key={p.actor} className="card figure-card" data-testid="figure-card" data-actor={p.actor}>
            <h3>
              {p.name} <span className="figure-big">{p.picked}</span> <span className="muted small">parcels</span>
            </h3>
            <PerHour p={p} />
            <div className="small">
              {p.perHourRate !== null && <>{p.perHourRate} per hour · </>}
              {p.medianGapSec !== null && <>{Math.round(p.medianGapSec)} s between picks · </>}
              {p.firstAt && (
                <>
                  {fmtClock(p.firstAt)}–{fmtClock(p.lastAt)}
                </>
              )}
            </div>
            {(p.reprints.length > 0 || p.refusals.length > 0) && (
              <ul className="figure-reasons small">
                {p.reprints.map((r) => (
                  <li key={`rp-${r.reason}`}>
                    Reprint ×{r.count}: {r.reason}
                  </li>
                ))}
                {p.refusals.map((r) => (
                  <li key={`rf-${r.reason}`} className="warn">
                    Refused ×{r.count}: {r.reason}
                  </li>
                ))}
              </ul>
            )}
          </article>
        ))}
      </div>
      {f.data && f.data.lines.length > 0 && (
        <table className="audit-table figures-lines" data-testid="figures-lines">
          <thead>
            <tr>
              <th>Line</th>
              <th className="num">Picked</th>
              <th className="num">Reprints</th>
              <th>By operator</th>
            </tr>
          </thead>
          <tbody>
            {f.data.lines.map((l) => (
              <tr key={l.lineId}>
                <td>{l.lineName}</td>
                <td className="num">{l.picked}</td>
                <td className="num">{l.reprints}</td>
                <td>{l.byOperator.map((o) => `${o.name} ${o.picked}`).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
