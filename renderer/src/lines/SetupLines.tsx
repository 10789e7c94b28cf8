import { useRef, useState } from 'react';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { Field, FormError, described, issueAt, useAction, words } from '../ui/Field';
import { SetupLineForm } from './SetupLineForm';

type Lines = Output<'lines.list'>;
type Line = Lines[number];
type PoolResult = Output<'pool.import'>;

type Format = 's10' | 'ups1z' | 'fedex12' | 'impb' | 'dhl10';
type ParamField = { key: string; label: string; hint: string; optional?: boolean; upper?: boolean; max: number };
const FORMATS: Record<Format, { label: string; fields: ParamField[] }> = {
  s10: {
    label: 'UPU S10 (postal)',
    fields: [
      { key: 'serviceIndicator', label: 'Service indicator', hint: '2 letters, e.g. RR', upper: true, max: 2 },
      { key: 'country', label: 'Country', hint: '2 letters, e.g. GB', upper: true, max: 2 },
    ],
  },
  ups1z: {
    label: 'UPS 1Z',
    fields: [
      { key: 'shipper', label: 'Shipper number', hint: '6 letters or digits', upper: true, max: 6 },
      { key: 'service', label: 'Service code', hint: '2 letters or digits', upper: true, max: 2 },
    ],
  },
  fedex12: { label: 'FedEx 12-digit', fields: [{ key: 'prefix', label: 'Prefix', hint: 'Digits, optional', optional: true, max: 10 }] },
  impb: { label: 'USPS IMpb', fields: [{ key: 'prefix', label: 'Prefix', hint: 'Starts with 92, 93, 94 or 95', max: 20 }] },
  dhl10: { label: 'DHL Express 10-digit', fields: [{ key: 'prefix', label: 'Prefix', hint: 'Digits, optional', optional: true, max: 8 }] },
};

/** "less than a day", "~1 day", "~12 days". */
const daysText = (d: number) => (d < 1 ? 'less than a day' : `~${Math.floor(d)} day${Math.floor(d) === 1 ? '' : 's'}`);

const int = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim()));

function paramsText(params: Record<string, unknown>): string {
  const { format, ...rest } = params;
  const extra = Object.entries(rest)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(' · ');
  return `${String(format ?? '?')}${extra ? ` · ${extra}` : ''}`;
}

function LowBadge({ line }: { line: Line }) {
  if (!line.low && line.remaining > 0) return null;
  const days = line.daysLeft === null ? '' : `, ${daysText(line.daysLeft)}`;
  return (
    <span className={`low-badge ${line.remaining === 0 ? 'out' : 'low'}`} data-testid="line-low" role="status">
      LOW: {line.remaining.toLocaleString()} left{days}
    </span>
  );
}

function AddRange({
  lines,
  lineId,
  setLineId,
  onDone,
  innerRef,
}: {
  lines: Lines;
  lineId: string;
  setLineId: (id: string) => void;
  onDone: () => void;
  innerRef: React.Ref<HTMLSelectElement>;
}) {
  const [format, setFormat] = useState<Format>('s10');
  const [vals, setVals] = useState<Record<string, string>>({});
  const [first, setFirst] = useState('');
  const [last, setLast] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, failure, run } = useAction();
  const err = (p: string) => issueAt(failure, p);
  const spec = FORMATS[format];

  return (
    <form
      className="grid-form"
      data-testid="range-form"
      onSubmit={(e) => {
        e.preventDefault();
        const params: Record<string, unknown> = { format };
        for (const f of spec.fields) {
          const v = (vals[`${format}.${f.key}`] ?? '').trim();
          if (v || !f.optional) params[f.key] = v;
        }
        void run(() => call('ranges.add', { lineId, params, first: int(first), last: int(last) })).then((r) => {
          if (!r) return;
          setSaved(`Added ${first}–${last} to ${r.name}: ${r.remaining.toLocaleString()} numbers left.`);
          setFirst('');
          setLast('');
          onDone();
        });
      }}
    >
      <Field id="rg-line" label="Line" error={err('lineId')}>
        <select ref={innerRef} {...described('rg-line', err('lineId'))} value={lineId} onChange={(e) => (setLineId(e.target.value), setSaved(null))}>
          <option value="">Choose a line…</option>
          {lines.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="rg-format" label="Number format" error={err('params.format')}>
        <select
          {...described('rg-format', err('params.format'))}
          value={format}
          onChange={(e) => (setFormat(e.target.value as Format), setSaved(null))}
          data-testid="range-format"
        >
          {(Object.keys(FORMATS) as Format[]).map((f) => (
            <option key={f} value={f}>
              {FORMATS[f].label}
            </option>
          ))}
        </select>
      </Field>
      {spec.fields.map((f) => {
        const id = `rg-${f.key}`;
        const e = err(`params.${f.key}`);
        return (
          <Field key={`${format}.${f.key}`} id={id} label={f.label} error={e} hint={f.hint}>
            <input
              {...described(id, e, true)}
              className="mono"
              value={vals[`${format}.${f.key}`] ?? ''}
              onChange={(ev) => (setVals((v) => ({ ...v, [`${format}.${f.key}`]: f.upper ? ev.target.value.toUpperCase() : ev.target.value })), setSaved(null))}
              maxLength={f.max}
              autoComplete="off"
            />
          </Field>
        );
      })}
      <Field id="rg-first" label="First serial" error={err('first')}>
        <input
          {...described('rg-first', err('first'))}
          className="mono"
          inputMode="numeric"
          value={first}
          onChange={(e) => (setFirst(e.target.value), setSaved(null))}
          autoComplete="off"
        />
      </Field>
      <Field id="rg-last" label="Last serial" error={err('last')}>
        <input
          {...described('rg-last', err('last'))}
          className="mono"
          inputMode="numeric"
          value={last}
          onChange={(e) => (setLast(e.target.value), setSaved(null))}
          autoComplete="off"
        />
      </Field>
      <div className="row-actions wide">
        <button type="submit" className="primary" disabled={busy} data-testid="range-save">
          {busy ? 'Adding…' : 'Add range'}
        </button>
        {saved && (
          <span className="ok" role="status">
            {saved}
          </span>
        )}
      </div>
      <div className="wide">
        <FormError failure={failure} fieldPaths={['lineId', 'params', 'first', 'last']} testId="range-error" />
      </div>
    </form>
  );
}

