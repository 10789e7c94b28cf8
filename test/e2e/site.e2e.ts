import type { Page } from '@playwright/test';
import type { Output } from '../../electron/contract/channels';
import { test, expect } from './console';
import { PickPage } from './pages/PickPage';
import { SitePage } from './pages/SitePage';

test('F10 opens the Site screen; a console on its own says how to join a site', async ({ page, console: app }) => {
  await new PickPage(page).open(app.url);
  // The console's own F10 handler must keep the browser from taking the key (menu bar focus).
  await page.evaluate(() => {
    window.addEventListener('keydown', (e) => {
      if (e.key === 'F10') document.body.dataset.f10Prevented = String(e.defaultPrevented);
    });
  });
  const site = new SitePage(page);
  await site.open();
  await expect(page.locator('body')).toHaveAttribute('data-f10-prevented', 'true');
  await expect(page.getByRole('button', { name: /^Site/ })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('site')).toHaveAttribute('data-mode', 'single');
  await expect(site.single()).toContainText('This console works alone');
  await expect(page.getByTestId('site-cmd-server')).toHaveText('npm run cli -- site server --dir <dir> --port <n>');
  await expect(page.getByTestId('site-cmd-join')).toHaveText('npm run cli -- site join <code> --data <this console’s data dir>');
  await expect(site.single()).toContainText('Restart this console');
  await expectNoPageScroll(page);
  await page.screenshot({ path: 'test-results/site.png' });
});

