import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, startConsole, type ConsoleProcess } from './console';
import { PickPage } from './pages/PickPage';
import { ExceptionsPage } from './pages/ExceptionsPage';
import { buildDemoOrders } from '../../electron/capabilities/demo/seed';

const START = '2026-11-23T01:00:00.000Z'; // Monday 09:00 at the demo warehouse
const H = 3_600_000;

let app: ConsoleProcess;
test.afterEach(async () => app?.stop());

test('an express parcel past its first-scan window: the message promises no past date; delivered straight from no scan closes the exception', async ({
  page,
}) => {
  app = await startConsole(mkdtempSync(join(tmpdir(), 'fs-e2e-exc-')), ['--test-clock', START]);
  const order = buildDemoOrders(200, new Date(START)).find((o) => o.lineId === 'express-dhl')!.name;
  const pick = new PickPage(page);
  await pick.open(app.url);
  await pick.scan(order);
  await pick.expectTone('pass');
  const tracking = (await pick.title().textContent())!.trim();
  // The dispatch lead hands it to DHL (the dispatch e2e walks this screen).
  const m = await app.call<{ id: string }>('dispatch.open', { lineId: 'express-dhl' });
  await app.call('dispatch.scan', { manifestId: m.id, code: tracking });
  const closed = await app.call<{ manifest: { number: string } }>('dispatch.close', { manifestId: m.id });
  await app.call('dispatch.handover', { code: closed.manifest.number, driver: 'Li Wei', via: 'lead_confirm' });

  // 80 h later, no scan: past the express window (72 h).
  const info = await app.call<{ now: string }>('app.info', {});
  await app.call('clock.set', { at: new Date(Date.parse(info.now) + 80 * H).toISOString(), running: true });
  const q = new ExceptionsPage(page);
  await q.open();
  await q.checkNow();
  await expect(q.row(order)).toHaveAttribute('data-cause', 'no_first_scan');
  await q.row(order).click();
  const body = q.detail().getByTestId('contact-body');
  await expect(body).toHaveValue(/is taking longer than that\. We have asked DHL Express to check it and will write to you again by \w{3} \d{1,2} \w{3}\./);
  await expect(body).not.toHaveValue(/we expect it by/);
  await page.screenshot({ path: 'test-results/exception-express-late.png' });

  // One poll: delivered, no scan before. The exception closes by itself.
  await app.call('monitor.demo.scan', { query: tracking, status: 'delivered', hoursAgo: 1 });
  await expect
    .poll(async () => (await app.call<{ scans: Array<{ status: string }> }>('monitor.parcel', { id: tracking })).scans.map((s) => s.status), {
      timeout: 20_000,
    })
    .toContain('delivered');
  await q.checkNow();
  await expect(q.row(order)).toHaveCount(0);
  const resolved = await app.call<{ rows: Array<{ orderName: string; resolution: string; reason: string }> }>('monitor.queue', { status: 'resolved' });
  expect(resolved.rows.find((r) => r.orderName === order)).toMatchObject({ resolution: 'cleared', reason: 'the carrier delivered the parcel' });
});
