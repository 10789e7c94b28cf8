import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onPush, ApiFailure } from './api/client';
import type { AppendedEvent, Output } from '../../electron/contract/channels';
import { screens } from './screens';
import { setDisplay } from './ui/time';
import { HealthBanner } from './station/HealthBanner';
import { OperatorsSignIn, OperatorsPin, type PinAsk } from './operators/OperatorsSignIn';
import { AUDIT_OPEN_EVENT, OperatorContext, ROLE_WORDS, aRole, can, setChannelRoles, type Session } from './operators/roles';
import { OperatorsNotices } from './operators/OperatorsNotices';
import { BADGE_EVENT, typeScan, useScanner } from './hooks/useScanner';
import { play } from './ui/sounds';
import { startsWith } from './ui/event-family';

const SCREENS = screens.map((s, i) => ({ ...s, key: `F${i + 1}` }));
const ACTIVITY_EVERY_MS = 10_000;

export function App() {
  const [screen, setScreen] = useState<string>('pick');
  const [info, setInfo] = useState<Output<'app.info'> | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [pinAsk, setPinAsk] = useState<PinAsk>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const lastActivity = useRef(0);

  const loadSession = useCallback(async (active = false) => {
    try {
      setSession(await call('operators.session', { active }));
    } catch {
      /* app.info reports a dead service */
    }
  }, []);

  useEffect(() => {
    const load = () =>
      call('app.info', {}).then(
        (i) => (setDisplay(i.site.zone, i.site.clock, i.now), setChannelRoles(i.roles), setInfo(i)),
        (e) =>
          setFatal(
            e instanceof ApiFailure && e.code === 'UNAUTHORIZED'
              ? 'This page has no access token. Open the console with the full link printed by `npm start` (it ends in ?token=…).'
              : `The console service is not answering (${(e as Error).message}). Start it with \`npm start\`, then reload this page.`,
          ),
      );
    void load();
    void loadSession();
    // The site's zone or clock style changed: every screen shows times the new way. Sign-ins and
    // sign-outs (an idle one, or at another tab) change who this console is for.
    const offPush = onPush((name, d) => {
      if (name !== 'events.appended') return;
      const types = (d as AppendedEvent[]).map((e) => e.type);
      if (types.includes('site.configured')) void load();
      if (types.some((t) => startsWith(t, 'operator.'))) void loadSession();
    });
    const poll = setInterval(() => void loadSession(), 15_000);
    // A key, a touch or a scan is someone at the console: it keeps them signed in (told at most every 10 s).
    const onActivity = () => {
      const now = performance.now();
      if (now - lastActivity.current < ACTIVITY_EVERY_MS) return;
      lastActivity.current = now;
      void loadSession(true);
    };
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('pointerdown', onActivity, true);
    return () => (
      offPush(),
      clearInterval(poll),
      window.removeEventListener('keydown', onActivity, true),
      window.removeEventListener('pointerdown', onActivity, true)
    );
  }, [loadSession]);

  const operator = session?.operator ?? null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = SCREENS.find((x) => x.key === e.key);
      if (s && operator) {
        e.preventDefault();
        setScreen(s.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [operator]);

  // A badge scanned anywhere: sign in, switch operators, or (their own badge) sign out.
  useEffect(() => {
    const onBadge = (e: Event) => {
      const code = (e as CustomEvent<string>).detail;
      setRefusal(null);
      lastActivity.current = performance.now();
      call('operators.signIn', { code }).then(
        (r) => {
          if (r.outcome === 'pin_needed') setPinAsk({ code, name: r.operator.name, role: ROLE_WORDS[r.operator.role] });
          else (setPinAsk(null), play('pass'));
          void loadSession();
        },
        (err) => (play('fail'), setRefusal((err as Error).message)),
      );
    };
    const onAudit = () => setScreen('audit');
    window.addEventListener(BADGE_EVENT, onBadge);
    window.addEventListener(AUDIT_OPEN_EVENT, onAudit);
    return () => (window.removeEventListener(BADGE_EVENT, onBadge), window.removeEventListener(AUDIT_OPEN_EVENT, onAudit));
  }, [loadSession]);

  const current = SCREENS.find((s) => s.id === screen) ?? SCREENS[0];
  // Screens that do not read the scanner themselves: listen here for badges; any other scan goes into
  // the focused field (a label scanned into the Parcels search, say), never lost, and its Enter then
  // submits the field's form as on a plain PC (a new label's number scanned into the re-link form).
  useScanner(typeScan, undefined, !!session && (!operator || !current.scans));

  if (fatal)
    return (
      <div className="fatal" role="alert">
        {fatal}
      </div>
    );
  return (
    <OperatorContext.Provider value={operator}>
      <div className="app">
        <header className="topbar">
          {!operator && <div className="brand">Firstscan</div>}
          {operator && (
            <nav>
              {SCREENS.map((s) => {
                const open = can(operator.role, s.need);
                return (
                  <button
                    key={s.id}
                    className={`${screen === s.id ? 'tab active' : 'tab'}${open ? '' : ' locked'}`}
                    onClick={() => setScreen(s.id)}
                    aria-current={screen === s.id}
                    title={open ? undefined : `${s.label} needs ${s.need === 'anyone' ? 'no sign-in' : aRole(s.need)}`}
                    data-testid={`tab-${s.id}`}
                    data-locked={!open}
                  >
                    {s.label} <kbd>{s.key}</kbd>
                  </button>
                );
              })}
            </nav>
          )}
          {!operator && (
            <div className="where">
              {info ? (
                <>
                  {info.station.name} · {info.site.name}
                  {info.demo && <span className="badge">DEMO</span>}
                </>
              ) : (
                'connecting…'
              )}
            </div>
          )}
          {operator && (
            <div className="who" data-testid="who">
              <span>
                <b>{operator.name}</b> <span className="muted">{ROLE_WORDS[operator.role]}</span>
                <br />
                <span className="muted">
                  {info?.station.name}
                  {info?.demo && <span className="badge badge-small">DEMO</span>}
                </span>
              </span>
              <button className="small-btn" onClick={() => void call('operators.signOut', {}).then(() => loadSession())} data-testid="sign-out">
                Sign out
              </button>
            </div>
          )}
        </header>
        <HealthBanner />
        {operator && refusal && (
          <div className="form-error" role="alert" data-testid="badge-refusal" onClick={() => setRefusal(null)}>
            {refusal}
          </div>
        )}
        {operator && <OperatorsNotices role={operator.role} open={setScreen} desktop={info?.mode === 'electron'} />}
        <main>
          {!session ? (
            <span className="muted">Loading…</span>
          ) : !operator ? (
            <OperatorsSignIn session={session} pinAsk={pinAsk} setPinAsk={setPinAsk} refusal={refusal} onSignedIn={() => void loadSession()} />
          ) : (
            <>
              {pinAsk && <OperatorsPin ask={pinAsk} onDone={() => (setPinAsk(null), void loadSession())} onCancel={() => setPinAsk(null)} />}
              {can(operator.role, current.need) ? (
                <current.component key={current.id} />
              ) : (
                <div className="locked-screen card" role="alert" data-testid="locked-screen">
                  <h2>
                    {current.label} needs {current.need === 'anyone' ? 'no sign-in' : aRole(current.need)}
                  </h2>
                  <p>
                    {operator.name} is {aRole(operator.role)}. Ask {current.need === 'anyone' ? 'anyone' : aRole(current.need)} to scan their badge here; your
                    own badge signs you back in after.
                  </p>
                </div>
              )}
            </>
          )}
        </main>
      </div>
    </OperatorContext.Provider>
  );
}
