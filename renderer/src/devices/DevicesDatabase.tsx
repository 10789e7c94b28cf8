import { useChannel } from '../hooks/useApi';
import { fmtWhen } from '../ui/time';
import { startsWith } from '../ui/event-family';

const mb = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(0, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** The station database on disk: its size and its write-ahead log, which the console keeps bounded. */
export function DevicesDatabase() {
  const db = useChannel('station.database', {}, (t) => t === 'parcel.picked' || t === 'job.succeeded');
  const d = db.data;
  const r = useChannel('retention.get', {}, (t) => startsWith(t, 'retention.'));
  const ret = r.data;
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
      {ret && (
        <>
          <p data-testid="devices-archive">
            In use {mb(ret.hot.used)}, freed inside and reused by new rows {mb(ret.hot.free)} · archive{' '}
            {ret.archive.file ? `${ret.archive.file.split(/[\\/]/).pop()} ${mb(ret.archive.bytes)}` : 'not open'} ({ret.archive.parcels} parcels,{' '}
            {ret.archive.rows} rows) · delivered parcels archived after {ret.horizonDays} days (Setup)
          </p>
          {ret.runs.length > 0 && (
            <ul className="plain-list" data-testid="devices-archive-runs">
              {ret.runs.slice(0, 3).map((x) => (
                <li key={x.runId}>
                  Archive run {fmtWhen(x.startedAt)} ({x.trigger}): {x.parcels} parcels delivered before {fmtWhen(x.cutoff)}, {x.rows} rows, {mb(x.bytes)} moved
                  {x.exceptionsClosed ? `, ${x.exceptionsClosed} exceptions closed` : ''} —{' '}
                  {x.finishedAt ? `finished ${fmtWhen(x.finishedAt)}` : `under way (${x.batches} batches so far)`}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
