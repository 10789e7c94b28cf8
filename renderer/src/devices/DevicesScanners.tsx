import { useEffect, useState } from 'react';
import { call, ApiFailure } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { fmtTime } from '../ui/Field';
import { useMay } from '../operators/roles';
import { RoleNote } from '../operators/OperatorsAllowed';

type Scanner = Output<'scanners.list'>[number];

const STATE_TEXT: Record<Scanner['state'], string> = {
  ready: 'Ready',
  opening: 'Opening…',
  detached: 'Unplugged',
  denied: 'Access denied',
  error: 'Error',
  off: 'Switched off',
  'not-set-up': 'Not set up',
};

/** HID and serial scanners with state, last scan, errors; the keyboard-wedge profile of this station. */
export function DevicesScanners({ station, reloadStation }: { station: Output<'station.get'> | null; reloadStation: () => void }) {
  const [list, setList] = useState<Scanner[] | null>(null);
  const [profiles, setProfiles] = useState<Output<'scanners.profiles'>>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const may = useMay();
  useEffect(() => {
    let stop = false;
    const load = () =>
      call('scanners.list', {}).then(
        (l) => !stop && setList(l),
        (e) => !stop && setFailure(String(e.message ?? e)),
      );
    void load();
    void call('scanners.profiles', {}).then(setProfiles);
    const t = setInterval(() => void load(), 2_000);
    return () => {
      stop = true;
      clearInterval(t);
    };
  }, []);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setFailure(null);
      setList(await call('scanners.list', {}));
    } catch (e) {
      setFailure(e instanceof ApiFailure ? e.message : String(e));
    }
  };
  const current = profiles.find((p) => station && JSON.stringify(p.wedge) === JSON.stringify(station.scanner));

  return (
    <section className="card" aria-labelledby="sc-h" data-testid="devices-scanners">
      <h2 id="sc-h">Scanners</h2>
      {station && (
        <div className="field">
          <label htmlFor="wedge-profile">Keyboard-wedge scanner profile (this station)</label>
          <select
            id="wedge-profile"
            disabled={!!may('station.save')}
            value={current?.id ?? ''}
            onChange={(e) => {
              const p = profiles.find((x) => x.id === e.target.value);
              if (p)
                void act(async () => (await call('station.save', { name: station.name, printerId: station.printerId, scanner: p.wedge }), reloadStation()));
            }}
          >
            {!current && <option value="">Custom settings (see Setup)</option>}
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <div className="field-hint">{current?.note ?? 'Run the self-test to check these settings.'}</div>
          <RoleNote channel="station.save" />
        </div>
      )}
      {failure && (
        <div className="form-error" role="alert">
          {failure}
        </div>
      )}
      <ul className="device-list">
        {(list ?? []).map((d) => (
          <li key={d.key} data-testid="scanner-row" data-state={d.state}>
            <div className="printer-main">
              <b>{d.name}</b>
              <span className="muted">
                {d.kind.toUpperCase()} · {d.path}
              </span>
              <span className={d.state === 'ready' ? 'ok' : d.state === 'off' || d.state === 'not-set-up' ? 'muted' : 'warn'}>{STATE_TEXT[d.state]}</span>
              <select
                aria-label={`Role of ${d.name}`}
                disabled={!!may('scanners.configure')}
                title={may('scanners.configure') ?? undefined}
                value={d.role}
                onChange={(e) => void act(() => call('scanners.configure', { key: d.key, role: e.target.value as Scanner['role'] }))}
              >
                <option value="pick">Pick station</option>
                <option value="dispatch">Dispatch</option>
                <option value="off">Off</option>
              </select>
            </div>
            <div className="muted small">
              {d.lastScan
                ? `Last scan ${d.lastScan.code}${d.lastScan.symbology ? ` (${d.lastScan.symbology})` : ''} at ${fmtTime(d.lastScan.at)} · ${d.scans} scans`
                : 'No scan yet'}
            </div>
            {d.error && <div className="bad-text">{d.error}</div>}
            {d.advice && <div className="notice small">{d.advice}</div>}
          </li>
        ))}
        {list && list.length === 0 && <li className="muted">No HID or serial scanner found. Keyboard-wedge scanners need no setup here: run the self-test.</li>}
      </ul>
    </section>
  );
}
