import { describe, expect, it } from 'vitest';
import { aimName, stripAim } from '../../../native/scanners/aim';

describe('stripAim', () => {
  it.each([
    [']C1', 'GS1-128'],
    [']C0', 'Code 128'],
    [']E0', 'EAN-13 / UPC-A'],
    [']d2', 'GS1 DataMatrix'],
    [']Q1', 'QR Code'],
    [']A0', 'Code 39'],
  ])('strips %s as %s', (id, name) => {
    expect(stripAim(`${id}0123456789`)).toEqual({ code: '0123456789', symbology: name });
  });

  it('falls back to the symbology family or the raw id', () => {
    expect(aimName(']C4')).toBe('Code 128 (]C4)');
    expect(stripAim(']X5ABC')).toEqual({ code: 'ABC', symbology: 'AIM ]X5' });
  });

  it('leaves codes without an AIM id alone', () => {
    expect(stripAim('1Z999AA10123456784')).toEqual({ code: '1Z999AA10123456784' });
    expect(stripAim(']CX123')).toEqual({ code: ']CX123' });
    expect(stripAim('A]C1')).toEqual({ code: 'A]C1' });
    expect(stripAim('')).toEqual({ code: '' });
  });
});
