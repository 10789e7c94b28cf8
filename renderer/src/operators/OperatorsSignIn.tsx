import { useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import { FormError, failureOf, type Failure } from '../ui/Field';
import { ROLE_WORDS, type Session } from './roles';
import { play } from '../ui/sounds';

export type PinAsk = { code: string; name: string; role: string } | null;

/** The PIN prompt after a supervisor's or admin's badge (or a typed operator id). */
export function OperatorsPin({ ask, onDone, onCancel }: { ask: NonNullable<PinAsk>; onDone: () => void; onCancel: () => void }) {
  const [pin, setPin] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), [ask.code]);
  return (
    <form
      className="signin-pin card"
      data-testid="signin-pin"
      onSubmit={(e) => {
        e.preventDefault();
        call('operators.signIn', { code: ask.code, pin }).then(
          () => (play('pass'), onDone()),
          (err) => (play('fail'), setFailure(failureOf(err)), setPin('')),
        );
      }}
    >
      <h2>
        {ask.name} ({ask.role}): type your PIN
      </h2>
      <input
        ref={ref}
        className="signin-pin-input mono"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        aria-label="PIN"
        data-testid="signin-pin-input"
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
      />
      <div className="row-actions">
        <button type="submit" className="primary" data-testid="signin-pin-submit" disabled={pin.length < 4}>
          Sign in
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FormError failure={failure} fieldPaths={[]} />
    </form>
  );
}

function FirstAdmin({ onDone }: { onDone: () => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  return (
    <form
      className="card grid-form"
      data-testid="first-admin"
      onSubmit={(e) => {
        e.preventDefault();
        call('operators.firstAdmin', { id, name, pin }).then(onDone, (err) => setFailure(failureOf(err)));
      }}
    >
      <h2 className="wide">No operators yet: make the first admin</h2>
      <label>
        Operator id <input value={id} onChange={(e) => setId(e.target.value)} placeholder="e.g. maria" />
      </label>
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Maria Rossi" />
      </label>
      <label>
        PIN (4–8 digits) <input type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        Make admin and sign in
      </button>
      <div className="wide">
        <FormError failure={failure} fieldPaths={[]} />
      </div>
    </form>
  );
}

/** Nobody is signed in at this station: scan a badge (or type an operator id and PIN). */
export function OperatorsSignIn({
  session,
  pinAsk,
  setPinAsk,
  refusal,
  onSignedIn,
}: {
  session: Session;
  pinAsk: PinAsk;
  setPinAsk: (a: PinAsk) => void;
  refusal: string | null;
  onSignedIn: () => void;
}) {
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  if (session.firstAdmin) return <FirstAdmin onDone={onSignedIn} />;
  return (
    <div className="signin" data-testid="signin">
      <div className="signin-main">
        <h1 className="signin-title">Scan your badge</h1>
        <p className="signin-sub">Supervisors and admins then type their PIN. No badge at hand: type your operator id, then your PIN.</p>
        {session.siteWait && (
          <div className="form-error" role="status" data-testid="signin-site-wait">
            {session.siteWait} Sign in with your badge once they are here.
          </div>
        )}
        {session.notice && !refusal && (
          <div className="signin-notice" role="status" data-testid="signin-notice">
            {session.notice}
          </div>
        )}
        {refusal && (
          <div className="form-error" role="alert" data-testid="signin-refusal">
            {refusal}
          </div>
        )}
        {pinAsk ? (
          <OperatorsPin ask={pinAsk} onDone={() => (setPinAsk(null), onSignedIn())} onCancel={() => setPinAsk(null)} />
        ) : (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              call('operators.signIn', { code: typed }).then(
                (r) => (r.outcome === 'pin_needed' ? setPinAsk({ code: typed, name: r.operator.name, role: ROLE_WORDS[r.operator.role] }) : onSignedIn()),
                (err) => setFailure(failureOf(err)),
              );
            }}
          >
            <input aria-label="Operator id" placeholder="operator id" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="signin-typed" />
            <button type="submit">Next</button>
          </form>
        )}
        <FormError failure={failure} fieldPaths={[]} />
      </div>
      {session.demo.length > 0 && (
        <section className="signin-demo card" aria-label="Demo badges" data-testid="demo-badges">
          <h2>Demo site: scan a badge (or type its id)</h2>
          <div className="signin-badges">
            {session.demo.map((o) => (
              <figure key={o.id} className="signin-badge" data-testid="demo-badge" data-badge={o.badge}>
                <img src={`data:image/png;base64,${o.pngBase64}`} alt={`Badge of ${o.name}`} />
                <figcaption>
                  <b>{o.name}</b> · {ROLE_WORDS[o.role]}
                  <br />
                  <span className="mono">{o.badge}</span> · id <span className="mono">{o.id}</span>
                  {o.pin && (
                    <>
                      {' '}
                      · PIN <span className="mono">{o.pin}</span>
                    </>
                  )}
                </figcaption>
              </figure>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
