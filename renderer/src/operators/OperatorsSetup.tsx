import { useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { FormError, useAction } from '../ui/Field';
import { ROLE_WORDS, useMay, useOperator, type Role } from './roles';
import { consoleNow, fmtWhen } from '../ui/time';
import { ActionButton, RoleNote } from './OperatorsAllowed';
import { startsWith } from '../ui/event-family';

const ROLES: Role[] = ['picker', 'dispatch', 'supervisor', 'admin'];

/** The badge sheet PDF (made behind the API) as a link the browser or the desktop app opens and prints. */
function pdfLink(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

function AddOperator({ onDone }: { onDone: () => void }) {
  const [f, setF] = useState({ id: '', name: '', role: 'picker' as Role, pin: '' });
  const { busy, failure, run } = useAction();
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => call('operators.create', { id: f.id, name: f.name, role: f.role, pin: f.pin || null })).then(
          (r) => r && (setF({ id: '', name: '', role: 'picker', pin: '' }), onDone()),
        );
      }}
      data-testid="operator-add"
    >
      <input aria-label="Operator id" placeholder="id (e.g. maria)" value={f.id} onChange={(e) => setF({ ...f, id: e.target.value })} />
      <input aria-label="Name" placeholder="Name" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} />
      <select aria-label="Role" value={f.role} onChange={(e) => setF({ ...f, role: e.target.value as Role })}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_WORDS[r]}
          </option>
        ))}
      </select>
      <input
        aria-label="PIN"
        placeholder="PIN (supervisor, admin)"
        type="password"
        inputMode="numeric"
        value={f.pin}
        onChange={(e) => setF({ ...f, pin: e.target.value })}
      />
      <button type="submit" className="primary" disabled={busy}>
        Add
      </button>
      <FormError failure={failure} fieldPaths={[]} />
    </form>
  );
}

function Tokens() {
  const tokens = useChannel('tokens.list', {}, (t) => startsWith(t, 'token.'));
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('dispatch');
  const [made, setMade] = useState<string | null>(null);
  const { failure, run } = useAction();
  return (
    <div data-testid="tokens">
      <h3>API tokens (integrators)</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => call('tokens.create', { name, role })).then((t) => t && (setMade(t.token), setName('')));
        }}
      >
        <input aria-label="Integrator" placeholder="integrator, e.g. WMS bridge" value={name} onChange={(e) => setName(e.target.value)} />
        <select aria-label="Token role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_WORDS[r]}
            </option>
          ))}
        </select>
        <button type="submit">Make token</button>
      </form>
      <FormError failure={failure} fieldPaths={[]} />
      {made && (
        <div className="notice" role="status">
          Copy it now, it is not shown again: <code className="mono">{made}</code>
        </div>
      )}
      <table className="audit-table">
        <tbody>
          {tokens.data?.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{ROLE_WORDS[t.role]}</td>
              <td className="muted">
                made {fmtWhen(t.createdAt)} by {t.createdBy}
              </td>
              <td>
                {t.revokedAt ? (
                  <span className="muted">revoked {fmtWhen(t.revokedAt)}</span>
                ) : (
                  <ActionButton channel="tokens.revoke" className="small-btn" onClick={() => void call('tokens.revoke', { id: t.id })}>
                    Revoke
                  </ActionButton>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Settings() {
  const signin = useChannel('operators.settings', {}, (t) => t === 'operators.settings_saved');
  const notify = useChannel('notify.settings', {}, (t) => t === 'notify.settings_saved');
  const [idle, setIdle] = useState<string | null>(null);
  const [hook, setHook] = useState<string | null>(null);
  const { failure, run } = useAction();
  if (!signin.data || !notify.data) return null;
  const s = signin.data;
  const n = notify.data;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          await call('operators.settings.save', { ...s, idleMinutes: Number(idle ?? s.idleMinutes) });
          return call('notify.settings.save', { ...n, webhookUrl: (hook ?? n.webhookUrl ?? '').trim() || null });
        });
      }}
      data-testid="operators-settings"
    >
      <label>
        Idle sign-out (minutes, 0 never) <input className="num" size={4} value={idle ?? String(s.idleMinutes)} onChange={(e) => setIdle(e.target.value)} />
      </label>
      <label>
        Supervisor webhook <input placeholder="https://…" value={hook ?? n.webhookUrl ?? ''} onChange={(e) => setHook(e.target.value)} />
      </label>
      <button type="submit">Save</button>
      <span className="muted small">
        Locks after {s.maxFailures} wrong PINs for {s.lockMinutes} min.
      </span>
      <FormError failure={failure} fieldPaths={[]} />
    </form>
  );
}

