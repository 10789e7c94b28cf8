import { afterEach, describe, expect, it } from 'vitest';
import { SerialPortMock } from 'serialport';
import { api, demoApp, signInAs, tempDir } from '../../../support/app';
import { createApp } from '../../../../electron/app/create';
import { invoke } from '../../../../electron/app/invoke';
import { FAKE_SERIAL_SCALE_PATH } from '../../../../native/scales/fake-serial';

type App = Awaited<ReturnType<typeof demoApp>>;
let app: App | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
  delete process.env.FIRSTSCAN_FAKE_SERIAL_SCALE;
  SerialPortMock.binding.reset();
});

const waitFor = async (fn: () => Promise<boolean>, what: string) => {
  const t0 = Date.now();
  while (!(await fn())) {
    if (Date.now() - t0 > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

async function withFakeSerial(recording: string) {
  process.env.FIRSTSCAN_FAKE_SERIAL_SCALE = recording;
  app = await demoApp({ runJobs: false });
  return app;
}

describe('the serial scale, set up in the app', () => {
  it('offers the decoders’ protocols and the ports seen; refuses a port that does not open and saves nothing', async () => {
    const a = await withFakeSerial('serial-st-gs-1015g');
    const before = await api(a, 'pack.scaleSettings', {});
    expect(before.serial).toBeNull();
    expect(before.serialAvailable).toBe(true);
    expect(before.protocols.map((p) => p.id)).toEqual(['st-gs', 'sics']);
    expect(before.baudRates).toContain(9600);
    expect(before.ports.map((p) => p.path)).toContain(FAKE_SERIAL_SCALE_PATH);

    const bad = await invoke(a.handlers, 'pack.scaleSave', { serial: { path: '/dev/ttyUSB7', baudRate: 9600, protocol: 'st-gs' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('CONFLICT');
      expect(bad.error.message).toMatch(/The port \/dev\/ttyUSB7 could not be opened \(.+\)\. Nothing was saved\. Check the port name/);
    }
    expect((await api(a, 'pack.scaleSettings', {})).serial).toBeNull();
    const wrongBaud = await invoke(a.handlers, 'pack.scaleSave', { serial: { path: FAKE_SERIAL_SCALE_PATH, baudRate: 1234, protocol: 'st-gs' } });
    expect(wrongBaud.ok).toBe(false);
    if (!wrongBaud.ok) expect(wrongBaud.error.message).toMatch(/a baud rate from the list/);
  });

  it('a saved ST/GS scale reads live, only its stable weight lands at the bench, and the set-up is a station setting', async () => {
    const a = await withFakeSerial('serial-st-gs-1015g');
    const saved = await api(a, 'pack.scaleSave', { serial: { path: FAKE_SERIAL_SCALE_PATH, baudRate: 9600, protocol: 'st-gs' } });
    expect(saved.message).toMatch(/saved and open/);
    expect(saved.connected).toMatchObject({ kind: 'serial', path: FAKE_SERIAL_SCALE_PATH });
    await waitFor(async () => (await api(a, 'pack.scale', {})).reading?.status === 'stable', 'a stable reading');
    expect((await api(a, 'pack.scale', {})).reading).toMatchObject({ grams: 1015, unit: 'kg', status: 'stable' });
    expect(a.store.read.settings.get(a.ctx.stationId, 'serialScale')).toEqual({ path: FAKE_SERIAL_SCALE_PATH, baudRate: 9600, protocol: 'st-gs' });
    expect((await api(a, 'pack.scaleSettings', {})).serial).toMatchObject({ protocol: 'st-gs' });

    const o = a.store.read.orders.byName('#1001')[0];
    await api(a, 'pack.rulesSave', { scope: `line:${o.lineId}`, verify: false, itemsPerParcel: null, needsWeight: true, needsCustoms: false });
    expect((await api(a, 'pick.scan', { code: '#1001' })).outcome).toBe('pack');
    expect(await api(a, 'pack.weigh', { orderId: o.id })).toMatchObject({ outcome: 'weighed', grams: 1015 });
    expect(a.store.read.events.about([o.id]).find((e) => e.type === 'pack.weighed')?.payload).toMatchObject({ grams: 1015, source: 'scale_serial' });
  });

  it('an MT-SICS balance decodes with the SICS protocol; removing the serial scale goes back to USB scales', async () => {
    const a = await withFakeSerial('serial-sics-512g');
    await api(a, 'pack.scaleSave', { serial: { path: FAKE_SERIAL_SCALE_PATH, baudRate: 9600, protocol: 'sics' } });
    await waitFor(async () => (await api(a, 'pack.scale', {})).reading?.status === 'stable', 'a stable SICS reading');
    expect((await api(a, 'pack.scale', {})).reading).toMatchObject({ grams: 512, unit: 'g' });
    const off = await api(a, 'pack.scaleSave', { serial: null });
    expect(off.message).toMatch(/removed/);
    expect((await api(a, 'pack.scale', {})).connected).toBeNull();
    expect(a.store.read.settings.get(a.ctx.stationId, 'serialScale')).toBeNull();
  });

  it('the saved scale opens again when the station restarts: the bench weighs on it with nobody touching Devices', async () => {
    process.env.FIRSTSCAN_FAKE_SERIAL_SCALE = 'serial-st-gs-1015g';
    const dir = tempDir('fs-scale-restart-');
    const first = await createApp({ dataDir: dir, mode: 'headless', runJobs: false });
    await signInAs(first, 'supervisor');
    await api(first, 'pack.scaleSave', { serial: { path: FAKE_SERIAL_SCALE_PATH, baudRate: 9600, protocol: 'st-gs' } });
    await first.close();

    app = await demoApp({ dataDir: dir, runJobs: false, signIn: 'picker' });
    const a = app;
    await waitFor(async () => (await api(a, 'pack.scale', {})).reading?.status === 'stable', 'the saved scale to read after the restart');
    const scale = await api(a, 'pack.scale', {});
    expect(scale.connected).toMatchObject({ kind: 'serial', path: FAKE_SERIAL_SCALE_PATH, name: `Serial scale (${FAKE_SERIAL_SCALE_PATH}, st-gs)` });
    expect(scale.problem).toBeNull();
    expect(scale.reading).toMatchObject({ grams: 1015, status: 'stable' });
    expect((await api(a, 'pack.scaleSettings', {})).serial).toEqual({ path: FAKE_SERIAL_SCALE_PATH, baudRate: 9600, protocol: 'st-gs' });

    const o = a.store.read.orders.byName('#1001')[0];
    await signInAs(a, 'supervisor');
    await api(a, 'pack.rulesSave', { scope: `line:${o.lineId}`, verify: false, itemsPerParcel: null, needsWeight: true, needsCustoms: false });
    await signInAs(a, 'picker');
    expect((await api(a, 'pick.scan', { code: '#1001' })).outcome).toBe('pack');
    expect(await api(a, 'pack.weigh', { orderId: o.id })).toMatchObject({ outcome: 'weighed', grams: 1015 });
  });

  it('a saved scale whose port is missing at the next start: Devices → Scale names the port, what to check, and that the station tries again', async () => {
    process.env.FIRSTSCAN_FAKE_SERIAL_SCALE = 'serial-st-gs-1015g';
    const dir = tempDir('fs-scale-gone-');
    const first = await createApp({ dataDir: dir, mode: 'headless', runJobs: false });
    // Saved while its USB adapter was in; at the next start it is not.
    first.store.write('test', first.ctx.clock.now(), (emit) =>
      emit({
        type: 'station.configured',
        subject: first.ctx.stationId,
        payload: { stationId: first.ctx.stationId, settings: { serialScale: { path: '/dev/ttyUSB9', baudRate: 9600, protocol: 'st-gs' } } },
      }),
    );
    await first.close();

    app = await demoApp({ dataDir: dir, runJobs: false, signIn: 'picker' });
    const a = app;
    await waitFor(async () => !!(await api(a, 'pack.scale', {})).problem, 'the scale problem');
    const scale = await api(a, 'pack.scale', {});
    expect(scale.connected).toBeNull();
    expect(scale.problem).toMatch(
      /^The serial scale on \/dev\/ttyUSB9 could not be opened \(.+\)\. Check its cable and that no other program holds the port: the station tries again every few seconds\./,
    );
  });

  it('a picker may look at the set-up but not change it', async () => {
    const a = await withFakeSerial('serial-st-gs-1015g');
    await signInAs(a, 'picker');
    expect((await invoke(a.handlers, 'pack.scaleSettings', {})).ok).toBe(true);
    const r = await invoke(a.handlers, 'pack.scaleSave', { serial: null });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'FORBIDDEN', need: 'supervisor' });
  });
});
