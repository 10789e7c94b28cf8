import { describe, expect, it } from 'vitest';
import { recognize } from '../../../../electron/capabilities/numbers/recognize';
import type { NumberFormat } from '../../../../electron/capabilities/numbers/formats';

/** Same number with the check digit at `index` bumped by one (9 wraps to 0). */
function offByOne(n: string, index = n.length - 1): string {
  const d = (Number(n[index]) + 1) % 10;
  return n.slice(0, index) + d + n.slice(index + 1);
}

const valid: Array<[NumberFormat, string, string]> = [
  // published / commonly cited examples, each re-derived by hand (see formats.test.ts)
  ['ups1z', '1Z999AA10123456784', 'UPS'],
  ['s10', 'AA473124829GB', 'UPU S10 postal'],
  ['s10', 'RR123456785CN', 'UPU S10 postal'],
  ['s10', 'EE123456785US', 'UPU S10 postal'],
  ['fedex12', '123456789012', 'FedEx'],
  // constructed with the algorithm
  ['ups1z', '1ZHIJ0Z9YP00000014', 'UPS'], // H=9 I=0 J=1 Z=7 Y=6 P=7: 24 + 2 x 16 = 56 -> 4
  ['s10', 'LX003000000CN', 'UPU S10 postal'], // c = 10 -> 0
  ['s10', 'RR000000005CN', 'UPU S10 postal'], // c = 11 -> 5
  ['s10', 'CP111111115DE', 'UPU S10 postal'], // c = 11 -> 5
  ['fedex12', '000000001100', 'FedEx'], // sum mod 11 = 10 -> 0
  ['impb', '9205590164917312345677', 'USPS'], // 3 x 52 + 37 = 193 -> 7
  ['impb', '00376104250021234569', 'USPS'], // 20 digits
  ['impb', '912345678901234567891', 'USPS'], // 21 digits: 3 x 50 + 49 = 199 -> 1
  ['dhl10', '1234567891', 'DHL Express'], // 123456789 mod 7 = 1
  ['dhl10', '0000000070', 'DHL Express'],
  ['dhl10', '9999999995', 'DHL Express'], // 999999999 mod 7 = 5
];

describe('recognize: valid numbers', () => {
  it.each(valid)('%s %s', (format, n, carrier) => {
    const r = recognize(n);
    expect(r).toMatchObject({ ok: true, format, carrier, normalized: n });
  });

  it('normalizes whitespace, dashes and case', () => {
    expect(recognize('  1z 999-aa1 0123 4567 84 ')).toMatchObject({ ok: true, format: 'ups1z', normalized: '1Z999AA10123456784' });
    expect(recognize('rr 123 456 785 cn')).toMatchObject({ ok: true, normalized: 'RR123456785CN' });
    expect(recognize('9205 5901 6491 7312 3456 77')).toMatchObject({ ok: true, format: 'impb' });
    expect(recognize('1234\u2013567891')).toMatchObject({ ok: true, format: 'dhl10' });
  });

  it('describes S10 service indicator and country', () => {
    const r = recognize('LX003000000CN');
    expect(r.ok && r.description).toContain('LX');
    expect(r.ok && r.description).toContain('CN');
  });

  it('describes UPS shipper, service and package', () => {
    const r = recognize('1Z999AA10123456784');
    expect(r.ok && r.description).toBe('UPS 1Z: shipper 999AA1, service 01, package 2345678');
  });
});

describe('recognize: check digit off by one', () => {
  it.each(valid)('%s %s', (format, n) => {
    const checkAt = format === 's10' ? 10 : n.length - 1;
    const bad = offByOne(n, checkAt);
    const r = recognize(bad);
    expect(r.ok).toBe(false);
    expect(r.format).toBe(format);
    expect(r.ok ? '' : r.reason).toMatch(/check digit should be \d, got \d — rescan or check the label/);
  });

  it('names the expected and actual digit', () => {
    expect(recognize('1Z999AA10123456785')).toEqual({
      ok: false,
      format: 'ups1z',
      reason: 'UPS 1Z check digit should be 4, got 5 — rescan or check the label',
    });
    expect(recognize('RR123456786CN')).toMatchObject({ reason: 'S10 check digit should be 5, got 6 — rescan or check the label' });
  });

  it('refuses DHL digits that are not a valid mod 7 remainder', () => {
    expect(recognize('1234567898')).toMatchObject({ ok: false, format: 'dhl10' });
  });
});

describe('recognize: shapes and ambiguity', () => {
  it('tells digit-only formats apart by length', () => {
    expect(recognize('1234567891').format).toBe('dhl10');
    expect(recognize('123456789012').format).toBe('fedex12');
    expect(recognize('00376104250021234569').format).toBe('impb');
  });

  it('requires a 92-95 banner on 22-digit IMpb numbers', () => {
    const r = recognize('9105590164917312345670');
    expect(r).toMatchObject({ ok: false, format: 'impb' });
    expect(r.ok ? '' : r.reason).toContain('banner');
    for (const banner of ['92', '93', '94', '95']) {
      expect(recognize(`${banner}05590164917312345677`).format).toBe('impb');
    }
  });

  it('reports malformed UPS numbers as UPS', () => {
    expect(recognize('1Z999AA1012345678')).toMatchObject({ ok: false, format: 'ups1z' });
    expect(recognize('1Z999AA1012345678X')).toMatchObject({ ok: false, format: 'ups1z' });
  });

  it('lists accepted formats for unknown shapes', () => {
    for (const n of ['', 'hello', '12345', '4006381333931', 'R123456785CN', '376104250021234569']) {
      const r = recognize(n);
      expect(r.ok).toBe(false);
      expect(r.format).toBeUndefined();
      expect(r.ok ? '' : r.reason).toMatch(/UPU S10.*UPS 1Z.*FedEx.*USPS IMpb.*DHL Express/);
    }
  });
});

describe('S10 country codes', () => {
  it('refuses a country code that is not ISO 3166-1 alpha-2, even with a right check digit', () => {
    for (const n of ['RB123456785XX', 'RR123456785ZZ', 'LX003000000UK', 'EE123456785AA']) {
      const r = recognize(n);
      expect(r.ok, n).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/ISO 3166-1 country code/);
    }
    expect(recognize('RB123456785GB').ok).toBe(true);
  });
});