function ImportPool({
  lines,
  lineId,
  setLineId,
  onDone,
  innerRef,
}: {
  lines: Lines;
  lineId: string;
  setLineId: (id: string) => void;
  onDone: () => void;
  innerRef: React.Ref<HTMLSelectElement>;
}) {
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [result, setResult] = useState<PoolResult | null>(null);
  const { busy, failure, setFailure, run } = useAction();
  const err = (p: string) => issueAt(failure, p);
  return (
    <form
      className="grid-form"
      data-testid="pool-form"
      onSubmit={(e) => {
        e.preventDefault();
        setResult(null);
        void run(() => call('pool.import', { lineId, csv: file ? file.text : csv })).then((r) => {
          if (!r) return;
          setResult(r);
          if (r.imported) {
            setCsv('');
            setFile(null);
          }
          onDone();
        });
      }}
    >
      <Field id="pl-line" label="Line" error={err('lineId')}>
        <select ref={innerRef} {...described('pl-line', err('lineId'))} value={lineId} onChange={(e) => setLineId(e.target.value)}>
          <option value="">Choose a line…</option>
          {lines.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="pl-file"
        label="…or a CSV file"
        hint={file ? `${file.name}: ${file.text.split(/\r?\n/).filter(Boolean).length.toLocaleString()} lines` : 'First column is the number'}
      >
        <input
          id="pl-file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (!f) return setFile(null);
            void f.text().then(
              (text) => setFile({ name: f.name, text }),
              () => setFailure({ message: `Could not read ${f.name}. Save it as plain CSV and choose it again.`, issues: [] }),
            );
          }}
        />
      </Field>
      <Field id="pl-csv" label="Tracking numbers, one per line" error={err('csv')} wide>
        <textarea
          {...described('pl-csv', err('csv'))}
          className="mono"
          rows={4}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
          disabled={!!file}
          placeholder={file ? `Using ${file.name}` : 'RR123456785GB'}
          data-testid="pool-csv"
        />
      </Field>
      <div className="row-actions wide">
        <button type="submit" className="primary" disabled={busy} data-testid="pool-save">
          {busy ? 'Importing…' : 'Import numbers'}
        </button>
        {file && (
          <button type="button" onClick={() => setFile(null)}>
            Don’t use {file.name}
          </button>
        )}
      </div>
      <div className="wide">
        <FormError failure={failure} fieldPaths={['lineId', 'csv']} testId="pool-error" />
      </div>
      {result && (
        <div className="wide pool-result" data-testid="pool-result" role="status">
          <div className={result.imported ? 'ok' : 'warn'}>
            <b data-testid="pool-imported">{result.imported.toLocaleString()}</b> imported
            {result.rejected.length > 0 && (
              <>
                , <b className="bad-text">{result.rejected.length.toLocaleString()}</b> rejected: fix them in the file and import it again.
              </>
            )}
          </div>
          {result.rejected.length > 0 && (
            <div className="rejected" data-testid="pool-rejected">
              <table>
                <thead>
                  <tr>
                    <th>Line</th>
                    <th>Value</th>
                    <th>Why</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejected.slice(0, 300).map((r, n) => (
                    <tr key={n}>
                      <td>{r.line || '–'}</td>
                      <td className="mono">{r.value}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {result.rejected.length > 300 && <div className="muted">…and {(result.rejected.length - 300).toLocaleString()} more.</div>}
            </div>
          )}
        </div>
      )}
    </form>
  );
}

/** Carrier lines with their numbers left and ranges; add a range; import a pool. */
export function SetupLines({ lines, error, reload }: { lines: Lines | null; error: string | null; reload: () => void }) {
  const [rangeLine, setRangeLine] = useState('');
  const [poolLine, setPoolLine] = useState('');
  const [editing, setEditing] = useState<Line | null>(null);
  const formRef = useRef<HTMLHeadingElement>(null);
  const rangeRef = useRef<HTMLSelectElement>(null);
  const poolRef = useRef<HTMLSelectElement>(null);
  const all = lines ?? [];
  const jump = (ref: React.RefObject<HTMLSelectElement | null>) =>
    setTimeout(() => {
      ref.current?.scrollIntoView({ block: 'center' });
      ref.current?.focus();
    }, 0);

  return (
    <section className="card" aria-labelledby="ln-h" data-testid="setup-lines">
      <h2 id="ln-h">Carrier lines and tracking numbers</h2>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {!lines && !error && <div className="muted">Loading…</div>}
      <ul className="line-list">
        {all.map((l) => (
          <li
            key={l.id}
            className={`line-row${l.low ? ' is-low' : ''}${l.remaining === 0 ? ' is-out' : ''}${l.active ? '' : ' inactive'}`}
            data-testid="line-row"
            data-id={l.id}
          >
            <div className="line-head">
              <div className="line-name">
                <b>{l.name}</b>
                {!l.active && <span className="pill">inactive</span>}
                <div className="muted line-sub">
                  {l.carrier} · Shopify: “{l.shopifyCompany}” · {words(l.routeType)} · numbers from {l.numberSource}
                </div>
              </div>
              <div className="line-left">
                <div className="line-remaining" data-testid="line-remaining" data-value={l.remaining}>
                  {l.remaining.toLocaleString()}
                </div>
                <div className="muted">left{l.daysLeft !== null ? ` · ${daysText(l.daysLeft)}` : ''}</div>
              </div>
            </div>
            <LowBadge line={l} />
            {l.ranges.length > 0 && (
              <table className="ranges">
                <thead>
                  <tr>
                    <th>Range</th>
                    <th>First</th>
                    <th>Last</th>
                    <th>Next</th>
                    <th>Left</th>
                  </tr>
                </thead>
                <tbody>
                  {l.ranges.map((r) => (
                    <tr key={r.id} className={r.remaining === 0 ? 'muted' : ''}>
                      <td>{paramsText(r.params)}</td>
                      <td className="mono">{r.first}</td>
                      <td className="mono">{r.last}</td>
                      <td className="mono">{r.next}</td>
                      <td className="num">{r.remaining.toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="row-actions">
              <button
                className="small-btn"
                data-testid="line-edit"
                onClick={() => (setEditing(l), setTimeout(() => formRef.current?.scrollIntoView({ block: 'start' }), 0))}
              >
                Edit line…
              </button>
              {l.numberSource === 'range' && (
                <button className="small-btn" onClick={() => (setRangeLine(l.id), jump(rangeRef))}>
                  Add range…
                </button>
              )}
              <button className="small-btn" onClick={() => (setPoolLine(l.id), jump(poolRef))}>
                Import pool…
              </button>
            </div>
          </li>
        ))}
        {lines && all.length === 0 && <li className="muted">No carrier lines yet.</li>}
      </ul>

      <h3 ref={formRef} id="line-form-h">
        {editing ? `Edit ${editing.name}` : 'New carrier line'}
      </h3>
      <SetupLineForm
        editing={editing}
        existing={all.map((l) => l.id)}
        onCancel={() => setEditing(null)}
        onSaved={(line, source) => {
          reload();
          setEditing(null);
          if (source === 'pool') (setPoolLine(line.id), jump(poolRef));
          else if (line.ranges.length === 0) (setRangeLine(line.id), jump(rangeRef));
        }}
      />

      <h3>Add a number range</h3>
      <p className="muted">The block of serials the carrier gave you. The check digit is added by the console.</p>
      <AddRange lines={all} lineId={rangeLine} setLineId={setRangeLine} onDone={reload} innerRef={rangeRef} />

      <h3>Import a pool of numbers</h3>
      <p className="muted">Pre-allocated tracking numbers, one per line or in the first CSV column.</p>
      <ImportPool lines={all} lineId={poolLine} setLineId={setPoolLine} onDone={reload} innerRef={poolRef} />
    </section>
  );
}
