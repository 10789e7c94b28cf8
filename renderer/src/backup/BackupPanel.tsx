import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { described, Field, FormError, issueAt, useAction } from '../ui/Field';
import { consoleNow, fmtDateTime } from '../ui/time';
import { BackupRestore, HeldJobs, HeldOrders } from './BackupRestore';
import type { Output } from '../../../electron/contract/channels';
import { ActionButton } from '../operators/OperatorsAllowed';
import { startsWith } from '../ui/event-family';

type Status = Output<'backup.status'>;
const mb = (b?: number) => (b === undefined ? '' : `${(b / 1048576).toFixed(1)} MB`);

/** Is the last good backup recent enough for the schedule (1.5 × the interval)? */
function fresh(s: Status, now: number): boolean {
  return !!s.lastGood && now - Date.parse(s.lastGood.at) <= s.settings.everyHours * 1.5 * 3_600_000;
}

/** Devices → Backup: the last good backup in large type, back up now with a progress bar, where and how often, restore. */
export function BackupPanel() {
  const status = useChannel('backup.status', {}, (t) => startsWith(t, 'backup.'));
  const s = status.data;
  const running = !!s?.running;
  // While a backup runs, look at its progress every half second.
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => void status.reload(), 500);
    return () => clearInterval(t);
  }, [running, status.reload]);
  const now = useAction();
  if (!s)
    return (
      <section className="card" data-testid="backup">
        <h2>Backup</h2>
        {status.error ? <p className="warn">{status.error}</p> : <p className="muted">Loading…</p>}
      </section>
    );
  const good = s.lastGood;
  const failed = s.lastRun && !s.lastRun.ok ? s.lastRun : null;
  const ok = fresh(s, consoleNow());
  return (
    <section className="card backup" aria-labelledby="bk-h" data-testid="backup">
      <h2 id="bk-h">Backup</h2>
      {s.restorePending && <BackupRestore pending reload={() => void status.reload()} />}
      <HeldOrders orders={s.heldOrders} reload={() => void status.reload()} />
      <HeldJobs jobs={s.heldJobs} reload={() => void status.reload()} />
      <p className={`backup-last ${ok || s.restoredFrom ? 'good' : 'stale'}`} data-testid="backup-last-good" data-fresh={ok ? 'yes' : 'no'}>
        {s.restoredFrom ? (
          <>
            Restored from <b className="mono">{s.restoredFrom.file}</b>, taken <b>{fmtDateTime(s.restoredFrom.backupAt)}</b>
            <span className="backup-facts" data-testid="backup-restored-next">
              {s.nextDue
                ? Date.parse(s.nextDue) <= consoleNow()
                  ? 'Next backup: due now (it starts within a minute).'
                  : `Next backup due ${fmtDateTime(s.nextDue)}.`
                : 'No backup folder on this PC: choose one below, then back up now.'}
            </span>
          </>
        ) : good ? (
          <>
            Last good backup <b>{fmtDateTime(good.at)}</b>
            <span className="backup-facts">
              {mb(good.bytes)} · {good.events?.toLocaleString()} events · {good.parcels?.toLocaleString()} parcels · checked
            </span>
          </>
        ) : (
          <>No good backup yet.{s.settings.folder ? ' Back up now.' : ' Choose a folder below, then back up now.'}</>
        )}
      </p>
      {failed && (
        <p className="form-error" role="alert" data-testid="backup-failed">
          The backup at {fmtDateTime(failed.at)} failed: {failed.reason} Check the folder, then back up now.
        </p>
      )}
      {s.running ? (
        <div className="backup-progress" data-testid="backup-progress">
          <progress max={1} value={s.running.done} aria-label="Backup progress" />
          <span>{s.running.phase === 'copying' ? `Copying ${Math.round(s.running.done * 100)} %` : 'Checking the copy…'} (picks go on meanwhile)</span>
        </div>
      ) : (
        <button
          type="button"
          className="primary"
          data-testid="backup-now"
          disabled={now.busy}
          onClick={() => void now.run(() => call('backup.run', {})).then(() => status.reload())}
        >
          Back up now
        </button>
      )}
      <FormError failure={now.failure} />
      <p className="muted small" data-testid="backup-next">
        {s.nextDue
          ? `Next scheduled backup ${fmtDateTime(s.nextDue)}; keeps the newest ${s.settings.keep} good copies.`
          : 'No schedule until a folder is chosen.'}
      </p>
      <BackupSettings status={s} reload={() => void status.reload()} />
      {!s.restorePending && <BackupRestore backups={s.backups} staged={s.restoreStaged} reload={() => void status.reload()} />}
    </section>
  );
}

function BackupSettings({ status, reload }: { status: Status; reload: () => void }) {
  const [folder, setFolder] = useState(status.settings.folder);
  const [every, setEvery] = useState(String(status.settings.everyHours));
  const [keep, setKeep] = useState(String(status.settings.keep));
  const save = useAction();
  const f = save.failure;
  return (
    <details className="backup-settings" open={!status.settings.folder}>
      <summary>Where and how often (supervisor)</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(() => call('backup.settings.save', { folder, everyHours: Number(every), keep: Number(keep) })).then((r) => r && reload());
        }}
      >
        <Field id="bk-folder" label="Backup folder (a network share or a USB disk)" error={issueAt(f, 'folder')} wide>
          <input
            {...described('bk-folder', issueAt(f, 'folder'))}
            className="mono"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder="/media/usb/firstscan"
          />
        </Field>
        <div className="backup-row">
          <Field id="bk-every" label="Every (hours)" error={issueAt(f, 'everyHours')}>
            <input {...described('bk-every', issueAt(f, 'everyHours'))} inputMode="decimal" value={every} onChange={(e) => setEvery(e.target.value)} />
          </Field>
          <Field id="bk-keep" label="Keep (copies)" error={issueAt(f, 'keep')}>
            <input {...described('bk-keep', issueAt(f, 'keep'))} inputMode="numeric" value={keep} onChange={(e) => setKeep(e.target.value)} />
          </Field>
          <ActionButton channel="backup.settings.save" type="submit" disabled={save.busy} data-testid="backup-save">
            Save
          </ActionButton>
        </div>
        <FormError failure={f} fieldPaths={['folder', 'everyHours', 'keep']} />
      </form>
    </details>
  );
}
