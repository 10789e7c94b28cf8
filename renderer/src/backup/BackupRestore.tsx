import { useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { FormError, useAction } from '../ui/Field';
import { fmtDateTime } from '../ui/time';
import type { Output } from '../../../electron/contract/channels';
import { ActionButton } from '../operators/OperatorsAllowed';

type Preview = Output<'backup.restore.preview'>;
type Backups = Output<'backup.status'>['backups'];

/**
 * Restore, in two steps. Before: choose a backup, look at what it holds, stage it (it replaces the
 * database at the next start). After the restart (`pending`): where every range continues, from the
 * backup, the printed labels and Shopify; the supervisor confirms any gap, then picks issue numbers again.
 */
export function BackupRestore(props: { pending: true; reload: () => void } | { pending?: false; backups: Backups; staged: boolean; reload: () => void }) {
  return props.pending ? <ConfirmNumbers reload={props.reload} /> : <ChooseBackup backups={props.backups} staged={props.staged} reload={props.reload} />;
}

function ChooseBackup({ backups, staged, reload }: { backups: Backups; staged: boolean; reload: () => void }) {
  const [file, setFile] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState(false);
  const act = useAction();
  const look = (path: string) => {
    setFile(path);
    setDone(false);
    void act.run(() => call('backup.restore.preview', { file: path })).then((p) => p && setPreview(p));
  };
  return (
    <details className="backup-restore" open={staged || undefined}>
      <summary>Restore from a backup (supervisor)</summary>
      {staged || done ? (
        <p className="warn" role="status" data-testid="restore-staged">
          The backup is ready: restart Firstscan on this PC to finish. The database it replaces is kept in the data folder. Picks wait until a supervisor
          confirms the numbers.
        </p>
      ) : (
        <>
          <form
            className="backup-row"
            onSubmit={(e) => {
              e.preventDefault();
              look(file);
            }}
          >
            <input
              className="mono"
              aria-label="Backup file"
              placeholder="/media/usb/firstscan/firstscan-….db"
              value={file}
              onChange={(e) => setFile(e.target.value)}
              data-testid="restore-file"
            />
            <button type="submit" disabled={act.busy || !file.trim()}>
              Look inside
            </button>
          </form>
          {backups.length > 0 && (
            <ul className="backup-list" data-testid="backup-list">
              {backups.slice(0, 5).map((b) => (
                <li key={b.name}>
                  <button type="button" className="small-btn" onClick={() => look(b.path)}>
                    {fmtDateTime(b.at)}
                  </button>{' '}
                  <span className="muted small">{(b.bytes / 1048576).toFixed(1)} MB</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <FormError failure={act.failure} />
      {preview && !done && !staged && (
        <div className="restore-preview" data-testid="restore-preview">
          {preview.ok ? (
            <>
              <p>
                Backup of <b>{fmtDateTime(preview.backupAt)}</b>: {preview.events.toLocaleString()} events, {preview.parcels.toLocaleString()} parcels.
              </p>
              <p className="small" data-testid="restore-preview-archive">
                {preview.archive
                  ? `Archive beside it: ${preview.archive.file}, ${preview.archive.rows.toLocaleString()} rows of old parcels, checked: restored with it.`
                  : 'No archive file beside it: the archive on this PC (if any) stays as it is.'}
              </p>
              <table className="report-table">
                <thead>
                  <tr>
                    <th>Line</th>
                    <th>Last number in the backup</th>
                    <th>Left</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.ranges.map((r) => (
                    <tr key={r.rangeId}>
                      <td>{r.lineName}</td>
                      <td className="mono">{r.lastIssued ?? '—'}</td>
                      <td>{r.left.toLocaleString()}</td>
                    </tr>
                  ))}
                  {preview.pool.map((p) => (
                    <tr key={p.lineName}>
                      <td>{p.lineName} (pool)</td>
                      <td className="mono">{p.lastUsed ?? '—'}</td>
                      <td>{p.free.toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ActionButton
                channel="backup.restore.stage"
                type="button"
                className="danger"
                data-testid="restore-stage"
                disabled={act.busy}
                onClick={() => void act.run(() => call('backup.restore.stage', { file: preview.file })).then((r) => r && (setDone(true), reload()))}
              >
                Restore this backup at the next start
              </ActionButton>
            </>
          ) : (
            <p className="form-error" role="alert">
              {preview.problem}
            </p>
          )}
        </div>
      )}
    </details>
  );
}

function ConfirmNumbers({ reload }: { reload: () => void }) {
  const check = useChannel('backup.restore.check', {}, (t) => t === 'backup.restored' || t === 'site.own_events_back');
  const [sure, setSure] = useState(false);
  const act = useAction();
  const c = check.data;
  return (
    <div className="restore-confirm" role="alert" data-testid="restore-confirm">
      <h3>This station runs on a restored backup: picks wait for your confirmation</h3>
      {!c ? (
        <p className="muted">{check.error ?? 'Reading the printed labels and Shopify…'}</p>
      ) : (
        <>
          <p>
            Restored from <span className="mono">{c.pending?.file}</span> (backup of {fmtDateTime(c.pending?.backupAt)}). Every line continues beyond the
            highest number any record shows:
          </p>
          <table className="report-table" data-testid="restore-ranges">
            <thead>
              <tr>
                <th>Line</th>
                <th>Highest seen after the backup</th>
                <th>Seen in</th>
                <th>Numbers skipped</th>
              </tr>
            </thead>
            <tbody>
              {c.ranges.map((r) => (
                <tr key={r.rangeId} className={r.gap ? 'warn' : ''}>
                  <td>{r.lineName}</td>
                  <td className="mono">{r.highestSeen ?? '—'}</td>
                  <td>{r.seenIn.join(', ')}</td>
                  <td>{r.gap}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="small">
            {c.sources.map((s) => (
              <li key={s.name} className={s.ok ? '' : 'warn'}>
                {s.name}: {s.note}
              </li>
            ))}
          </ul>
          {c.pickedAfter.length > 0 && (
            <div className="restore-picked-after" data-testid="restore-picked-after">
              <p>
                <b>Picked after the backup</b> ({c.pickedAfter.length}): these orders look open in the backup, but Shopify or a printed label shows them picked.
                They are held when you confirm; no picker can pick them until you check each one.
              </p>
              <ul className="small">
                {c.pickedAfter.map((o) => (
                  <li key={o.orderId}>
                    <b>{o.orderName}</b> <span className="mono">{o.numbers.join(', ')}</span> ({o.fulfilled ? 'fulfilled in Shopify' : 'seen in'}{' '}
                    {o.seenIn.join(', ')})
                  </li>
                ))}
              </ul>
            </div>
          )}
          {c.gap > 0 && (
            <label className="check">
              <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} data-testid="restore-sure" /> Skip the {c.gap} number(s) issued
              after the backup: they are never issued again
            </label>
          )}
          <ActionButton
            channel="backup.restore.confirm"
            type="button"
            className="primary"
            data-testid="restore-confirm-btn"
            disabled={act.busy || (c.gap > 0 && !sure)}
            onClick={() => void act.run(() => call('backup.restore.confirm', { confirmGap: sure })).then((r) => r && reload())}
          >
            Confirm the numbers and pick again
          </ActionButton>
          <FormError failure={act.failure} />
        </>
      )}
    </div>
  );
}

type Held = Output<'backup.status'>['heldOrders'][number];

/** Orders held after a restore: picked after the last backup. A supervisor checks each one: shipped, or pick it again. */
export function HeldOrders({ orders, reload }: { orders: Held[]; reload: () => void }) {
  const act = useAction();
  if (!orders.length) return null;
  const release = (orderId: string, decision: 'pick_again' | 'shipped') =>
    void act.run(() => call('backup.restore.release', { orderId, decision, note: '' })).then((r) => r && reload());
  return (
    <div className="restore-held" role="alert" data-testid="restore-held">
      <h3>
        {orders.length} order{orders.length === 1 ? '' : 's'} picked after the last backup: check before re-picking
      </h3>
      <p className="small">Find the parcel (dispatch area, the manifest, the carrier). Shipped: it stays closed. Not found anywhere: pick it again.</p>
      <ul className="restore-held-list">
        {orders.map((o) => (
          <li key={o.orderId} data-testid="restore-held-row">
            <span className="restore-held-what">
              <b>{o.orderName}</b> <span className="mono">{o.numbers.join(', ')}</span>{' '}
              <span className="small">
                ({[o.fulfilled ? 'fulfilled in Shopify' : '', ...o.seenIn.filter((x) => !(o.fulfilled && x === 'shopify'))].filter(Boolean).join(', ')})
              </span>
            </span>
            <span className="restore-held-actions">
              <button type="button" disabled={act.busy} onClick={() => release(o.orderId, 'shipped')}>
                It was shipped
              </button>
              <button type="button" disabled={act.busy} onClick={() => release(o.orderId, 'pick_again')}>
                Pick it again
              </button>
            </span>
          </li>
        ))}
      </ul>
      <FormError failure={act.failure} />
    </div>
  );
}

type HeldJob = Output<'backup.status'>['heldJobs'][number];

/**
 * Messages the restored backup still had queued that reach a person and cannot be looked up (buyer
 * e-mails, the webhook, a manifest to a carrier that cannot be asked): a supervisor reads each and
 * answers. Nothing is sent twice unasked.
 */
export function HeldJobs({ jobs, reload }: { jobs: HeldJob[]; reload: () => void }) {
  const act = useAction();
  if (!jobs.length) return null;
  const answer = (jobId: string, decision: 'went' | 'send_again') =>
    void act.run(() => call('backup.restore.answer', { jobId, decision, note: '' })).then((r) => r && reload());
  return (
    <div className="restore-held" role="alert" data-testid="restore-held-jobs">
      <h3>
        {jobs.length} message{jobs.length === 1 ? '' : 's'} queued before the restore: did {jobs.length === 1 ? 'it' : 'they'} go?
      </h3>
      <p className="small">
        Each may have gone out after the backup. Check the sent mail, the receiver or the carrier. It went: never sent again. Not there: send it again (once).
      </p>
      <ul className="restore-held-list">
        {jobs.map((j) => (
          <li key={j.jobId} data-testid="restore-held-job" data-kind={j.kind}>
            <span className="restore-held-what">
              <b>{j.what}</b> <span className="small muted">(queued {fmtDateTime(j.createdAt)})</span>
              <span className="restore-held-message small">{j.message}</span>
            </span>
            <span className="restore-held-actions">
              <ActionButton channel="backup.restore.answer" type="button" disabled={act.busy} onClick={() => answer(j.jobId, 'went')}>
                It went — don’t send
              </ActionButton>
              <ActionButton channel="backup.restore.answer" type="button" disabled={act.busy} onClick={() => answer(j.jobId, 'send_again')}>
                Send it again
              </ActionButton>
            </span>
          </li>
        ))}
      </ul>
      <FormError failure={act.failure} />
    </div>
  );
}
