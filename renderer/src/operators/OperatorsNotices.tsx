import { useEffect, useRef, useState } from 'react';
import { call, onPush } from '../api/client';
import type { AppendedEvent, Output } from '../../../electron/contract/channels';
import { can, type Role } from './roles';

type Notice = Output<'notify.recent'>[number];

/**
 * Supervisor notifications: a desktop notification and a bar on the console; each opens the screen
 * that fixes it. In the desktop app the main process shows the OS notification (Electron's
 * `Notification`) and a click on it arrives as the `notice.open` push; in a browser the page shows
 * it through the browser's Notification API.
 */
export function OperatorsNotices({ role, open, desktop }: { role: Role; open: (screen: string) => void; desktop: boolean }) {
  const [shown, setShown] = useState<Notice | null>(null);
  const seen = useRef<number | null>(null);
  const isSupervisor = can(role, 'supervisor');
  useEffect(
    () =>
      onPush((name, d) => {
        if (name === 'notice.open') open((d as { screen: string }).screen);
      }),
    [open],
  );
  useEffect(() => {
    if (!isSupervisor) return;
    const pageNotices = !desktop && typeof Notification !== 'undefined';
    if (pageNotices && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
    const check = async () => {
      const recent = await call('notify.recent', { limit: 5 }).catch(() => []);
      const newest = recent[0];
      if (!newest) return;
      if (seen.current === null) {
        seen.current = newest.seq; // what was raised before this console opened is on the list, not a popup
        return;
      }
      for (const n of recent.filter((x) => x.seq > seen.current!).reverse()) {
        setShown(n);
        if (pageNotices && Notification.permission === 'granted') {
          const d = new Notification(n.title, { body: n.body, tag: `firstscan-${n.seq}` });
          d.onclick = () => (window.focus(), open(n.screen));
        }
      }
      seen.current = newest.seq;
    };
    void check();
    return onPush((name, d) => {
      if (name === 'events.appended' && (d as AppendedEvent[]).some((e) => e.type === 'notify.raised')) void check();
    });
  }, [isSupervisor, open, desktop]);
  if (!shown) return null;
  return (
    <div className="notice-bar" role="status" data-testid="notice-bar">
      <b>{shown.title}</b> {shown.body}{' '}
      <button className="small-btn" onClick={() => (open(shown.screen), setShown(null))}>
        Open {shown.screen}
      </button>
      <button className="small-btn" onClick={() => setShown(null)} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
