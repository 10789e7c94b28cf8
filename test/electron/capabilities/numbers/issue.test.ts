import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type RangeParams, numberFromSerial, rangeParamsSchema, serialWidth } from '../../../../electron/capabilities/numbers/issue';
import { recognize } from '../../../../electron/capabilities/numbers/recognize';

const ranges: RangeParams[] = [
  { format: 's10', serviceIndicator: 'LX', country: 'CN' },
  { format: 'ups1z', shipper: '999AA1', service: '01' },
  { format: 'ups1z', shipper: 'HIJZYP', service: 'AB' },
  { format: 'fedex12' },
  { format: 'fedex12', prefix: '7946' },
  { format: 'impb', prefix: '9205590164917312' },
  { format: 'impb', prefix: '94' },
  { format: 'dhl10' },
  { format: 'dhl10', prefix: '12' },
];

describe('serialWidth', () => {
  it('follows each format layout', () => {
    expect(serialWidth({ format: 's10', serviceIndicator: 'RR', country: 'CN' })).toBe(8);
    expect(serialWidth({ format: 'ups1z', shipper: '999AA1', service: '01' })).toBe(7);
    expect(serialWidth({ format: 'fedex12' })).toBe(11);
    expect(serialWidth({ format: 'fedex12', prefix: '7946' })).toBe(7);
    expect(serialWidth({ format: 'impb', prefix: '9205590164917312' })).toBe(5);
    expect(serialWidth({ format: 'dhl10' })).toBe(9);
    expect(serialWidth({ format: 'dhl10', prefix: '12' })).toBe(7);
  });
});

describe('numberFromSerial', () => {
  it('reproduces the published examples', () => {
    expect(numberFromSerial({ format: 'ups1z', shipper: '999AA1', service: '01' }, 2345678)).toBe('1Z999AA10123456784');
    expect(numberFromSerial({ format: 's10', serviceIndicator: 'RR', country: 'CN' }, 12345678)).toBe('RR123456785CN');
    expect(numberFromSerial({ format: 's10', serviceIndicator: 'AA', country: 'GB' }, 47312482)).toBe('AA473124829GB');
    expect(numberFromSerial({ format: 'fedex12' }, 12345678901)).toBe('123456789012');
  });

  it('zero-pads serials and covers the S10 c = 10 and c = 11 cases', () => {
    const s10: RangeParams = { format: 's10', serviceIndicator: 'LX', country: 'CN' };
    expect(numberFromSerial(s10, 0)).toBe('LX000000005CN');
    expect(numberFromSerial(s10, 300000)).toBe('LX003000000CN');
    expect(numberFromSerial({ format: 'dhl10', prefix: '12' }, 7)).toBe('1200000071'); // 120000007 = 7 x 17142858 + 1
    expect(numberFromSerial({ format: 'impb', prefix: '9205590164917312' }, 34567)).toBe('9205590164917312345677');
  });

  it('normalizes letter case in params', () => {
    expect(numberFromSerial({ format: 's10', serviceIndicator: 'rr', country: 'cn' }, 12345678)).toBe('RR123456785CN');
  });

  it('round-trips through recognize for many serials', () => {
    for (const p of ranges) {
      // serials are JS numbers, so very wide IMpb ranges are only usable up to MAX_SAFE_INTEGER
      const max = Math.min(10 ** serialWidth(p) - 1, Number.MAX_SAFE_INTEGER);
      const fixed = [0, 1, 9, 10, 11, 99, max - 1, max];
      fc.assert(
        fc.property(fc.oneof(fc.constantFrom(...fixed), fc.integer({ min: 0, max })), (serial) => {
          const n = numberFromSerial(p, serial);
          const r = recognize(n);
          expect(r).toMatchObject({ ok: true, format: p.format, normalized: n });
        }),
        { numRuns: 300 },
      );
    }
  });

  it('rejects negative, fractional and too-wide serials', () => {
    const p: RangeParams = { format: 'dhl10', prefix: '12' };
    expect(() => numberFromSerial(p, -1)).toThrow(RangeError);
    expect(() => numberFromSerial(p, 1.5)).toThrow(/non-negative integer/);
    expect(() => numberFromSerial(p, Number.NaN)).toThrow(RangeError);
    expect(numberFromSerial(p, 9_999_999)).toHaveLength(10);
    expect(() => numberFromSerial(p, 10_000_000)).toThrow(/does not fit in the 7 serial digits/);
    expect(() => numberFromSerial({ format: 's10', serviceIndicator: 'RR', country: 'CN' }, 100_000_000)).toThrow(RangeError);
  });

  it('rejects invalid params with clear messages', () => {
    const bad = (p: unknown) => () => numberFromSerial(p as RangeParams, 1);
    expect(bad({ format: 's10', serviceIndicator: 'R1', country: 'CN' })).toThrow(/service indicator must be 2 letters/);
    expect(bad({ format: 's10', serviceIndicator: 'RR', country: 'CHN' })).toThrow(/country code must be 2 letters/);
    expect(bad({ format: 's10', serviceIndicator: 'RR', country: 'XX' })).toThrow(/ISO 3166-1 country code/);
    expect(bad({ format: 'ups1z', shipper: '999AA', service: '01' })).toThrow(/shipper number must be 6/);
    expect(bad({ format: 'ups1z', shipper: '999AA1', service: '0' })).toThrow(/service code must be 2/);
    expect(bad({ format: 'fedex12', prefix: '12a' })).toThrow(/digits only/);
    expect(bad({ format: 'fedex12', prefix: '12345678901' })).toThrow(/at most 10 digits/);
    expect(bad({ format: 'impb', prefix: '9105590164917312' })).toThrow(/92, 93, 94 or 95/);
    expect(bad({ format: 'dhl10', prefix: '123456789' })).toThrow(/at most 8 digits/);
    expect(bad({ format: 'royalmail' })).toThrow(/format must be one of/);
    expect(() => serialWidth({ format: 'impb', prefix: '' })).toThrow(RangeError);
  });
});

describe('rangeParamsSchema', () => {
  it('parses every variant', () => {
    for (const p of ranges) expect(rangeParamsSchema.parse(p)).toEqual(p);
  });
  it('reports the failing field', () => {
    const r = rangeParamsSchema.safeParse({ format: 'ups1z', shipper: '999AA1', service: '0!' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['service'], message: 'UPS service code must be 2 letters or digits' });
  });
});
