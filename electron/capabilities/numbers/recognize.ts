import { type NumberFormat, carrierName, dhl10CheckDigit, fedex12CheckDigit, mod10CheckDigit, s10CheckDigit, ups1zCheckDigit } from './formats';
import { isIsoCountry } from '../../core/countries';

export type Recognition =
  { ok: true; format: NumberFormat; carrier: string; normalized: string; description: string } | { ok: false; format?: NumberFormat; reason: string };

const ACCEPTED =
  'accepted: UPU S10 (2 letters, 9 digits, 2 letters), UPS 1Z (18 characters), FedEx (12 digits), ' + 'USPS IMpb (20-22 digits), DHL Express (10 digits)';

/** Trim, uppercase, and drop spaces and dashes (including typographic dashes pasted from documents). */
export function normalizeNumber(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015]/g, '');
}

/**
 * Recognizes a tracking number. The shapes do not overlap, so the order only decides which message an
 * invalid number gets; it is, deterministically:
 *   1. starts with "1Z"                         -> UPS 1Z (wrong length/shape is reported as UPS)
 *   2. 2 letters + 9 digits + 2 letters          -> UPU S10
 *   3. digits only, by length: 10 -> DHL Express, 12 -> FedEx, 20-22 -> USPS IMpb
 *      (22 digits must start with a 92/93/94/95 banner)
 *   4. anything else                             -> unknown shape
 */
export function recognize(raw: string): Recognition {
  const n = normalizeNumber(raw);
  if (n === '') return { ok: false, reason: `empty tracking number; ${ACCEPTED}` };

  if (n.startsWith('1Z')) return recognizeUps(n);
  if (/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(n)) return recognizeS10(n);
  if (/^\d+$/.test(n)) {
    if (n.length === 10) return checked(n, 'dhl10', 'DHL Express', dhl10CheckDigit(n.slice(0, 9)), 'DHL Express waybill');
    if (n.length === 12) return checked(n, 'fedex12', 'FedEx', fedex12CheckDigit(n.slice(0, 11)), 'FedEx Express 12-digit');
    if (n.length >= 20 && n.length <= 22) return recognizeImpb(n);
  }
  return { ok: false, reason: `not a recognized tracking number (${n.length} characters); ${ACCEPTED}` };
}

function recognizeUps(n: string): Recognition {
  if (n.length !== 18) {
    return { ok: false, format: 'ups1z', reason: `UPS 1Z numbers have 18 characters, got ${n.length} — rescan or check the label` };
  }
  if (!/^1Z[0-9A-Z]{8}\d{8}$/.test(n)) {
    return {
      ok: false,
      format: 'ups1z',
      reason: 'UPS 1Z numbers are 1Z + 6 shipper and 2 service characters + 8 digits — rescan or check the label',
    };
  }
  const description = `UPS 1Z: shipper ${n.slice(2, 8)}, service ${n.slice(8, 10)}, package ${n.slice(10, 17)}`;
  return checked(n, 'ups1z', 'UPS 1Z', ups1zCheckDigit(n.slice(2, 17)), description);
}

function recognizeS10(n: string): Recognition {
  const service = n.slice(0, 2);
  const country = n.slice(11, 13);
  const description = `S10 ${service}… ${country} (service indicator ${service}, country ${country})`;
  if (!isIsoCountry(country))
    return {
      ok: false,
      format: 's10',
      reason: `S10 numbers end in the ISO 3166-1 country code of the postal operator (e.g. CN, GB); ${country} is no country — rescan or check the label`,
    };
  const c = s10CheckDigit(n.slice(2, 10));
  return checkedAt(n, 's10', 'S10', c, Number(n[10]), description);
}

function recognizeImpb(n: string): Recognition {
  if (n.length === 22 && !/^9[2-5]/.test(n)) {
    return {
      ok: false,
      format: 'impb',
      reason: `22-digit USPS IMpb numbers start with a 92, 93, 94 or 95 banner, got ${n.slice(0, 2)} — rescan or check the label`,
    };
  }
  const description = n.length === 22 ? `USPS IMpb, service banner ${n.slice(0, 2)}` : `USPS ${n.length}-digit`;
  return checked(n, 'impb', 'USPS IMpb', mod10CheckDigit(n.slice(0, -1)), description);
}

/** For formats whose check digit is the last character. */
function checked(n: string, format: NumberFormat, label: string, expected: number, description: string): Recognition {
  return checkedAt(n, format, label, expected, Number(n[n.length - 1]), description);
}

function checkedAt(n: string, format: NumberFormat, label: string, expected: number, actual: number, description: string): Recognition {
  if (expected !== actual) {
    return { ok: false, format, reason: `${label} check digit should be ${expected}, got ${actual} — rescan or check the label` };
  }
  return { ok: true, format, carrier: carrierName[format], normalized: n, description };
}