/** Setup → Operators: who may do what, their badges, integrators' tokens, sign-in and notifications. */
export function OperatorsSetup() {
  const me = useOperator();
  const ops = useChannel('operators.list', {}, (t) => startsWith(t, 'operator.'));
  const may = useMay();
  const [sheet, setSheet] = useState<{ url: string; fileName: string; n: number } | null>(null);
  // Roles, operators, tokens and the webhook: whoever the contract lets change operators (an admin).
  const admin = !may('operators.change');
  return (
    <section className="card" aria-labelledby="ops-h" data-testid="operators-setup">
      <h2 id="ops-h">
        Operators{' '}
        <ActionButton
          channel="operators.badgeSheet"
          className="small-btn"
          onClick={() => void call('operators.badgeSheet', {}).then((r) => setSheet({ url: pdfLink(r.pdfBase64), fileName: r.fileName, n: r.operators }))}
          data-testid="print-badges"
        >
          Badge sheet PDF
        </ActionButton>
        {sheet && (
          <a className="small-btn" href={sheet.url} target="_blank" rel="noreferrer" download={sheet.fileName} data-testid="badge-sheet">
            Open {sheet.fileName} ({sheet.n} badges)
          </a>
        )}
      </h2>
      <table className="audit-table" data-testid="operators-table">
        <tbody>
          {ops.data?.map((o) => (
            <tr key={o.id} className={o.active ? '' : 'muted'} data-testid="operator-row" data-id={o.id}>
              <td>
                <b>{o.name}</b> <span className="mono muted">{o.id}</span>
              </td>
              <td>
                {admin ? (
                  <select
                    aria-label={`Role of ${o.name}`}
                    value={o.role}
                    onChange={(e) => void call('operators.change', { id: o.id, role: e.target.value as Role }).catch(() => ops.reload())}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_WORDS[r]}
                      </option>
                    ))}
                  </select>
                ) : (
                  ROLE_WORDS[o.role]
                )}
              </td>
              <td className="mono">{o.badge}</td>
              <td>
                {o.lockedUntil && Date.parse(o.lockedUntil) > consoleNow() ? (
                  <ActionButton channel="operators.unlock" className="small-btn" onClick={() => void call('operators.unlock', { id: o.id })}>
                    Unlock
                  </ActionButton>
                ) : o.active ? (
                  admin &&
                  o.id !== me?.id && (
                    <ActionButton
                      channel="operators.change"
                      className="small-btn"
                      onClick={() => void call('operators.change', { id: o.id, active: false, reason: 'disabled in Setup' })}
                    >
                      Disable
                    </ActionButton>
                  )
                ) : (
                  admin && (
                    <ActionButton channel="operators.change" className="small-btn" onClick={() => void call('operators.change', { id: o.id, active: true })}>
                      Enable
                    </ActionButton>
                  )
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {admin ? (
        <>
          <AddOperator onDone={() => void ops.reload()} />
          <Settings />
          <Tokens />
        </>
      ) : (
        <>
          <p className="muted small">Adding operators, roles, API tokens and the webhook:</p>
          <RoleNote channel="operators.create" />
        </>
      )}
    </section>
  );
}
