import { numberFromSerial, serialWidth, type RangeParams } from './issue';

/**
 * Which numbers a range gives, as an interval on one number line: ranges of the same key issue the
 * same number for the same body. Digit formats compare prefix + serial, so FedEx prefix "12" serial
 * 345 and prefix "1" serial 2345 are found to be one number.
 */
export interface Span {
  key: string;
  lo: bigint;
  hi: bigint;
}

export function spanOf(params: RangeParams, first: number, last: number): Span {
  const w = serialWidth(params);
  switch (params.format) {
    case 's10':
      return { key: `s10:${params.serviceIndicator}:${params.country}`, lo: BigInt(first), hi: BigInt(last) };
    case 'ups1z':
      return { key: `ups1z:${params.shipper}:${params.service}`, lo: BigInt(first), hi: BigInt(last) };
    default: {
      const prefix = params.prefix ?? '';
      const body = (n: number) => BigInt(prefix + String(n).padStart(w, '0'));
      return { key: params.format, lo: body(first), hi: body(last) };
    }
  }
}

export const overlaps = (a: Span, b: Span) => a.key === b.key && a.lo <= b.hi && b.lo <= a.hi;

/** The serial of `number` in a range with these params, or null when the range cannot issue it. */
export function serialOf(params: RangeParams, number: string): number | null {
  let serial: string | null = null;
  const n = number.toUpperCase();
  switch (params.format) {
    case 's10': {
      const m = /^([A-Z]{2})(\d{8})\d([A-Z]{2})$/.exec(n);
      if (m && m[1] === params.serviceIndicator && m[3] === params.country) serial = m[2];
      break;
    }
    case 'ups1z': {
      const m = /^1Z([0-9A-Z]{6})([0-9A-Z]{2})(\d{7})[0-9A-Z]$/.exec(n);
      if (m && m[1] === params.shipper && m[2] === params.service) serial = m[3];
      break;
    }
    default: {
      const len = { fedex12: 12, dhl10: 10, impb: 22 }[params.format];
      const prefix = params.prefix ?? '';
      if (/^\d+$/.test(n) && n.length === len && n.startsWith(prefix)) serial = n.slice(prefix.length, -1);
    }
  }
  if (serial === null) return null;
  const s = Number(serial);
  try {
    return numberFromSerial(params, s) === n ? s : null;
  } catch {
    return null;
  }
}
