import { useChannel } from '../hooks/useApi';
import { fmtWhen } from '../ui/time';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** The station database on disk: its size and its write-ahead log, which the console keeps bounded. */
export function DevicesDatabase() {
  const db = useChannel('station.database', {}, (t) => t === 'parcel.picked' || t === 'job.succeeded');
  const d = db.data;
  return (
    <section className="card" aria-labelledby="ddb-h" data-testid="devices-database">
      <h2 id="ddb-h">Database</h2>
      {!d ? (
        <p className={db.error ? 'warn' : 'muted'}>{db.error ?? 'Loading…'}</p>
      ) : (
        <p data-testid="devices-wal" className={d.walBytes > 4 * d.walLimitBytes ? 'warn' : undefined}>
          {mb(d.databaseBytes)} · write-ahead log {mb(d.walBytes)} (largest since start {mb(d.walMaxBytes)}; folded back above {mb(d.walLimitBytes)}
          {d.lastTruncatedAt ? `, last ${fmtWhen(d.lastTruncatedAt)}` : ''})
          {d.walBytes > 4 * d.walLimitBytes ? ' — it is not being folded back: restart the console when the shift allows.' : ''}
        </p>
      )}
    </section>
  );
}
