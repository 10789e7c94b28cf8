import type { EventType } from '../../../electron/contract/channels';
import { useEffect, useState } from 'react';
import { useChannel } from '../hooks/useApi';
import { useSiteZone } from '../ui/ZonedTime';
import { KIND_WORDS } from './site-format';
import { SiteConflicts } from './SiteConflicts';
import { SiteLink } from './SiteLink';
import { SiteSingle } from './SiteSingle';
import { SiteStations } from './SiteStations';
import { startsWith } from '../ui/event-family';

const POLL_MS = 2000;
const conflictEvents = (t: EventType) => t === 'site.conflict_settled' || t === 'parcel.picked' || t === 'parcel.loaded';

/** Site mode: this station's link to the site server, every station, and the conflicts a person settles. */
export function SiteScreen() {
  const status = useChannel('site.status', {}, (t) => t === 'site.conflict_settled');
  const [showSettled, setShowSettled] = useState(false);
  const conflicts = useChannel('site.conflicts', { status: showSettled ? 'all' : 'open' }, conflictEvents);
  const lines = useChannel('lines.list', {}, (t) => startsWith(t, 'line.') || startsWith(t, 'range.'));
  const zone = useSiteZone();
  const [notice, setNotice] = useState<string | null>(null);

  // Link state, lag and other stations move without local events: look again while this screen is shown.
  const reloadStatus = status.reload;
  useEffect(() => {
    const t = setInterval(() => {
      if (document.visibilityState === 'visible') void reloadStatus();
    }, POLL_MS);
    return () => clearInterval(t);
  }, [reloadStatus]);

  // Conflicts opened by events pulled from other stations change the open count: reload the list then.
  const openCount = status.data?.openConflicts;
  const reloadConflicts = conflicts.reload;
  useEffect(() => {
    if (openCount !== undefined) void reloadConflicts();
  }, [openCount, reloadConflicts]);

  const s = status.data;
  if (!s || !zone)
    return (
      <div className="pad" data-testid="site">
        {status.error ? (
          <div className="form-error" role="alert">
            The site status is not answering: {status.error} Restart the console; if it repeats, call a supervisor.
          </div>
        ) : (
          <span className="muted">Loading…</span>
        )}
      </div>
    );

  if (s.mode === 'single')
    return (
      <div className="site site-alone" data-testid="site" data-mode="single">
        <SiteSingle station={s.station} />
      </div>
    );

  return (
    <div className="site" data-testid="site" data-mode="site">
      <SiteLink s={s} zone={zone} lines={lines.data} />
      <div className="site-right">
        {status.error && (
          <div className="form-error" role="alert">
            Status not refreshed: {status.error} It tries again every 2 s.
          </div>
        )}
        {notice && (
          <div className="notice" role="status" data-testid="site-notice">
            {notice}
          </div>
        )}
        <SiteStations s={s} zone={zone} />
        <SiteConflicts
          rows={conflicts.data}
          error={conflicts.error}
          zone={zone}
          showSettled={showSettled}
          setShowSettled={setShowSettled}
          onSettled={(c) => {
            setNotice(`Settled: ${KIND_WORDS[c.kind] ?? c.kind} ${c.subject}. Every station will show it settled.`);
            void conflicts.reload();
            void status.reload();
          }}
        />
      </div>
    </div>
  );
}
