import { useChannel } from '../hooks/useApi';
import { fmtZoned, useSiteZone } from '../ui/ZonedTime';

/** For the supervisor: errors the station survived since it started (each is a station.fault event). */
export function StationFaults() {
  const health = useChannel('station.health', {}, (t) => t === 'station.fault');
  const zone = useSiteZone();
  const f = health.data?.faults;
  if (!f || f.count === 0) return null;
  const latest = f.recent[0];
  return (
    <div className="faults-note" role="status" data-testid="station-faults">
      The console kept running through <b>{f.count}</b> unexpected error{f.count === 1 ? '' : 's'} since it started
      {latest && (
        <>
          ; the latest {zone ? `at ${fmtZoned(latest.at, zone)}` : ''} in {latest.where}: <span className="mono">{latest.message}</span>
        </>
      )}
      . Nothing was lost; if it repeats, report it with the event log (npm run cli -- export events).
    </div>
  );
}
