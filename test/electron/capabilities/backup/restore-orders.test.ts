import { describe, expect, it } from 'vitest';
import { api, signInAs } from '../../../support/app';
import { pickOrders as pick, restoreBench } from '../../../support/restore';

const bench = restoreBench();

describe('after a restore, orders picked after the backup do not look open again', () => {
  it('holds each order Shopify shows fulfilled (or a label shows picked) after the backup; a picker cannot pick it; a supervisor checks it', async () => {
    const station = await bench.station();
    await pick(station.app, ['#1001', '#1002']);
    const backup = await station.backup();
    // After the backup: three orders picked, their labels printed and their fulfillments in Shopify.
    const after = await pick(station.app, ['#1003', '#1004', '#1005']);

    const { app: back } = await station.restore(backup);
    // The restored database has them open again; the check names them with where they were seen.
    expect((await api(back, 'parcels.list', { limit: 50 })).rows).toHaveLength(2);
    const check = await api(back, 'backup.restore.check', {});
    expect(check.pickedAfter.map((o) => o.orderName)).toEqual(['#1003', '#1004', '#1005']);
    for (const [i, o] of check.pickedAfter.entries()) {
      expect(o.numbers).toEqual([after[i]]);
      expect(o.seenIn.sort()).toEqual(['labels', 'shopify']);
      expect(o.fulfilled).toBe(true);
    }
    // #1006 was never picked: it stays open.
    const done = await api(back, 'backup.restore.confirm', { confirmGap: true });
    expect(done.pickedAfter).toHaveLength(3);
    const status = await api(back, 'backup.status', {});
    expect(status.heldOrders.map((o) => o.orderName)).toEqual(['#1003', '#1004', '#1005']);

    // A picker scans a held order: refused, saying why and who releases it; nothing is issued.
    await signInAs(back, 'picker');
    const refused = await api(back, 'pick.scan', { code: '#1003' });
    expect(refused).toMatchObject({ outcome: 'refused', code: 'on_hold' });
    expect(refused.outcome === 'refused' && refused.message).toMatch(
      /picked after the last backup: check before re-picking \(fulfilled in Shopify, a label printed: /,
    );
    expect(refused.outcome === 'refused' && refused.next).toMatch(/supervisor releases it/);
    await expect(api(back, 'backup.restore.release', { orderId: check.pickedAfter[0].orderId, decision: 'pick_again', note: '' })).rejects.toThrow(
      /supervisor/i,
    );
    const fresh = await pick(back, ['#1006']);

    // #1005's parcel (picked after the backup) reaches Dispatch: not "unknown parcel", but what to do with it.
    const lineOf = (orderId: string) => back.store.read.orders.get(orderId)!.lineId!;
    await signInAs(back, 'dispatch');
    const m = await api(back, 'dispatch.open', { lineId: lineOf(check.pickedAfter[2].orderId) });
    const atDispatch = await api(back, 'dispatch.scan', { manifestId: m.id, code: after[2] });
    expect(atDispatch).toMatchObject({ outcome: 'refused', code: 'held_after_restore', belongsTo: '#1005' });
    expect(atDispatch.outcome === 'refused' && atDispatch.message).toMatch(/HELD AFTER A RESTORE: .* order #1005, picked after the last backup/);
    expect(atDispatch.outcome === 'refused' && atDispatch.next).toMatch(/put the parcel aside .*F7 Devices → Backup/);
    // The same label scanned at Pick (where labels are rescanned for a reprint) gets the same verdict.
    const atPick = await api(back, 'pick.scan', { code: after[2] });
    expect(atPick).toMatchObject({ outcome: 'refused', code: 'held_after_restore' });
    expect(atPick.outcome === 'refused' && atPick.next).toMatch(/F7 Devices → Backup/);
    expect(after).not.toContain(fresh[0]);

    // The supervisor checks them: #1003 was shipped (it stays closed), #1004's parcel never left (picked again).
    await signInAs(back, 'supervisor');
    expect(
      await api(back, 'backup.restore.release', { orderId: check.pickedAfter[0].orderId, decision: 'shipped', note: 'on the 14:00 manifest' }),
    ).toMatchObject({
      status: 'shipped',
    });
    expect(await api(back, 'pick.scan', { code: '#1003' })).toMatchObject({ outcome: 'refused', code: 'shipped' });
    await api(back, 'backup.restore.release', { orderId: check.pickedAfter[1].orderId, decision: 'pick_again', note: '' });
    const again = await api(back, 'pick.scan', { code: '#1004' });
    expect(again.outcome).toBe('issued');
    // #1004's old label, picked again with a new number, is not loaded either.
    const old = await api(back, 'dispatch.scan', {
      manifestId: (await api(back, 'dispatch.open', { lineId: lineOf(check.pickedAfter[1].orderId) })).id,
      code: after[1],
    });
    expect(old).toMatchObject({ outcome: 'refused', code: 'held_after_restore' });
    expect(old.outcome === 'refused' && old.message).toMatch(/OLD LABEL/);
    expect(again.outcome === 'issued' && [...after, ...fresh]).not.toContain(again.outcome === 'issued' ? again.parcel.trackingNumber : '');
    expect((await api(back, 'backup.status', {})).heldOrders.map((o) => o.orderName)).toEqual(['#1005']);
  }, 120_000);
});
