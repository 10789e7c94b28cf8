import { afterEach, describe, expect, it } from 'vitest';
import { SerialPortMock } from 'serialport';
import { SerialFramer, defaultSerialSettings, serialSource } from '../../../native/scanners/serial';
import { ScannerHub, type HubScan } from '../../../native/scanners/hub';

// serialport's own mock binding (@serialport/binding-mock), reached through serialport's typed export.
const MockBinding = SerialPortMock.binding;
afterEach(() => MockBinding.reset());

describe('serial scanners', () => {
  it('cuts codes on the configured suffix, across chunk boundaries, and strips prefix and AIM id', () => {
    const f = new SerialFramer({ ...defaultSerialSettings, suffix: 'CRLF', prefix: '~' });
    expect(f.feed(Buffer.from('~]C1ABC'), 0)).toEqual([]);
    expect(f.feed(Buffer.from('123\r\n~XYZ9\r'), 1)).toEqual([{ code: 'ABC123', symbology: 'GS1-128' }, { code: 'XYZ9' }]);
    expect(f.feed(Buffer.from('\n'), 2)).toEqual([]);
  });

  it('without a suffix a pause ends the code', () => {
    const f = new SerialFramer({ ...defaultSerialSettings, suffix: 'none', idleMs: 50 });
    f.feed(Buffer.from('PART'), 0);
    f.feed(Buffer.from('-2'), 10);
    expect(f.tick(40)).toBeUndefined();
    expect(f.tick(61)).toEqual({ code: 'PART-2' });
  });

  it('a configured port opens through serialport with its settings and delivers scans (mock binding)', async () => {
    MockBinding.createPort('/dev/ttyACM0', { echo: false, record: true, manufacturer: 'Scanner Inc', vendorId: '05e0', productId: '1200' });
    const source = serialSource(MockBinding as never);
    const [port] = await source.list();
    expect(port).toMatchObject({ kind: 'serial', path: '/dev/ttyACM0' });
    const scans: HubScan[] = [];
    const hub = new ScannerHub(
      [source],
      (k) => (k === port.key ? { role: 'pick', serial: { baudRate: 115200, suffix: 'CR' } } : undefined),
      (s) => scans.push(s),
      { pollMs: 60_000 },
    );
    await hub.poll();
    expect(hub.list()[0]).toMatchObject({ state: 'ready', kind: 'serial' });
    // The open serialport stream behind the hub's device, to play bytes into its mock port.
    type Opened = { dev: { port: { port: { emitData(b: Buffer): void }; baudRate: number } } };
    const live = (hub as unknown as { live: Map<string, Opened> }).live.get(port.key)!.dev.port;
    expect(live.baudRate).toBe(115200);
    live.port.emitData(Buffer.from('#1001\r#1002\r'));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 20));
    expect(scans.map((s) => s.code)).toEqual(['#1001', '#1002']);
    await hub.stop();
  });

  it('an unconfigured serial port is listed but not opened', async () => {
    MockBinding.createPort('/dev/ttyS0', { echo: false, record: false });
    const hub = new ScannerHub(
      [serialSource(MockBinding as never)],
      () => undefined,
      () => undefined,
      { pollMs: 60_000 },
    );
    await hub.poll();
    expect(hub.list()[0]).toMatchObject({ state: 'not-set-up', role: 'off' });
    await hub.stop();
  });
});
