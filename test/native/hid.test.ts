import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { hidPort } from '../../native/hid';
import { hidScaleDevice } from '../../native/scales/device';
import { encodeHidScaleReport } from '../../native/scales/hid-report';

/** A node-hid handle without hardware: what the console wrote, and a close that fails as a pulled device's may. */
class FakeHandle extends EventEmitter {
  written: number[][] = [];
  async write(data: number[]) {
    this.written.push(data);
    return data.length;
  }
  async close() {
    throw new Error('device already gone');
  }
}

describe('the HID port scanners and scales share', () => {
  it('passes reports on, sends output reports as bytes, and a pulled cable ends as error then close', async () => {
    const handle = new FakeHandle();
    const port = hidPort(handle);
    const seen: string[] = [];
    port.on('data', (b: Buffer) => seen.push(`data ${[...b].join(',')}`));
    port.on('error', (e: Error) => seen.push(`error ${e.message}`));
    port.on('close', () => seen.push('close'));
    handle.emit('data', Buffer.from([3, 4, 2, 0, 1, 0]));
    await port.write('Z\r\n');
    await port.write([0x02, 0x01]);
    expect(handle.written).toEqual([
      [0x5a, 0x0d, 0x0a],
      [0x02, 0x01],
    ]);
    handle.emit('error', new Error('could not read from HID device'));
    expect(seen).toEqual(['data 3,4,2,0,1,0', 'error could not read from HID device', 'close']);
    await expect(port.close()).resolves.toBeUndefined();
  });

  it('a HID scale on it reads its weight and tells its hub it is gone', () => {
    const handle = new FakeHandle();
    const scale = hidScaleDevice({ key: 'hid:1:2:x', kind: 'hid', name: 'USB scale', path: '/dev/hidraw3' }, hidPort(handle));
    const grams: number[] = [];
    let closed = false;
    scale.on('reading', (r: { grams: number }) => grams.push(r.grams));
    scale.on('error', () => undefined);
    scale.on('close', () => (closed = true));
    handle.emit('data', Buffer.from(encodeHidScaleReport(4, 2, 0, 1234)));
    handle.emit('error', new Error('unplugged'));
    expect(grams).toEqual([1234]);
    expect(closed).toBe(true);
  });
});
