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

// HID units and statuses (hid-report.ts): grams, pounds; zero, moving, stable.
const G = 2;
const LB = 12;
const [ZERO, MOTION, STABLE] = [2, 3, 4];

/** Frames as a scale sends them, one every 40 ms, the first at once. */
const every40ms = (data: Array<Uint8Array | string>) => data.map((d, i) => ({ afterMs: i === 0 ? 0 : 40, data: d }));
/** HID data reports in one unit and exponent: [status, raw weight] each. */
const hid = (unit: number, exponent: number, reports: Array<[number, number]>) =>
  every40ms(reports.map(([status, raw]) => encodeHidScaleReport(status, unit, exponent, raw)));

export const RECORDINGS: Record<string, Recording> = {
  /** A 1,234 g parcel: zero, swinging, then stable (HID, grams). */
  'settle-1234g': {
    kind: 'hid',
    frames: hid(G, 0, [
      [ZERO, 0],
      [MOTION, 812],
      [MOTION, 1301],
      [MOTION, 1228],
      [STABLE, 1234],
    ]),
  },
  /** A parcel that never settles (a hand on it, a draught): no reading may count. */
  'never-stable': {
    kind: 'hid',
    frames: hid(G, 0, [
      [MOTION, 950],
      [MOTION, 1010],
      [MOTION, 990],
      [MOTION, 1005],
    ]),
  },
  /** A US shipping scale in pounds, hundredths: 2.72 lb stable. */
  'pounds-2.72': {
    kind: 'hid',
    frames: hid(LB, -2, [
      [MOTION, 250],
      [STABLE, 272],
    ]),
  },
  /** A serial indicator (ST/US, GS) in kilograms. */
  'serial-st-gs-1015g': {
    kind: 'serial',
    protocol: 'st-gs',
    frames: every40ms(['US,GS,+  0.980kg\r\n', 'US,GS,+  1.020kg\r\n', 'ST,GS,+  1.015kg\r\n']),
  },
  /** An MT-SICS balance: dynamic, then stable. */
  'serial-sics-512g': {
    kind: 'serial',
    protocol: 'sics',
    frames: every40ms(['S D     498.2 g\r\n', 'S S     512.0 g\r\n']),
  },
};
