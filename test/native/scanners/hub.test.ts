import { afterEach, describe, expect, it } from 'vitest';
import { FakeScannerSource } from '../../../native/scanners/fake-source';
import { hidPosReports } from '../../../native/scanners/hid-pos';
import { ScannerHub, type HubScan, type ScannerConfig } from '../../../native/scanners/hub';

const dev = { key: 'hid:0c2e:0b61:S1', path: '/dev/hidraw3', name: 'POS scanner', vendorId: 0x0c2e, productId: 0x0b61, serialNumber: 'S1' };
let hub: ScannerHub | undefined;
afterEach(async () => hub?.stop());

function setup(config: Record<string, ScannerConfig> = {}) {
  const source = new FakeScannerSource('hid');
  const scans: HubScan[] = [];
  hub = new ScannerHub(
    [source],
    (k) => config[k],
    (s) => scans.push(s),
    { pollMs: 60_000 },
  );
  return { source, scans, hub };
}

const play = (source: FakeScannerSource, code: string) => hidPosReports(code, ']C0').forEach((r) => source.send(dev.key, r));

describe('ScannerHub', () => {
  it('picks up a device plugged in after start, and again after unplug/replug, without restart', async () => {
    const { source, scans, hub } = setup();
    await hub.poll();
    expect(hub.list()).toEqual([]);
    source.plug(dev);
    await hub.poll();
    expect(hub.list()[0]).toMatchObject({ state: 'ready', role: 'pick' });
    play(source, 'A-1');
    source.unplug(dev.key);
    await hub.poll();
    expect(hub.list()[0].state).toBe('detached');
    expect(hub.list()[0].advice).toMatch(/Plug it back in/);
    source.plug(dev);
    await hub.poll();
    expect(hub.list()[0].state).toBe('ready');
    play(source, 'A-2');
    expect(scans.map((s) => s.code)).toEqual(['A-1', 'A-2']);
    expect(scans[0]).toMatchObject({ device: dev.key, role: 'pick', symbology: 'Code 128' });
    expect(hub.list()[0]).toMatchObject({ scans: 2, lastScan: { code: 'A-2' } });
  });

  it('a code cut by an unplug mid-code is dropped, never glued to the next code', async () => {
    const { source, scans, hub } = setup();
    source.plug(dev);
    await hub.poll();
    const reports = hidPosReports('Y'.repeat(100), ']C0');
    source.send(dev.key, reports[0]);
    source.unplug(dev.key);
    source.plug(dev);
    await hub.poll();
    play(source, 'AFTER');
    expect(scans.map((s) => s.code)).toEqual(['AFTER']);
  });

  it('explains the udev rule in plain words when Linux denies access', async () => {
    const { source, hub } = setup();
    source.plug(dev, { denied: true });
    await hub.poll();
    const s = hub.list()[0];
    expect(s.state).toBe('denied');
    expect(s.advice).toContain('/etc/udev/rules.d/');
    expect(s.advice).toContain('ATTRS{idVendor}=="0c2e"');
    expect(s.advice).toMatch(/unplug and replug/);
  });

  it('a device switched off delivers nothing; its role travels with each scan', async () => {
    const config: Record<string, ScannerConfig> = { [dev.key]: { role: 'off' } };
    const { source, scans, hub } = setup(config);
    source.plug(dev);
    await hub.poll();
    expect(source.isOpen(dev.key)).toBe(false);
    config[dev.key] = { role: 'dispatch' };
    await hub.reconfigure(dev.key);
    play(source, 'D-1');
    expect(scans).toEqual([expect.objectContaining({ code: 'D-1', role: 'dispatch' })]);
  });
});