// Site mode needs a PostgreSQL site server and joined stations (covered by the replication tests); here
// the page's site.* answers are given by the test, to check what the screen makes of them.
test('site mode: a station off the server says what to do, silent stations stand out, a conflict is settled by keyboard', async ({ page, console: app }) => {
  const now = '2025-03-04T06:30:00.000Z';
  const ago = (s: number) => new Date(Date.parse(now) - s * 1000).toISOString();
  type Conflict = Output<'site.conflicts'>[number];
  const conflict = (kind: string, subject: string, stations: string[], detail: string): Conflict => ({
    id: `${kind}:${subject}`,
    kind,
    subject,
    detail,
    eventIds: ['evt_1', 'evt_2'],
    stations,
    openedAt: ago(600),
    status: 'open' as const,
    settledAt: null,
    settledBy: null,
    resolution: null,
  });
  let conflicts = [
    conflict(
      'order_picked_twice',
      'ord_1042',
      ['st_a', 'st_b'],
      'Order ord_1042 was picked at 2 stations while they were apart. Keep one parcel, void the other and put its items back.',
    ),
    conflict(
      'parcel_on_two_manifests',
      'par_9',
      ['st_b', 'st_c'],
      'Parcel par_9 was loaded on manifest man_1 and on man_2 while the stations were apart. Find the parcel, keep it on the manifest whose cage it is in.',
    ),
  ];
  const station = (id: string, name: string, seenAgoS: number, outbox: number) => ({
    station: id,
    name,
    pushedSeq: 120,
    pulledServerSeq: 300,
    outboxDepth: outbox,
    lagMs: 380,
    version: '0.1.0',
    lastPushAt: ago(seenAgoS),
    lastPullAt: ago(seenAgoS),
    lastSeenAt: ago(seenAgoS),
  });
  const status = (): Output<'site.status'> => ({
    mode: 'site',
    station: 'st_a',
    siteId: 'site_north',
    connected: false,
    error: 'connect ECONNREFUSED 10.0.0.5:5433',
    lastPushAt: ago(48),
    lastPullAt: ago(47),
    lagMs: 420,
    unpushed: 37,
    pulledServerSeq: 300,
    applied: 300,
    replayed: 0,
    rebuilds: 0,
    duties: ['monitor'],
    clockOffsetMs: 0,
    blocks: [{ rangeId: 'pool:postal-s10', remaining: 480, blocks: 2 }],
    stations: [station('st_a', 'Pick 1', 48, 37), station('st_b', 'Pick 2', 4, 0), station('st_c', 'Dispatch desk', 180, 12)],
    openConflicts: conflicts.filter((c) => c.status === 'open').length,
    now,
  });
  const settles: unknown[] = [];
  await page.route('**/api/site.status', (r) => r.fulfill({ json: status() }));
  await page.route('**/api/site.conflicts', (r) => {
    const all = (r.request().postDataJSON() as { status: string }).status === 'all';
    return r.fulfill({ json: all ? conflicts : conflicts.filter((c) => c.status === 'open') });
  });
  await page.route('**/api/site.settle', (r) => {
    const body = r.request().postDataJSON() as { conflictId: string; resolution: string; note: string };
    settles.push(body);
    if (body.resolution === 'too late')
      return r.fulfill({ status: 409, json: { error: { code: 'CONFLICT', message: 'Already settled by dispatch: kept on man_2. Reload the list.' } } });
    conflicts = conflicts.map((c) =>
      c.id === body.conflictId ? { ...c, status: 'settled' as const, settledAt: now, settledBy: 'picker', resolution: `${body.resolution}: ${body.note}` } : c,
    );
    return r.fulfill({ json: conflicts.find((c) => c.id === body.conflictId) });
  });

  await new PickPage(page).open(app.url);
  const site = new SitePage(page);
  await site.open();
  await expect(page.getByTestId('site')).toHaveAttribute('data-mode', 'site');
  await expect(site.link()).toHaveAttribute('data-connected', 'false');
  await expect(page.getByTestId('site-link-error')).toContainText('ECONNREFUSED');
  await expect(page.getByTestId('site-link-error')).toContainText(
    'Check the network cable and the site server. Picking continues on the numbers in hand (480 left)',
  );
  await expect(page.getByTestId('site-last-push')).toHaveText('14:29 (48 s ago)'); // Asia/Shanghai, the demo warehouse
  await expect(page.getByTestId('site-unpushed')).toHaveText('37 events');
  await expect(page.getByTestId('site-duties')).toHaveText('Parcel monitor pass');
  await expect(page.getByTestId('site-blocks')).toContainText('480');
  await expect(site.station('st_b')).toHaveAttribute('data-connected', 'true');
  await expect(site.station('st_c')).toHaveAttribute('data-connected', 'false');
  await expect(site.station('st_c')).toContainText('Silent');
  await expect(site.station('st_a')).toContainText('this one');
  await expect(site.conflicts()).toHaveCount(2);
  await expect(site.conflicts().first()).toContainText('Order picked twice');
  await expectNoPageScroll(page);
  await page.screenshot({ path: 'test-results/site-mode.png' });

  // Down to the second conflict, Enter: an empty settlement is refused next to the field.
  await site.choose(1);
  await expect(site.selected()).toHaveAttribute('data-id', 'parcel_on_two_manifests:par_9');
  await expect(page.getByTestId('site-detail')).toContainText('keep it on the manifest whose cage it is in');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('site-resolution-error')).toContainText('Say what was done');
  expect(settles).toHaveLength(0);
  await page.screenshot({ path: 'test-results/site-refused.png' });

  // A refusal from the console shows its message, which says what to do.
  await site.settle('too late');
  await expect(page.getByTestId('site-settle-error')).toContainText('Already settled by dispatch');
  await page.getByTestId('site-resolution').fill('');
  settles.length = 0;

  await site.settle('kept it on man_1, unloaded from man_2', 'cage 3');
  await expect(page.getByTestId('site-notice')).toContainText('Settled: Parcel on two manifests par_9');
  expect(settles).toEqual([{ conflictId: 'parcel_on_two_manifests:par_9', resolution: 'kept it on man_1, unloaded from man_2', note: 'cage 3' }]);
  await expect(site.conflicts()).toHaveCount(1);

  // Settled ones come back with the toggle, with what was done.
  await page.getByTestId('site-show-settled').check();
  await expect(site.conflicts()).toHaveCount(2);
  await expect(page.locator('[data-testid="site-conflict-row"][data-status="settled"]')).toContainText(
    'Settled: kept it on man_1, unloaded from man_2: cage 3',
  );
  await expectNoPageScroll(page);
  await page.screenshot({ path: 'test-results/site-settled.png' });
});

async function expectNoPageScroll(page: Page) {
  const { sh, ch, sw, cw } = await page.evaluate(() => ({
    sh: document.documentElement.scrollHeight,
    ch: window.innerHeight,
    sw: document.documentElement.scrollWidth,
    cw: window.innerWidth,
  }));
  expect(sh).toBeLessThanOrEqual(ch);
  expect(sw).toBeLessThanOrEqual(cw);
}
