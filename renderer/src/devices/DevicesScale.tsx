import { useEffect, useState } from 'react';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { described, Field, FormError, issueAt, useAction } from '../ui/Field';

type Settings = Output<'pack.scaleSettings'>;
type Protocol = Settings['protocols'][number]['id'];

const weightText = (r: NonNullable<Output<'pack.scale'>['reading']>) =>
  r.unit === 'g' || r.unit === 'kg' ? `${(r.grams / 1000).toFixed(3)} kg` : `${r.shown} ${r.unit} (${(r.grams / 1000).toFixed(3)} kg)`;
const STATUS: Record<string, string> = {
  stable: 'stable',
  motion: 'moving: wait for it to settle',
  zero: 'zero: nothing on the scale',
  under: 'below zero: press Zero with the scale empty',
  over: 'overload: take the parcel off',
  fault: 'the scale reports a fault',
};

/**
 * The station's scale: what is connected with its live weight, and the serial scale's set-up (port,
 * baud, protocol of the decoders the console has). A port that does not open is refused and says
 * what to check.
 */
export function DevicesScale() {
  // The live weight is no event: any event is a moment to read it again (the Devices screen is not a floor list).
  const scale = useChannel('pack.scale', {}, () => true);
  const settings = useChannel('pack.scaleSettings', {}, (t) => t === 'station.configured');
  const { busy, failure, run } = useAction();
  const [form, setForm] = useState<{ path: string; baudRate: number; protocol: Protocol } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reload = scale.reload;
  // The weight moves without events: read it twice a second.
  useEffect(() => {
    const t = setInterval(() => void reload(), 500);
    return () => clearInterval(t);
  }, [reload]);
  const s = settings.data;
  const saved = s?.serial ?? null;
  const f = form ?? { path: saved?.path ?? s?.ports[0]?.path ?? '', baudRate: saved?.baudRate ?? 9600, protocol: saved?.protocol ?? 'st-gs' };
  const set = (patch: Partial<typeof f>) => (setForm({ ...f, ...patch }), setDone(null));
  const st = scale.data;
  const pathError = issueAt(failure, 'serial.path');

  return (
    <section className="card" aria-labelledby="scale-h" data-testid="devices-scale">
      <h2 id="scale-h">Scale</h2>
      <div className="scale-live" data-testid="scale-live" data-status={st?.reading?.status ?? 'none'}>
        {st?.connected ? (
          <>
            <div className="scale-weight">{st.reading ? weightText(st.reading) : '—'}</div>
            <div>
              {st.reading ? STATUS[st.reading.status] : 'waiting for a reading'} · {st.connected.name}
            </div>
          </>
        ) : (
          <div className="muted">No scale connected{saved ? '' : ': plug a USB scale in, or set up a serial scale below'}.</div>
        )}
        {st?.problem && (
          <div className="warn" role="alert" data-testid="scale-problem">
            {st.problem}
          </div>
        )}
      </div>
      {st?.connected && (
        <div className="row-actions">
          <button onClick={() => void run(async () => setDone((await call('pack.scaleZero', { tare: false })).message))}>Zero</button>
          <button onClick={() => void run(async () => setDone((await call('pack.scaleZero', { tare: true })).message))}>Tare</button>
        </div>
      )}
      <h3>Serial scale</h3>
      {s && !s.serialAvailable ? (
        <p className="muted">This console cannot reach serial ports: use a USB scale, or the console on the PC the scale is plugged into.</p>
      ) : (
        <form
          className="scale-form"
          data-testid="scale-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const r = await call('pack.scaleSave', { serial: { path: f.path.trim(), baudRate: f.baudRate, protocol: f.protocol } });
              setDone(r.message);
              setForm(null);
              void reload();
            });
          }}
        >
          <Field id="scale-port" label="Port" error={pathError} hint="COM3 on Windows, /dev/ttyUSB0 on Linux.">
            <input {...described('scale-port', pathError, true)} list="scale-ports" value={f.path} onChange={(e) => set({ path: e.target.value })} />
            <datalist id="scale-ports">
              {(s?.ports ?? []).map((p) => (
                <option key={p.path} value={p.path}>
                  {p.manufacturer ?? ''}
                </option>
              ))}
            </datalist>
          </Field>
          <Field id="scale-baud" label="Baud" hint="As set on the scale (9600 is common).">
            <select id="scale-baud" value={f.baudRate} onChange={(e) => set({ baudRate: Number(e.target.value) })}>
              {(s?.baudRates ?? [9600]).map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </Field>
          <Field id="scale-protocol" label="Protocol" wide>
            <select id="scale-protocol" value={f.protocol} onChange={(e) => set({ protocol: e.target.value as Protocol })}>
              {(s?.protocols ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </Field>
          <div className="row-actions">
            <button type="submit" className="primary" disabled={busy || !f.path.trim()} data-testid="scale-save">
              {busy ? 'Opening…' : 'Save and open'}
            </button>
            {saved && (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    setDone((await call('pack.scaleSave', { serial: null })).message);
                    setForm(null);
                  })
                }
              >
                Remove serial scale
              </button>
            )}
          </div>
        </form>
      )}
      <FormError failure={failure} fieldPaths={['serial.path']} testId="scale-error" />
      {done && (
        <div className="ok-text" data-testid="scale-done">
          {done}
        </div>
      )}
    </section>
  );
}
