import { describe, expect, it } from 'vitest';
import { decodeHidScaleReport, encodeHidScaleReport, ZERO_REPORT } from '../../../native/scales/hid-report';
import { parseSerialScaleLine } from '../../../native/scales/serial-ascii';
import { openFakeScale } from '../../../native/scales/fake';
import { ScaleWatch } from '../../../native/scales/watch';

describe('USB HID POS scale reports (usage page 0x8D, report 3)', () => {
  it('decodes status, unit and exponent to grams', () => {
    expect(decodeHidScaleReport(encodeHidScaleReport(4, 2, 0, 1234))).toEqual({ grams: 1234, status: 'stable', unit: 'g', shown: 1234 });
    expect(decodeHidScaleReport(encodeHidScaleReport(4, 12, -2, 272))).toMatchObject({ grams: 1234, status: 'stable', unit: 'lb', shown: 2.72 });
    expect(decodeHidScaleReport(encodeHidScaleReport(4, 11, -1, 105))).toMatchObject({ grams: 298, unit: 'oz', shown: 10.5 });
    expect(decodeHidScaleReport(encodeHidScaleReport(3, 3, -3, 1500))).toMatchObject({ grams: 1500, status: 'motion', unit: 'kg' });
    expect(decodeHidScaleReport(encodeHidScaleReport(4, 2, 0, 0))!.status).toBe('zero');
    expect(decodeHidScaleReport(encodeHidScaleReport(5, 2, 0, 20))).toMatchObject({ grams: -20, status: 'under' });
    expect(decodeHidScaleReport(encodeHidScaleReport(6, 2, 0, 0))!.status).toBe('over');
    // Without the report id (some scales), and anything that is not a data report.
    expect(decodeHidScaleReport(encodeHidScaleReport(4, 2, 0, 500).subarray(1))).toMatchObject({ grams: 500 });
    expect(decodeHidScaleReport(Uint8Array.from([1, 2, 3]))).toBeNull();
    expect(decodeHidScaleReport(Uint8Array.from([3, 4, 99, 0, 1, 0]))).toBeNull();
  });
});

describe('serial scale lines (ASCII protocols)', () => {
  it('reads ST/US,GS lines and MT-SICS lines, stable only when the scale says so', () => {
    expect(parseSerialScaleLine('ST,GS,+  1.015kg', 'st-gs')).toEqual({ grams: 1015, status: 'stable', unit: 'kg', shown: 1.015 });
    expect(parseSerialScaleLine('US,NT,+  0.980 kg', 'st-gs')).toMatchObject({ grams: 980, status: 'motion' });
    expect(parseSerialScaleLine('OL,GS,+ 99.999kg', 'st-gs')).toMatchObject({ status: 'over' });
    expect(parseSerialScaleLine('ST,GS,-  0.010kg', 'st-gs')).toMatchObject({ grams: -10, status: 'under' });
    expect(parseSerialScaleLine('S S     512.0 g', 'sics')).toMatchObject({ grams: 512, status: 'stable' });
    expect(parseSerialScaleLine('S D     498.2 g', 'sics')).toMatchObject({ status: 'motion' });
    expect(parseSerialScaleLine('S +', 'sics')).toMatchObject({ status: 'over' });
    expect(parseSerialScaleLine('garbage', 'st-gs')).toBeNull();
  });
});

describe('the fake scale (recorded report sequences behind the device interface)', () => {
  it('lands only the stable reading of a settling parcel', async () => {
    const { device, port } = openFakeScale('settle-1234g');
    const seen: string[] = [];
    device.on('reading', (r) => seen.push(`${r.status}:${r.grams}`));
    const watch = new ScaleWatch(device);
    port.play(undefined, true);
    expect(seen).toEqual(['zero:0', 'motion:812', 'motion:1301', 'motion:1228', 'stable:1234']);
    expect(await watch.stable(0)).toMatchObject({ reading: { grams: 1234 } });
    watch.clear();
    expect(await watch.stable(0)).toMatchObject({ refused: expect.stringMatching(/no weight/) });
  });

  it('refuses a weight that never settles, with what to do', async () => {
    const { device, port } = openFakeScale('never-stable');
    const watch = new ScaleWatch(device);
    port.play();
    const r = await watch.stable(300);
    expect(r).toMatchObject({ refused: expect.stringMatching(/still moving/), reading: { status: 'motion' } });
  });

  it('waits for the weight to settle within the wait', async () => {
    const { device, port } = openFakeScale('serial-st-gs-1015g');
    const watch = new ScaleWatch(device);
    port.play();
    expect(await watch.stable(1000)).toMatchObject({ reading: { grams: 1015, unit: 'kg' } });
  });

  it('sends the Scale Control report to zero a HID scale', async () => {
    const { device, port } = openFakeScale('settle-1234g');
    await device.zero();
    expect(port.written).toEqual([[...ZERO_REPORT]]);
  });
});
