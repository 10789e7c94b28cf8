import { useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { FormError, useAction } from '../ui/Field';
import type { Output } from '../../../electron/contract/channels';
import { ActionButton } from '../operators/OperatorsAllowed';

type Status = Output<'desktop.status'>;
type Settings = Status['settings'];

const TOGGLES: Array<[keyof Settings, string]> = [
  ['kiosk', 'Kiosk: the console fills the screen, no other window can be reached'],
  ['fullscreen', 'Full screen'],
  ['startAtLogin', 'Start Firstscan when this PC’s user logs in'],
];

/** The desktop station on this PC: kiosk, full screen, start at login, the update waiting, diagnostics. */
export function DevicesDesktop() {
  const status = useChannel('desktop.status', {}, (t) => t === 'station.configured');
  const save = useAction();
  const diag = useAction();
  const [diagMsg, setDiagMsg] = useState<string | null>(null);
  const s = status.data;
  if (!s)
    return (
      <section className="card" data-testid="devices-desktop">
        <h2>This PC</h2>
        {status.error ? <p className="warn">{status.error}</p> : <p className="muted">Loading…</p>}
      </section>
    );
  const desktop = s.shell === 'electron';
  const change = (k: keyof Settings, on: boolean) => void save.run(() => call('desktop.settings', { ...s.settings, [k]: on })).then(() => status.reload());
  return (
    <section className="card" aria-labelledby="dd-h" data-testid="devices-desktop">
      <h2 id="dd-h">This PC</h2>
      {!desktop && <p className="muted">This console runs in a browser: these settings take effect in the desktop app on this data folder.</p>}
      <div className="rule-toggles">
        {TOGGLES.map(([k, label]) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={s.settings[k]}
              disabled={save.busy || (k === 'fullscreen' && s.settings.kiosk)}
              onChange={(e) => change(k, e.target.checked)}
              data-testid={`desktop-${k}`}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      <FormError failure={save.failure} />
      <p data-testid="desktop-update">
        <strong>Updates:</strong> {s.update.message}
      </p>
      <p className="muted" data-testid="desktop-where">
        Data: <span className="mono">{s.dataDir}</span>
        {s.logFile ? (
          <>
            {' · '}Log: <span className="mono">{s.logFile}</span>
          </>
        ) : null}
      </p>
      <ActionButton
        channel="desktop.diagnostics"
        type="button"
        disabled={diag.busy}
        data-testid="desktop-diagnostics"
        onClick={() => void diag.run(() => call('desktop.diagnostics', {})).then((r) => r && setDiagMsg(r.message))}
      >
        Open diagnostics (supervisor)
      </ActionButton>
      {diagMsg && <p role="status">{diagMsg}</p>}
      <FormError failure={diag.failure} />
    </section>
  );
}

/** For the Setup screen: where this station's Shopify tokens and site password are kept. */
export function SecretsWhere() {
  const status = useChannel('desktop.status', {}, () => false);
  const s = status.data;
  if (!s) return null;
  const os = s.secrets.kind === 'os-keystore';
  return (
    <section className="card" aria-labelledby="sw-h" data-testid="setup-secrets" data-kind={s.secrets.kind}>
      <h2 id="sw-h">Shopify tokens and site password</h2>
      <p>
        {os
          ? 'Protected by this PC’s operating system keystore.'
          : 'Protected by a key file: there is no OS keystore here (browser mode, or no keyring on this PC). The desktop app uses the OS keystore where it has one.'}
      </p>
      <p className="muted">{s.secrets.where}</p>
    </section>
  );
}
