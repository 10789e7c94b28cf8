import { describe, expect, it } from 'vitest';
import { dhl10CheckDigit, fedex12CheckDigit, mod10CheckDigit, s10CheckDigit, ups1zCheckDigit } from '../../../../electron/capabilities/numbers/formats';

describe('s10CheckDigit', () => {
  it('weights 8 6 4 2 3 5 9 7, c = 11 - sum mod 11', () => {
    // 1*8+2*6+3*4+4*2+5*3+6*5+7*9+8*7 = 204; 204 mod 11 = 6; 11 - 6 = 5
    expect(s10CheckDigit('12345678')).toBe(5);
    // 4*8+7*6+3*4+1*2+2*3+4*5+8*9+2*7 = 200; 200 mod 11 = 2; 11 - 2 = 9 (UPU S10 example AA473124829GB)
    expect(s10CheckDigit('47312482')).toBe(9);
  });
  it('maps c = 10 to 0', () => {
    // 3*4 = 12; 12 mod 11 = 1; c = 10
    expect(s10CheckDigit('00300000')).toBe(0);
  });
  it('maps c = 11 to 5', () => {
    expect(s10CheckDigit('00000000')).toBe(5);
    // 1*8+1*6+... weights sum 44; 44 mod 11 = 0; c = 11
    expect(s10CheckDigit('11111111')).toBe(5);
  });
  it('rejects a body that is not 8 digits', () => {
    expect(() => s10CheckDigit('1234567')).toThrow(RangeError);
    expect(() => s10CheckDigit('1234567A')).toThrow(RangeError);
  });
});

describe('ups1zCheckDigit', () => {
  it('computes the published example 1Z999AA10123456784', () => {
    // 9 9 9 A=2 A=2 1 0 1 2 3 4 5 6 7 8: odd positions 40, even 28 x 2 = 56; total 96 -> 4
    expect(ups1zCheckDigit('999AA1012345678')).toBe(4);
  });
  it('maps letters as (ASCII - 63) mod 10', () => {
    // A=2, H=9, I=0, J=1, Z=(90-63)%10=7: a letter at the first position counts once
    const base = '00000000000000';
    expect(ups1zCheckDigit(`A${base}`)).toBe(8); // 2 -> (10-2)%10
    expect(ups1zCheckDigit(`H${base}`)).toBe(1); // 9
    expect(ups1zCheckDigit(`I${base}`)).toBe(0); // 0
    expect(ups1zCheckDigit(`J${base}`)).toBe(9); // 1
    expect(ups1zCheckDigit(`Z${base}`)).toBe(3); // 7
    // at an even position it counts twice: B = 3 -> 6 -> 4
    expect(ups1zCheckDigit(`0B${base.slice(1)}`)).toBe(4);
    expect(ups1zCheckDigit(`0B${base.slice(1)}`)).toBe(ups1zCheckDigit(`03${base.slice(1)}`));
  });
  it('rejects lowercase or wrong-length bodies', () => {
    expect(() => ups1zCheckDigit('999aa1012345678')).toThrow(RangeError);
    expect(() => ups1zCheckDigit('999AA101234567')).toThrow(RangeError);
  });
});

describe('fedex12CheckDigit', () => {
  it('weights 1 3 7 from the right, (sum mod 11) mod 10', () => {
    // from the right: 1*1 0*3 9*7 8*1 7*3 6*7 5*1 4*3 3*7 2*1 1*3 = 178; 178 mod 11 = 2
    expect(fedex12CheckDigit('12345678901')).toBe(2);
  });
  it('takes sum mod 11 = 10 to 0', () => {
    // from the right: 0*1 + 1*3 + 1*7 = 10; 10 mod 11 = 10; 10 mod 10 = 0
    expect(fedex12CheckDigit('00000000110')).toBe(0);
  });
});

describe('mod10CheckDigit (GS1)', () => {
  it('matches published GS1 examples', () => {
    expect(mod10CheckDigit('400638133393')).toBe(1); // GTIN-13 4006381333931
    expect(mod10CheckDigit('37610425002123456')).toBe(9); // SSCC 376104250021234569
    expect(mod10CheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
  });
  it('gives 0 when the sum is a multiple of 10', () => {
    expect(mod10CheckDigit('0000000000000000000')).toBe(0);
  });
});

describe('dhl10CheckDigit', () => {
  it('is the first 9 digits as a number mod 7', () => {
    expect(dhl10CheckDigit('123456789')).toBe(123456789 % 7);
    expect(dhl10CheckDigit('000000007')).toBe(0);
    expect(dhl10CheckDigit('000000013')).toBe(6);
    expect(dhl10CheckDigit('999999999')).toBe(999999999 % 7);
  });
});
