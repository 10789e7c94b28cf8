import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { api, signInAs } from '../../../support/app';
import { drain, pickOrders, restoreBench } from '../../../support/restore';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setNotifyAt } from '../../../../electron/capabilities/shopify/stores';
import type { App } from '../../../../electron/app/create';
import { runtimeOf } from '../../../../electron/capabilities/monitor/runtime';
import { carrierCanLook, emulatedCarrier, registerCarrierApi } from '../../../../electron/capabilities/dispatch/carrier';
import { AFTER_RESTORE, holdRestoredJobs, ruleFor } from '../../../../electron/capabilities/backup/jobs';
import { BackupRunner } from '../../../../electron/capabilities/backup/run';
import { newId } from '../../../../electron/core/ids';
import type { JobRow } from '../../../../db/outbox/reader';
import { carrierApiRules } from '../../../support/setups';

const bench = restoreBench();

/** Every e-mail the console sends a buyer, across the station and its restored copy (by job id: the Message-ID). */
function recordMail(sent: string[]) {
  return (app: App) => {
    runtimeOf(app.ctx).mail = {
      name: 'recording',
      async send(_m, key) {
        sent.push(key);
        return { id: key };
      },
    };
  };
}

/** A webhook receiver that keeps each POST's idempotency key. */
async function receiver() {
  const keys: string[] = [];
  const server = createServer((req, res) => {
    keys.push(String(req.headers['idempotency-key']));
    req.resume();
    req.on('end', () => res.writeHead(200).end('{}'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { keys, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, close: () => new Promise((r) => server.close(r)) };
}

describe('after a restore, every queued job kind reaches the outside world at most once unless a supervisor asks', () => {
  it('sets buyer e-mails and webhooks aside for a supervisor (went / send again); a manifest looks at the carrier first', async () => {
    const station = await bench.station();
    const app = station.app;
    const sent: string[] = [];
    const mail = recordMail(sent);
    mail(app);
    const hook = await receiver();
    try {
      const [tn] = await pickOrders(app, ['#1001']);
      const parcel = app.store.read.parcels.byTracking(tn)!;
      // A manifest closed on a line whose carrier takes manifests electronically: its job is queued.
      await api(app, 'dispatch.rules.save', carrierApiRules(parcel.lineId));
      const m = await api(app, 'dispatch.open', { lineId: parcel.lineId });
      expect(await api(app, 'dispatch.scan', { manifestId: m.id, code: tn })).toMatchObject({ outcome: 'loaded' });
      const closed = await api(app, 'dispatch.close', { manifestId: m.id });
      // A buyer e-mail and a supervisor webhook, queued.
      const now = app.ctx.clock.now();
      const [mailJob, hookJob] = [newId('job', now), newId('job', now)];
      app.store.write('test', now, (emit) => {
        emit({
          type: 'monitor.buyer_contacted',
          subject: parcel.id,
          payload: {
            exceptionId: null,
            parcelId: parcel.id,
            cause: 'stalled',
            to: 'buyer@example.com',
            subject: 'About your parcel',
            body: 'Your parcel is delayed at the carrier.',
            jobs: [
              {
                id: mailJob,
                kind: 'monitor.buyer_email',
                target: 'mail',
                ref: parcel.id,
                payload: { to: 'buyer@example.com', subject: 'About your parcel', body: 'Your parcel is delayed at the carrier.' },
              },
            ],
          },
        });
        const f = { kind: 'printer_down' as const, key: 'printer_down:test', title: 'Printer Zebra down', body: 'Labels wait.', screen: 'devices' };
        emit({
          type: 'notify.raised',
          subject: null,
          payload: {
            ...f,
            jobs: [{ id: hookJob, kind: 'notify.webhook', target: 'webhook:site', ref: null, payload: { url: hook.url, ...f, raisedAt: now.toISOString() } }],
          },
        });
      });
      const backup = await station.backup();
      // After the backup all three go out once: the e-mail, the webhook, the manifest to the carrier.
      await drain(app);
      expect(sent).toEqual([mailJob]);
      expect(hook.keys).toEqual([hookJob]);
      const number = closed.manifest.number!;
      const submitted = () => emulatedCarrier.received.filter((r) => r.number === number).length;
      expect(submitted()).toBe(1);

      const { app: back } = await station.restore(backup);
      mail(back);
      // The outbox drains: nothing reaches a buyer or the webhook again; the manifest is found at the carrier, not sent again.
      await drain(back);
      expect(sent).toEqual([mailJob]);
      expect(hook.keys).toEqual([hookJob]);
      expect(submitted()).toBe(1);
      const status = await api(back, 'backup.status', {});
      // The supervisor sees each message to decide on, with what it says.
      expect(status.heldJobs.map((j) => [j.kind, j.jobId])).toEqual([
        ['monitor.buyer_email', mailJob],
        ['notify.webhook', hookJob],
      ]);
      expect(status.heldJobs[0]).toMatchObject({ what: expect.stringContaining('buyer@example.com'), message: 'Your parcel is delayed at the carrier.' });
      expect(status.heldJobs[1].what).toMatch(/Printer Zebra down/);

      const carrierJob = back.store.read.jobs.list({ kindPrefix: 'carrier.', limit: 5 })[0];
      expect(carrierJob).toMatchObject({ status: 'done', result: expect.objectContaining({ found: true }) });
      expect((await api(back, 'dispatch.manifest', { manifestId: m.id })).manifest.status).toBe('handed_over');

      // A picker cannot answer; a supervisor can.
      await signInAs(back, 'picker');
      await expect(api(back, 'backup.restore.answer', { jobId: mailJob, decision: 'went', note: '' })).rejects.toThrow(/supervisor/i);
      await signInAs(back, 'supervisor');
      expect(await api(back, 'backup.restore.answer', { jobId: mailJob, decision: 'went', note: 'in the sent folder' })).toMatchObject({ status: 'done' });
      expect(await api(back, 'backup.restore.answer', { jobId: hookJob, decision: 'send_again', note: '' })).toMatchObject({ status: 'queued' });
      await expect(api(back, 'backup.restore.answer', { jobId: mailJob, decision: 'send_again', note: '' })).rejects.toThrow(/not waiting/);
      await drain(back);
      // Sent again once, as asked, with the same idempotency key (the receiver can tell it is the same message).
      expect(hook.keys).toEqual([hookJob, hookJob]);
      expect(sent).toEqual([mailJob]);
      expect((await api(back, 'backup.status', {})).heldJobs).toEqual([]);

      // The card names the backup it runs on until a newer one is made.
      expect((await api(back, 'backup.status', {})).restoredFrom).toMatchObject({ file: backup.file });
      await new BackupRunner(back.ctx, back.dir).run('console');
      expect((await api(back, 'backup.status', {})).restoredFrom).toBeNull();
    } finally {
      await hook.close();
    }
  }, 120_000);

  it('a tracking update that e-mails the buyer, sent after the backup, is found in Shopify: the buyer gets one shipping update', async () => {
    const station = await bench.station();
    const app = station.app;
    const storeId = app.store.read.shopify.stores()[0].id;
    setNotifyAt(app.ctx, storeId, 'pick');
    const [tn] = await pickOrders(app, ['#1003']);
    const parcel = app.store.read.parcels.byTracking(tn)!;
    await api(app, 'parcel.relink', { parcelId: parcel.id, reason: 'label unreadable' });
    expect(app.store.read.jobs.forRef(parcel.id).filter((j) => j.kind === 'shopify.tracking_update' && j.status === 'queued')).toHaveLength(1);
    const backup = await station.backup();
    await drain(app);
    const mails = () =>
      (JSON.parse(readFileSync(join(app.dir, 'shopify-emulator', 'demo-store.json'), 'utf8')) as { mails: Array<{ kind?: string; orderName?: string }> }).mails
        .length;
    await station.close(app);
    const sentBefore = mails();
    const { app: back } = await station.restore(backup);
    await drain(back);
    expect(back.store.read.jobs.forRef(parcel.id).find((j) => j.kind === 'shopify.tracking_update')).toMatchObject({
      status: 'done',
      result: expect.objectContaining({ found: true }),
    });
    await station.close(back);
    expect(mails()).toBe(sentBefore);
  }, 120_000);

  it('decides every job kind in one table: CN23 forms wait at the printer like labels; a carrier that cannot be asked is a supervisor question', async () => {
    expect(
      Object.entries(AFTER_RESTORE)
        .filter(([, r]) => r.rule === 'run')
        .map(([k]) => k)
        .sort(),
    ).toEqual(['monitor.poll', 'monitor.register', 'retention.archive']);
    expect(
      Object.entries(AFTER_RESTORE)
        .filter(([, r]) => r.rule === 'ask')
        .map(([k]) => k)
        .sort(),
    ).toEqual(['monitor.buyer_email', 'notify.webhook']);
    const manifest = (lineId: string) => ({ kind: 'carrier.manifest', payload: { lineId } }) as unknown as JobRow;
    expect(ruleFor(manifest('some-line'), carrierCanLook)).toBe('look_first');
    registerCarrierApi('no-lookup-line', { submit: async () => ({ reference: 'X', accepted: [] }) });
    expect(ruleFor(manifest('no-lookup-line'), carrierCanLook)).toBe('ask');

    const { app } = await bench.station();
    const printerId = app.store.read.settings.printers()[0].id;
    const cn23 = newId('job', app.ctx.clock.now());
    const [tn] = await pickOrders(app, ['#1002']);
    const parcelId = app.store.read.parcels.byTracking(tn)!.id;
    // A CN23 still queued in the restored copy (queued the way every job is: by the event that planned it).
    app.store.write('test', app.ctx.clock.now(), (emit) =>
      emit({
        type: 'notify.raised',
        subject: null,
        payload: {
          kind: 'printer_down',
          key: 'vehicle',
          title: 't',
          body: 'b',
          screen: 'devices',
          jobs: [{ id: cn23, kind: 'print.customs_form', target: `printer:${printerId}`, ref: parcelId, payload: { parcelId, printerId } }],
        },
      }),
    );
    app.store.meta.set('restore_jobs_unchecked', '1');
    const held = holdRestoredJobs(app.ctx, carrierCanLook)!;
    expect(held.setAside).toEqual([cn23]);
    expect(app.store.read.jobs.get(cn23)).toMatchObject({ status: 'queued', target: `printer:${printerId}:aside`, attempts: 0 });
    expect((await api(app, 'print.jobs', {})).find((j) => j.id === cn23)?.status).toBe('printed?');
  }, 120_000);
});
