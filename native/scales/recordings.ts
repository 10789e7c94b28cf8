import { encodeHidScaleReport } from './hid-report';

/**
 * Report sequences as scales send them, for the fake device (tests, the demo, the bench): a parcel put
 * on a scale swings, then settles. HID frames are the 6-byte data report; serial frames are ASCII lines.
 */
export interface Recording {
  kind: 'hid' | 'serial';
  protocol?: 'st-gs' | 'sics';
  /** Frames with the milliseconds to wait before each. */
  frames: Array<{ afterMs: number; data: Uint8Array | string }>;
}

const G = 2;
const LB = 12;
const hid = (status: number, unit: number, exponent: number, raw: number) => encodeHidScaleReport(status, unit, exponent, raw);

export const RECORDINGS: Record<string, Recording> = {
  /** A 1,234 g parcel: zero, swinging, then stable (HID, grams). */
  'settle-1234g': {
    kind: 'hid',
    frames: [
      { afterMs: 0, data: hid(2, G, 0, 0) },
      { afterMs: 40, data: hid(3, G, 0, 812) },
      { afterMs: 40, data: hid(3, G, 0, 1301) },
      { afterMs: 40, data: hid(3, G, 0, 1228) },
      { afterMs: 40, data: hid(4, G, 0, 1234) },
    ],
  },
  /** A parcel that never settles (a hand on it, a draught): no reading may count. */
  'never-stable': {
    kind: 'hid',
    frames: [
      { afterMs: 0, data: hid(3, G, 0, 950) },
      { afterMs: 40, data: hid(3, G, 0, 1010) },
      { afterMs: 40, data: hid(3, G, 0, 990) },
      { afterMs: 40, data: hid(3, G, 0, 1005) },
    ],
  },
  /** A US shipping scale in pounds, hundredths: 2.72 lb stable. */
  'pounds-2.72': {
    kind: 'hid',
    frames: [
      { afterMs: 0, data: hid(3, LB, -2, 250) },
      { afterMs: 40, data: hid(4, LB, -2, 272) },
    ],
  },
  /** A serial indicator (ST/US, GS) in kilograms. */
  'serial-st-gs-1015g': {
    kind: 'serial',
    protocol: 'st-gs',
    frames: [
      { afterMs: 0, data: 'US,GS,+  0.980kg\r\n' },
      { afterMs: 40, data: 'US,GS,+  1.020kg\r\n' },
      { afterMs: 40, data: 'ST,GS,+  1.015kg\r\n' },
    ],
  },
  /** An MT-SICS balance: dynamic, then stable. */
  'serial-sics-512g': {
    kind: 'serial',
    protocol: 'sics',
    frames: [
      { afterMs: 0, data: 'S D     498.2 g\r\n' },
      { afterMs: 40, data: 'S S     512.0 g\r\n' },
    ],
  },
};
