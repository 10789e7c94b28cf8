import { useState } from 'react';
import type { Input, Output } from '../../../electron/contract/channels';
import { call } from '../api/client';
import { SupportResult } from './SupportResult';
import { DiagnosisSite } from '../monitor/DiagnosisSite';
import { failureOf, type Failure } from '../ui/Field';

type Symptom = NonNullable<Input<'monitor.support'>['symptom']>;
const SYMPTOMS: Array<[Symptom | '', string]> = [
  ['', 'Work it out from the parcel'],
  ['no_number', '“I don’t have a tracking number”'],
  ['shows_nothing', '“The tracking shows nothing”'],
  ['stopped', '“The tracking stopped updating”'],
];

/** Support: type what the buyer gave you, get the parcel's gap, the failure tree walked and a reply. */
export function SupportScreen() {
  const [q, setQ] = useState('');
  const [symptom, setSymptom] = useState<Symptom | ''>('');
  const [res, setRes] = useState<Output<'monitor.support'> | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [site, setSite] = useState(false);

  const look = async (query = q, s = symptom) => {
    if (!query.trim()) return;
    setBusy(true);
    setFailure(null);
    try {
      setRes(await call('monitor.support', { query: query.trim(), ...(s ? { symptom: s } : {}) }));
    } catch (e) {
      setRes(null);
      setFailure(failureOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="support">
      <form className="filters" role="search" onSubmit={(e) => (e.preventDefault(), void look())}>
        <div className="filter-q">
          <label htmlFor="support-q">Order or tracking number</label>
          <input
            id="support-q"
            data-testid="support-search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="#1001 or LX…CN"
            autoComplete="off"
            autoFocus
            maxLength={60}
          />
        </div>
        <div>
          <label htmlFor="support-symptom">The buyer says</label>
          <select
            id="support-symptom"
            data-testid="support-symptom"
            value={symptom}
            onChange={(e) => {
              setSymptom(e.target.value as Symptom | '');
              if (res) void look(q, e.target.value as Symptom | '');
            }}
          >
            {SYMPTOMS.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          Look up
        </button>
        <button type="button" data-testid="site-toggle" aria-pressed={site} onClick={() => setSite((x) => !x)}>
          {site ? 'Back to the parcel' : 'Site view'}
        </button>
      </form>
      {failure && (
        <div className="form-error" role="alert" data-testid="support-error">
          {failure.message}
        </div>
      )}
      <div className="support-body">
        {site ? (
          <DiagnosisSite />
        ) : res ? (
          <>
            {res.waiting.map((w) => (
              <div key={w.orderName} className="card" data-testid="support-waiting">
                <h2>{w.orderName}: no tracking number yet</h2>
                <p>
                  {w.rootCause} Waiting {w.hoursWaiting} h. <b>Fix {w.fix.n}.</b> {w.fix.text}
                </p>
                <textarea className="reply" readOnly value={w.reply} rows={5} />
              </div>
            ))}
            {res.results.map((r) => (
              <SupportResult key={`${r.diagnosis.parcel.id}:${r.tree.symptom}:${r.tree.reply.length}`} r={r} />
            ))}
          </>
        ) : (
          <div className="empty">Type the order number (#1001) or the tracking number the buyer gave you, then Enter.</div>
        )}
      </div>
    </div>
  );
}
