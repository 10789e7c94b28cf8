import { describe, expect, it } from 'vitest';
import { GS, gs1CheckDigitOk, gs1ItemCodes, parseGs1 } from '../../../native/scanners/gs1';

describe('GS1 element strings', () => {
  it('reads GTIN, lot and serial separated by FNC1/GS, with or without the ]C1 identifier', () => {
    for (const code of [
      `0109501101530003` + `10LOT42${GS}21SN7788`,
      `]C10109501101530003` + `10LOT42${GS}21SN7788`,
      `${GS}0109501101530003` + `10LOT42${GS}21SN7788`,
    ]) {
      const r = parseGs1(code)!;
      expect(r.gtin).toBe('09501101530003');
      expect(r.batch).toBe('LOT42');
      expect(r.serial).toBe('SN7788');
      expect(r.errors).toEqual([]);
    }
  });

  it('reads an SSCC, the bracketed human-readable form, and weights with implied decimals', () => {
    expect(parseGs1('00106141411234567897')!.sscc).toBe('106141411234567897');
    const r = parseGs1('(01)09501101530003(3103)001250(17)261231')!;
    expect(r.gtin).toBe('09501101530003');
    expect(r.elements.find((e) => e.ai === '3103')!.number).toBe(1.25);
    expect(r.elements.find((e) => e.ai === '17')!.value).toBe('261231');
  });

  it('flags a wrong check digit and refuses what is not GS1', () => {
    expect(parseGs1('0109501101530004')!.errors[0]).toMatch(/check digit/);
    expect(parseGs1('0109501101530004')!.gtin).toBeUndefined();
    expect(parseGs1('#1001')).toBeNull();
    expect(parseGs1('LX123456789CN')).toBeNull();
    expect(gs1CheckDigitOk('4006381333931')).toBe(true);
  });

  it('maps a GS1 item code to the EAN-13/UPC-A an item may be filed under', () => {
    expect(gs1ItemCodes(`0104006381333931` + `10A1${GS}21X`)).toEqual(['04006381333931', '4006381333931']);
    expect(gs1ItemCodes('4006381333931')).toEqual([]);
    expect(gs1ItemCodes('#1001')).toEqual([]);
  });
});
