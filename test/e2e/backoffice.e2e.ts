import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startConsole, type ConsoleProcess } from './console';
import { PickPage } from './pages/PickPage';
import { DispatchPage } from './pages/DispatchPage';
import { ACTIVITY_START, generateActivity } from '../support/activity';

const SHOTS = process.env.E2E_SHOTS ?? '';
const shot = async (page: import('@playwright/test').Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
};

/** Two weeks of picks, handovers and carrier scans over HTTP, on the console's test clock. */
async function twoWeeks(app: ConsoleProcess) {
  await generateActivity(
    {
      call: (channel, input) => app.call(channel, input),
      setClock: async (ms) => void (await app.call('clock.set', { at: new Date(ms).toISOString() })),
      settle: () => new Promise((r) => setTimeout(r, 120)),
    },
    14,
    4,
  );
  await app.call('clock.set', { at: new Date(ACTIVITY_START + 14 * 24 * 3_600_000).toISOString() });
}

test('the supervisor’s back office: a backup with its progress, the self-assessment and its PDF, the store’s tracking page, then a restore that waits for the numbers', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'fs-e2e-back-'));
  const folder = mkdtempSync(join(tmpdir(), 'fs-e2e-backups-'));
  let app = await startConsole(dir, ['--test-clock', new Date(ACTIVITY_START).toISOString()]);
  try {
    await twoWeeks(app);
    const pick = new PickPage(page);
    await pick.open(app.url);

    // F7 Devices → Backup: choose the folder, back up now, the last good backup shows.
    await page.keyboard.press('F7');
    const backup = page.getByTestId('backup');
    await expect(backup.getByTestId('backup-last-good')).toContainText('No good backup yet');
    await backup.locator('#bk-folder').fill(folder);
    await backup.getByTestId('backup-save').click();
    await expect(backup.getByTestId('backup-next')).toContainText('Next scheduled backup');
    // A buyer e-mail still queued when the backup is taken (the mail transport is down: the demo's mailbox
    // folder is blocked by a file), so after a restore nobody can tell whether it went.
    writeFileSync(join(dir, 'fake-mail'), 'not a folder');
    const [someParcel] = (await app.call<{ rows: Array<{ id: string }> }>('parcels.list', { limit: 1 })).rows;
    await app.call('monitor.contact', { parcelId: someParcel.id, subject: 'About your parcel', body: 'Your parcel is on its way; it is late at the carrier.' });
    await backup.getByTestId('backup-now').click();
    await expect(backup.getByTestId('backup-last-good')).toContainText('checked', { timeout: 30_000 });
    await expect(backup.getByTestId('backup-last-good')).toHaveAttribute('data-fresh', 'yes');
    await shot(page, 'devices-backup');

    // F6 Supervisor → Self-assessment: eight answers with figures, sources and marks; the PDF.
    await page.keyboard.press('F6');
    await page.getByTestId('sup-assessment').click();
    const report = page.getByTestId('assessment');
    await report.getByTestId('assessment-from').fill('2026-11-23');
    await report.getByTestId('assessment-to').fill('2026-12-06');
    await report.getByRole('button', { name: 'Show' }).click();
    await expect(report.getByTestId('assessment-answer')).toHaveCount(8);
    await expect(report.getByTestId('assessment-summary')).toContainText('2026-11-23 to 2026-12-06');
    await expect(report.getByTestId('assessment-answer').first()).toContainText('At pick:');
    await shot(page, 'supervisor-assessment');
    await report.getByTestId('assessment-pdf').click();
    await expect(report.getByTestId('assessment-pdf-link')).toContainText('tracking-self-assessment-2026-11-23-2026-12-06.pdf');

    // F4 Sync → the store's tracking page.
    await page.keyboard.press('F4');
    const tp = page.getByTestId('tracking-page');
    await tp.locator('summary').click();
    await tp.getByTestId('tracking-page-template').fill('https://track.example');
    await tp.getByTestId('tracking-page-save').click();
    await expect(tp.getByRole('alert')).toContainText('{number}');
    await tp.getByTestId('tracking-page-template').fill('https://demo-store.example/apps/track?n={number}');
    await tp.getByTestId('tracking-page-shopify').check();
    await tp.getByTestId('tracking-page-save').click();
    await expect(tp.locator('summary')).toContainText('https://demo-store.example/apps/track?n={number}');
    await shot(page, 'sync-tracking-page');

    // Restore: look inside the backup, stage it, restart the station.
    await page.keyboard.press('F7');
    await backup.locator('.backup-restore summary').click();
    await backup.getByTestId('backup-list').getByRole('button').first().click();
    await expect(backup.getByTestId('restore-preview')).toContainText('parcels');
    // The archive file (old parcels' scans) was backed up beside it and is restored with it.
    await expect(backup.getByTestId('restore-preview-archive')).toContainText(/Archive beside it: firstscan-.*-archive\.db, \d+ rows of old parcels, checked/);
    await shot(page, 'devices-restore-preview');
    await backup.getByTestId('restore-stage').click();
    await expect(backup.getByTestId('restore-staged')).toContainText('restart Firstscan');
    // Picked after the backup: a number the restored station must never issue again.
    await page.keyboard.press('F1');
    const after = await app.call<{ outcome: string; parcel: { trackingNumber: string; lineId: string } }>('pick.scan', { code: '#1140' });
    expect(after.outcome).toBe('issued');
    await new Promise((r) => setTimeout(r, 1500));
    await app.stop();

    app = await startConsole(dir, ['--test-clock', new Date(ACTIVITY_START + 14 * 24 * 3_600_000).toISOString()]);
    await pick.open(app.url);
    await pick.scan('#1141');
    await pick.expectTone('fail');
    await expect(page.getByTestId('scan-panel')).toContainText('supervisor');
    await shot(page, 'pick-restore-refused');
    await page.keyboard.press('F7');
    const confirm = page.getByTestId('restore-confirm');
    await expect(confirm.getByTestId('restore-ranges')).toContainText(after.parcel.trackingNumber, { timeout: 30_000 });
    await shot(page, 'devices-restore-confirm');
    // #1140 was picked after the backup: the confirmation names it (its label was printed), and holds it.
    await expect(confirm.getByTestId('restore-picked-after')).toContainText('#1140');
    await confirm.getByTestId('restore-sure').check();
    await confirm.getByTestId('restore-confirm-btn').click();
    await expect(page.getByTestId('restore-confirm')).toHaveCount(0);
    const held = page.getByTestId('restore-held');
    await expect(held.getByTestId('restore-held-row')).toContainText(['#1140']);
    await expect(held.getByTestId('restore-held-row')).toContainText(after.parcel.trackingNumber);
    // The e-mail queued in the backup waits for the supervisor, with its message; the card names the backup it runs on.
    const heldJobs = page.getByTestId('restore-held-jobs');
    await expect(heldJobs.getByTestId('restore-held-job')).toContainText('About your parcel');
    await expect(heldJobs.getByTestId('restore-held-job')).toContainText('late at the carrier');
    await expect(backup.getByTestId('backup-last-good')).toContainText('Restored from');
    await expect(backup.getByTestId('backup-restored-next')).toContainText('Next backup');
    await shot(page, 'devices-restore-held');

    // #1140's parcel reaches Dispatch: its own verdict (held after a restore, put it aside, where the supervisor decides).
    const dispatch = new DispatchPage(page);
    await dispatch.open();
    await dispatch.openManifest(after.parcel.lineId);
    await dispatch.scan(after.parcel.trackingNumber);
    await dispatch.expectVerdict('held_after_restore', 'HELD AFTER A RESTORE');
    await expect(dispatch.verdict()).toHaveAttribute('data-tone', 'held');
    await expect(dispatch.verdict()).toContainText('F7 Devices → Backup');
    expect(await dispatch.lastSound()).toBe('held');
    await shot(page, 'dispatch-held-after-restore');

    await page.keyboard.press('F7');
    await heldJobs.getByRole('button', { name: /It went/ }).click();
    await expect(page.getByTestId('restore-held-jobs')).toHaveCount(0);
    rmSync(join(dir, 'fake-mail'), { force: true });
    await page.keyboard.press('F1');
    await pick.scan('#1140');
    await pick.expectTone('fail');
    await expect(page.getByTestId('scan-panel')).toContainText('picked after the last backup');
    await page.keyboard.press('F7');
    await held.getByRole('button', { name: 'It was shipped' }).click();
    await expect(page.getByTestId('restore-held')).toHaveCount(0);
    await page.keyboard.press('F1');
    await pick.scan('#1141');
    await pick.expectTone('pass');
    const fresh = (await pick.title().textContent())!.trim();
    expect(fresh).not.toBe(after.parcel.trackingNumber);
  } finally {
    await app.stop();
  }
});
