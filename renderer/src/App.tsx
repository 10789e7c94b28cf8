import { useEffect, useState } from 'react';
import { call, onPush, ApiFailure } from './api/client';
import type { AppendedEvent, Output } from '../../electron/contract/channels';
import { screens } from './screens';
import { setDisplay } from './time';
import { HealthBanner } from './components/HealthBanner';

const SCREENS = screens.map((s, i) => ({ ...s, key: `F${i + 1}` }));

export function App() {
  const [screen, setScreen] = useState<string>('pick');
  const [info, setInfo] = useState<Output<'app.info'> | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);

  useEffect(() => {
    const load = () =>
      call('app.info', {}).then(
        (i) => (setDisplay(i.site.zone, i.site.clock, i.now), setInfo(i)),
        (e) =>
          setFatal(
            e instanceof ApiFailure && e.code === 'UNAUTHORIZED'
              ? 'This page has no access token. Open the console with the full link printed by `npm start` (it ends in ?token=…).'
              : `The console service is not answering (${(e as Error).message}). Start it with \`npm start\`, then reload this page.`,
          ),
      );
    void load();
    // The site's zone or clock style changed: every screen shows times the new way.
    const offPush = onPush((name, d) => {
      if (name === 'events.appended' && (d as AppendedEvent[]).some((e) => e.type === 'site.configured')) void load();
    });
    const onKey = (e: KeyboardEvent) => {
      const s = SCREENS.find((x) => x.key === e.key);
      if (s) {
        e.preventDefault();
        setScreen(s.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => (window.removeEventListener('keydown', onKey), offPush());
  }, []);

  if (fatal)
    return (
      <div className="fatal" role="alert">
        {fatal}
      </div>
    );
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">Firstscan</div>
        <nav>
          {SCREENS.map((s) => (
            <button key={s.id} className={screen === s.id ? 'tab active' : 'tab'} onClick={() => setScreen(s.id)} aria-current={screen === s.id}>
              {s.label} <kbd>{s.key}</kbd>
            </button>
          ))}
        </nav>
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
      </header>
      <HealthBanner />
      <main>
        {SCREENS.filter((s) => s.id === screen).map((s) => (
          <s.component key={s.id} />
        ))}
      </main>
    </div>
  );
}
