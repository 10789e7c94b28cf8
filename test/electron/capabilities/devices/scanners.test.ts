import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../../support/app';
import { capabilities } from '../../../../electron/app/capabilities';
import { scannersCapabilityWith } from '../../../../electron/capabilities/devices/handlers';
import { FakeScannerSource } from '../../../../native/scanners/fake-source';
import { hidPosReports } from '../../../../native/scanners/hid-pos';
import { GS } from '../../../../native/scanners/gs1';

type App = Awaited<ReturnType<typeof demoApp>>;
let app: App | undefined;
afterEach(async () => app?.dispose());

const dev = { key: 'hid:0c2e:0b61:S1', path: '/dev/hidraw0', name: 'POS scanner', vendorId: 0x0c2e, productId: 0x0b61, serialNumber: 'S1' };

async function start() {
  const source = new FakeScannerSource('hid');
  const caps = capabilities.map((c) => (c.name === 'scanners' ? scannersCapabilityWith({ sources: () => [source], pollMs: 60_000 }) : c));
  app = await demoApp({ runJobs: false, demoOrders: 20, capabilities: caps });
  const pushes: Array<{ name: string; data: { code: string; role: string; device: string } }> = [];
  app.pushes.on('push', (name, data) => pushes.push({ name, data }));
  return { source, pushes };
}

describe('HID scanners in the console', () => {
  it('a HID scan reaches the screens as a scanner.scan push, and that code picks like a wedge scan', async () => {
    const { source, pushes } = await start();
    source.plug(dev);
    expect(await api(app!, 'scanners.list', {})).toEqual([expect.objectContaining({ key: dev.key, state: 'ready', role: 'pick' })]);

    hidPosReports('#1001', ']C0').forEach((r) => source.send(dev.key, r));
    const scan = pushes.find((p) => p.name === 'scanner.scan')!;
    expect(scan.data).toMatchObject({ code: '#1001', role: 'pick', device: dev.key });
    expect((await api(app!, 'pick.scan', { code: scan.data.code })).outcome).toBe('issued');
    expect((await api(app!, 'scanners.list', {}))[0].lastScan).toMatchObject({ code: '#1001' });
  });

  it('a role set on the Devices screen is kept and travels with the scans', async () => {
    const { source, pushes } = await start();
    source.plug(dev);
    expect((await api(app!, 'scanners.list', {})).length).toBe(1);
    expect(await api(app!, 'scanners.configure', { key: dev.key, role: 'dispatch', name: 'Dock scanner' })).toMatchObject({
      role: 'dispatch',
      name: 'Dock scanner',
      state: 'ready',
    });
    hidPosReports('ABC-1').forEach((r) => source.send(dev.key, r));
    expect(pushes.filter((p) => p.name === 'scanner.scan').map((p) => p.data.role)).toEqual(['dispatch']);
  });

  it('a GS1 item code resolves to the order whose item carries that GTIN', async () => {
    await start();
    const order = app!.store.read.orders.list({ status: 'open', limit: 5 })[0];
    const ean = app!.store.read.orders.items(order.id)[0].barcode!;
    const r = await api(app!, 'pick.scan', { code: `010${ean}10LOT7${GS}21SER9` });
    expect(r.outcome === 'issued' && r.parcel.orderName).toBe(order.name);
  });
});
