// Tracking-number formats and their check digits, per docs/domain/tracking-numbers.md.
// Each function takes the number without its check digit and returns the check digit (0-9).

export type NumberFormat = 's10' | 'ups1z' | 'fedex12' | 'impb' | 'dhl10';

export const carrierName: Record<NumberFormat, string> = {
  s10: 'UPU S10 postal',
  ups1z: 'UPS',
  fedex12: 'FedEx',
  impb: 'USPS',
  dhl10: 'DHL Express',
};

function digitsOf(body: string, pattern: RegExp, what: string): number[] {
  if (!pattern.test(body)) throw new RangeError(`${what}: got ${JSON.stringify(body)}`);
  return [...body].map(Number);
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10: `serial` is the 8 serial digits. */
export function s10CheckDigit(serial: string): number {
  const d = digitsOf(serial, /^\d{8}$/, 'S10 check digit needs 8 serial digits');
  const sum = d.reduce((acc, v, i) => acc + v * S10_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  if (c === 10) return 0;
  if (c === 11) return 5;
  return c;
}

/** UPS 1Z: `body` is the 15 characters after "1Z" (shipper, service, package). */
export function ups1zCheckDigit(body: string): number {
  if (!/^[0-9A-Z]{15}$/.test(body)) {
    throw new RangeError(`UPS check digit needs the 15 characters after 1Z: got ${JSON.stringify(body)}`);
  }
  let total = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    const v = ch >= '0' && ch <= '9' ? Number(ch) : (ch.charCodeAt(0) - 63) % 10;
    // i is 0-based, so even i is an odd (1st, 3rd, ...) position.
    total += i % 2 === 0 ? v : 2 * v;
  }
  return (10 - (total % 10)) % 10;
}

const FEDEX_WEIGHTS = [1, 3, 7];

/** FedEx Express 12-digit: `body` is the first 11 digits. */
export function fedex12CheckDigit(body: string): number {
  const d = digitsOf(body, /^\d{11}$/, 'FedEx check digit needs 11 digits');
  let sum = 0;
  for (let i = 0; i < d.length; i++) sum += d[d.length - 1 - i] * FEDEX_WEIGHTS[i % 3];
  return (sum % 11) % 10;
}

/** GS1 mod 10 (USPS IMpb, SSCC-18, GTIN-8/12/13/14): `body` is every digit before the check digit. */
export function mod10CheckDigit(body: string): number {
  const d = digitsOf(body, /^\d+$/, 'mod 10 check digit needs digits');
  let sum = 0;
  for (let i = 0; i < d.length; i++) sum += d[d.length - 1 - i] * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

/** DHL Express 10-digit waybill: `body` is the first 9 digits. */
export function dhl10CheckDigit(body: string): number {
  digitsOf(body, /^\d{9}$/, 'DHL check digit needs 9 digits');
  return Number(body) % 7;
}
