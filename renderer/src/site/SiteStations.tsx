import type { Output } from '../../../electron/contract/channels';
import { fmtLag, fmtWhen, isConnected } from './site-format';

type Status = Output<'site.status'>;

/** Every station of the site as the server sees it. */
export function SiteStations({ s, zone }: { s: Status; zone: string }) {
  return (
    <section className="card site-stations" aria-label="Stations">
      <h2>Stations ({s.stations.length})</h2>
      <div className="site-scroll">
        <table className="site-table" data-testid="site-stations">
          <thead>
            <tr>
              <th>Station</th>
              <th>Link</th>
              <th className="num">Lag</th>
              <th>Last push</th>
              <th>Last pull</th>
              <th className="num">Outbox</th>
              <th>Version</th>
            </tr>
          </thead>
          <tbody>
            {s.stations.map((r) => {
              const up = isConnected(r.lastSeenAt, s.now);
              return (
                <tr key={r.station} data-testid="site-station-row" data-station={r.station} data-connected={up} className={up ? '' : 'site-silent'}>
                  <td>
                    <b>{r.name || r.station}</b>
                    {r.station === s.station && <span className="site-you"> this one</span>}
                  </td>
                  <td>
                    <span className={`pill ${up ? 'pill-link-online' : 'pill-link-offline'}`}>{up ? 'Connected' : 'Silent'}</span>
                  </td>
                  <td className="num">{fmtLag(r.lagMs)}</td>
                  <td>{fmtWhen(r.lastPushAt, s.now, zone, true)}</td>
                  <td>{fmtWhen(r.lastPullAt, s.now, zone, true)}</td>
                  <td className={`num${r.outboxDepth > 0 ? ' warn' : ''}`}>{r.outboxDepth.toLocaleString()}</td>
                  <td className="mono">{r.version}</td>
                </tr>
              );
            })}
            {s.stations.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {s.connected ? 'The server lists no station yet.' : 'Not known while this station is not connected.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
