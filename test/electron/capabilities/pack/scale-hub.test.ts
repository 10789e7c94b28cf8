import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ScaleHub } from '../../../../electron/capabilities/pack/scale';
import type { ScaleDevice, ScaleInfo } from '../../../../native/scales/device';

/** A port that opens when the test says so, counting how many opens are under way at once. */
function slowPort(name: string) {
  const opened: Array<ScaleDevice & { closed: boolean }> = [];
  const waiting: Array<() => void> = [];
  let now = 0;
  let most = 0;
  const info: ScaleInfo = { key: `test:${name}`, kind: 'serial', name, path: name };
  const open = () =>
    new Promise<ScaleDevice>((resolve) => {
      most = Math.max(most, ++now);
      waiting.push(() => {
        now -= 1;
        const dev = Object.assign(new EventEmitter(), { info, closed: false }) as ScaleDevice & { closed: boolean };
        dev.zero = dev.tare = async () => undefined;
        dev.close = async () => {
          dev.closed = true;
          dev.emit('close');
        };
        opened.push(dev);
        resolve(dev);
      });
    });
  return {
    info,
    open,
    opened,
    most: () => most,
    /** Let every open under way finish. */
    finish: () => waiting.splice(0).forEach((f) => f()),
  };
}

const until = async (ok: () => boolean, what: string) => {
  for (const t0 = Date.now(); !ok(); await new Promise((r) => setTimeout(r, 5))) if (Date.now() - t0 > 10_000) throw new Error(`timed out: ${what}`);
};

describe('the bench scale hub', () => {
  it('opens a serial port once at a time: the saved scale at start and the retry every few seconds never open it together', async () => {
    const port = slowPort('COM3');
    const hub = new ScaleHub([]);
    hub.start(5);
    const setUp = hub.useSerial(port.open, 'COM3');
    await until(() => port.most() > 0, 'the first open');
    // Many retries fall due while the first open is still under way.
    await new Promise((r) => setTimeout(r, 60));
    port.finish();
    expect(await setUp).toEqual(port.info);
    await new Promise((r) => setTimeout(r, 60));
    port.finish();
    expect(port.most()).toBe(1);
    expect(port.opened.filter((d) => !d.closed)).toHaveLength(1);
    expect(hub.status().connected).toEqual(port.info);
    await hub.stop();
    expect(port.opened.every((d) => d.closed)).toBe(true);
  });

  it('closes a scale that finished opening after the station stopped, instead of leaving its port held', async () => {
    const port = slowPort('hid-1');
    const hub = new ScaleHub([{ list: async () => [port.info], open: port.open }]);
    hub.start(5);
    await until(() => port.most() > 0, 'the open');
    await hub.stop();
    port.finish();
    await until(() => port.opened.length === 1, 'the open to finish');
    await until(() => port.opened[0].closed, 'the late device to be closed');
    expect(hub.status().connected).toBeNull();
  });
});
