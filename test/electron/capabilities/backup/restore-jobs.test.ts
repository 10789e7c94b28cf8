import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { api, demoApp, tempDir } from '../../../support/app';
import type { App } from '../../../../electron/app/create';
import { BackupRunner } from '../../../../electron/capabilities/backup/run';
import { stageRestore } from '../../../../electron/capabilities/backup/restore';
import { sqliteOf } from '../../../../db/core/handle';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function drain(app: App) {
  for (let i = 0; i < 100; i++) {
    const started = app.runner.pass();
    await app.runner.idle();
    if (!started) break;
  }
}

async function scan(app: App, code: string): Promise<string> {
  const r = await api(app, 'pick.scan', { code });
  if (r.outcome !== 'issued') throw new Error(`${code}: ${r.outcome} ${'message' in r ? r.message : ''}`);
  return r.parcel.trackingNumber;
}

/** What the emulated store holds: fulfillments per order name (not cancelled), with their numbers. */
function shopifyFulfillments(dataDir: string): Map<string, string[][]> {
  const state = JSON.parse(readFileSync(join(dataDir, 'shopify-emulator', 'demo-store.json'), 'utf8')) as {
    orders: Array<{ id: number; name: string }>;
    fulfillments: Array<{ orderId: number; status: string; trackingInfo: Array<{ number: string | null }> }>;
  };
  const out = new Map<string, string[][]>();
  for (const f of state.fulfillments) {
    if (f.status === 'CANCELLED') continue;
    const name = state.orders.find((o) => o.id === f.orderId)!.name;
    out.set(name, [...(out.get(name) ?? []), f.trackingInfo.map((t) => t.number!)]);
  }
  return out;
}

const labelFiles = (dataDir: string) => readdirSync(join(dataDir, 'fake-printer')).map((f) => readFileSync(join(dataDir, 'fake-printer', f), 'latin1'));

describe('after a restore, jobs done after the backup are never done twice, and none is lost', () => {
  it('a fulfillment created after the backup is found in Shopify, not created again; its label waits for a person; later work is still done once', async () => {
    const folder = tempDir('fs-backups-');
    const app = await demoApp({ runJobs: false, demoOrders: 30, demoShopify: true });
    cleanup.push(
      () => rmSync(folder, { recursive: true, force: true }),
      () => rmSync(app.dir, { recursive: true, force: true }),
    );
    await api(app, 'backup.settings.save', { folder, everyHours: 4, keep: 5 });
    // #1001 is picked; its label and its Shopify fulfillment are still queued when the backup is taken.
    const first = await scan(app, '#1001');
    const backup = await new BackupRunner(app.ctx, app.dir).run('console');
    // After the backup the outbox sends them (label printed, fulfillment in Shopify), and #1002 is picked.
    await drain(app);
    const second = await scan(app, '#1002');
    await drain(app);
    await app.close();
    expect(shopifyFulfillments(app.dir).get('#1001')).toEqual([[first]]);
    const printedBefore = labelFiles(app.dir);
    expect(printedBefore.filter((l) => l.includes(first))).toHaveLength(1);
    expect(printedBefore.filter((l) => l.includes(second))).toHaveLength(1);

    // The PC's database is restored from the backup (same PC, same Shopify), and the station restarts.
    stageRestore(app.dir, join(folder, backup.file), new Date());
    const back = await demoApp({ dataDir: app.dir, runJobs: false, demoOrders: 30, demoShopify: true });
    let closed = false;
    cleanup.push(() => (closed ? undefined : back.close()));
    const db = sqliteOf(back.store);
    const jobs = db
      .prepare('SELECT kind, target, attempts, status FROM jobs WHERE ref = (SELECT id FROM parcels WHERE tracking_number = ?) ORDER BY kind')
      .all(first) as Array<{
      kind: string;
      target: string;
      attempts: number;
      status: string;
    }>;
    // Both jobs of #1001 came back queued with the copy: the label is set aside for a person, the Shopify job looks first.
    expect(jobs.find((j) => j.kind === 'print.label')).toMatchObject({ status: 'queued', target: expect.stringMatching(/:aside$/) });
    expect(jobs.find((j) => j.kind === 'shopify.fulfillment_create')).toMatchObject({ status: 'queued', attempts: 1 });
    const held = await api(back, 'print.jobs', {});
    expect(held.find((j) => j.tracking === first)?.status).toBe('printed?');
    const timeline = db.prepare("SELECT payload FROM events WHERE type = 'backup.jobs_held'").all() as Array<{ payload: string }>;
    expect(timeline).toHaveLength(1);

    // The outbox drains: the fulfillment is found in Shopify by its tracking number, not created twice; no label prints.
    await drain(back);
    const create = db
      .prepare("SELECT status, result FROM jobs WHERE kind = 'shopify.fulfillment_create' AND ref = (SELECT id FROM parcels WHERE tracking_number = ?)")
      .get(first) as {
      status: string;
      result: string;
    };
    expect(create.status).toBe('done');
    expect(JSON.parse(create.result)).toMatchObject({ found: true });
    expect(labelFiles(back.dir)).toHaveLength(printedBefore.length);

    // A person looked at the printer: it printed. Nothing is printed again.
    const heldJob = (await api(back, 'print.jobs', {})).find((j) => j.tracking === first)!;
    await api(back, 'print.confirm', { jobId: heldJob.id, printed: true });
    await drain(back);
    expect(labelFiles(back.dir)).toHaveLength(printedBefore.length);
    await back.close();
    closed = true;
    const after = shopifyFulfillments(back.dir);
    expect(after.get('#1001')).toEqual([[first]]);
    expect(after.get('#1002')).toEqual([[second]]);
  }, 120_000);
});
