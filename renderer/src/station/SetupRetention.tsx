import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { Field, FormError, described, issueAt, useAction } from '../ui/Field';
import { fmtWhen } from '../ui/time';
import { startsWith } from '../ui/event-family';

export const mb = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(0, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** The site's archive horizon (supervisor): delivered parcels older than it leave the hot database. */
export function SetupRetention() {
  const r = useChannel('retention.get', {}, (t) => startsWith(t, 'retention.'));
  const [days, setDays] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const { busy, failure, run } = useAction();
  useEffect(() => {
    if (r.data && days === '') setDays(String(r.data.horizonDays));
  }, [r.data, days]);
  const err = issueAt(failure, 'horizonDays');
  const last = r.data?.runs[0];
  return (
    <section className="card" aria-labelledby="sr-h" data-testid="setup-retention">
      <h2 id="sr-h">Archive horizon</h2>
      <p className="muted">
        Parcels delivered longer ago than this have their carrier scans and finished jobs moved to the archive file beside the database, once a day. They stay
        searchable; their timeline reads the archive.
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSaid(null);
          void run(() => call('retention.save', { horizonDays: Number(days) })).then((x) => {
            if (x) (setSaid(`Saved: delivered parcels go to the archive after ${x.horizonDays} days.`), void r.reload());
          });
        }}
      >
        <Field id="sr-days" label="Archive delivered parcels after (days)" error={err} hint={`7 to 3650; the default is ${r.data?.defaultDays ?? 90}.`}>
          <input
            {...described('sr-days', err, true)}
            data-testid="retention-days"
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value.replace(/[^0-9.]/g, ''))}
            maxLength={6}
          />
        </Field>
        <button type="submit" className="primary" disabled={busy} data-testid="retention-save">
          Save
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="retention-run"
          onClick={() => {
            setSaid(null);
            void run(() => call('retention.run', {})).then(
              (x) => x && (setSaid(x.started ? 'Archive run started.' : 'An archive run is already under way.'), void r.reload()),
            );
          }}
        >
          Archive now
        </button>
      </form>
      {said && (
        <p className="ok" role="status" data-testid="retention-said">
          {said}
        </p>
      )}
      <p className="muted" data-testid="retention-last">
        {last
          ? `Last run ${fmtWhen(last.startedAt)}: ${last.parcels} parcels, ${last.rows} rows, ${mb(last.bytes)} moved${last.finishedAt ? '' : ' (under way)'}.`
          : 'No archive run yet.'}
      </p>
      <FormError failure={failure} fieldPaths={['horizonDays']} />
    </section>
  );
}
