import { describe, expect, it } from 'vitest';
import { api } from '../../../support/app';
import { drain, labelFiles, restoreBench, scanOrder as scan, shopifyFulfillments } from '../../../support/restore';
import { sqliteOf } from '../../../../db/core/handle';

const bench = restoreBench();

describe('after a restore, jobs done after the backup are never done twice, and none is lost', () => {
  it('a fulfillment created after the backup is found in Shopify, not created again; its label waits for a person; later work is still done once', async () => {
    const station = await bench.station();
    const app = station.app;
    // #1001 is picked; its label and its Shopify fulfillment are still queued when the backup is taken.
    const first = await scan(app, '#1001');
    const backup = await station.backup();
    // After the backup the outbox sends them (label printed, fulfillment in Shopify), and #1002 is picked.
    await drain(app);
    const second = await scan(app, '#1002');
    await drain(app);
    await station.close(app);
    expect(shopifyFulfillments(app.dir).get('#1001')).toEqual([[first]]);
    const printedBefore = labelFiles(app.dir);
    expect(printedBefore.filter((l) => l.includes(first))).toHaveLength(1);
    expect(printedBefore.filter((l) => l.includes(second))).toHaveLength(1);

    // The PC's database is restored from the backup (same PC, same Shopify), and the station restarts.
    const { app: back } = await station.restore(backup);
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
    await station.close(back);
    const after = shopifyFulfillments(back.dir);
    expect(after.get('#1001')).toEqual([[first]]);
    expect(after.get('#1002')).toEqual([[second]]);
  }, 120_000);
});
