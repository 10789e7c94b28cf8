import { toGrams, type ScaleReading } from './reading';

/** USB HID POS scales (Weighing Devices, usage page 0x8D) report their weight in input report 3. */
export const HID_SCALE_USAGE_PAGE = 0x8d;
export const SCALE_DATA_REPORT = 3;

// HID Point of Sale usage tables, Scale Status (report byte 1) and Weight Unit (byte 2).
const STATUS: Record<number, ScaleReading['status']> = { 1: 'fault', 2: 'zero', 3: 'motion', 4: 'stable', 5: 'under', 6: 'over', 7: 'fault', 8: 'under' };
const UNIT: Record<number, ScaleReading['unit']> = { 1: 'mg', 2: 'g', 3: 'kg', 11: 'oz', 12: 'lb' };

/**
 * Decode one scale data report: [report id 3, status, unit, exponent (signed), weight LSB, weight MSB].
 * Some scales send it without the report id (5 bytes). Returns null for any other report.
 */
export function decodeHidScaleReport(report: Uint8Array): ScaleReading | null {
  const b = report.length >= 6 && report[0] === SCALE_DATA_REPORT ? report.subarray(1) : report.length === 5 ? report : null;
  if (!b) return null;
  const status = STATUS[b[0]];
  const unit = UNIT[b[1]];
  if (!status || !unit) return null;
  const exponent = b[2] > 127 ? b[2] - 256 : b[2];
  const raw = b[3] | (b[4] << 8);
  const shown = Number((raw * 10 ** exponent).toFixed(Math.max(0, -exponent)));
  const sign = status === 'under' ? -1 : 1;
  return { grams: sign * toGrams(shown, unit), status: status === 'stable' && raw === 0 ? 'zero' : status, unit, shown: sign * shown };
}

/** Encode a data report (the fake scale and the recordings use it: the same bytes a scale sends). */
export function encodeHidScaleReport(status: number, unit: number, exponent: number, raw: number): Uint8Array {
  return Uint8Array.from([SCALE_DATA_REPORT, status, unit, exponent < 0 ? exponent + 256 : exponent, raw & 0xff, (raw >> 8) & 0xff]);
}

/** Scale Control output report (id 2): bit 0 Zero Scale, bit 1 Enforced Zero Return, bit 2 tare (where the scale has it). */
export const ZERO_REPORT = Uint8Array.from([0x02, 0x01]);
export const TARE_REPORT = Uint8Array.from([0x02, 0x04]);
