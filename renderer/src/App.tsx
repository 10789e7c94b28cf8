import { useEffect, useState } from 'react';
import { call, ApiFailure } from './api/client';
import type { Output } from '../../electron/contract/channels';
import { screens } from './screens';
import { setDisplayZone } from './components/Field';
import { HealthBanner } from './components/HealthBanner';

const SCREENS = screens.map((s, i) => ({ ...s, key: `F${i + 1}` }));

export function App() {
  const [screen, setScreen] = useState<string>('pick');
  const [info, setInfo] = useState<Output<'app.info'> | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);

  useEffect(() => {
    call('app.info', {}).then((i) => (setDisplayZone(i.site.zone), setInfo(i)), (e) =>
      setFatal(
        e instanceof ApiFailure && e.code === 'UNAUTHORIZED'
          ? 'This page has no access token. Open the console with the full link printed by `npm start` (it ends in ?token=…).'
          : `The console service is not answering (${(e as Error).message}). Start it with \`npm start\`, then reload this page.`,
      ),
    );
    const onKey = (e: KeyboardEvent) => {
      const s = SCREENS.find((x) => x.key === e.key);
      if (s) {
        e.preventDefault();
        setScreen(s.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (fatal) return <div className="fatal" role="alert">{fatal}</div>;
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
