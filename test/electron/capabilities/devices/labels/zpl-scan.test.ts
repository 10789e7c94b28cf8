import { describe, expect, it } from 'vitest';
import { renderZplPng } from '../../../../../electron/capabilities/devices/labels/preview';
import { buildZpl } from '../../../../../electron/capabilities/devices/labels/zpl';
import type { Dpi, LabelSize } from '../../../../../electron/capabilities/devices/labels/model';
import { sampleLabel, TRACKING_NUMBERS } from './fixtures';
import { decodeCode128 } from './zxing';

async function scanned(zpl: string, opts: { size: LabelSize; dpi: Dpi }): Promise<string[]> {
  return decodeCode128(new Uint8Array(await renderZplPng(zpl, opts)));
}

describe('a label that does not scan is a lost parcel', () => {
  const variants: Array<{ size: LabelSize; dpi: Dpi }> = [
    { size: '4x6', dpi: 203 },
    { size: '4x6', dpi: 300 },
    { size: '4x4', dpi: 203 },
    { size: '4x4', dpi: 300 },
  ];
  for (const v of variants) {
    for (const tn of TRACKING_NUMBERS) {
      it(`${v.size} @ ${v.dpi} dpi: ${tn} decodes from the ZPL as sent`, async () => {
        const zpl = buildZpl(sampleLabel({ trackingNumber: tn }), v);
        expect(await scanned(zpl, v)).toEqual([tn]);
      });
    }
  }

  it('defaults to 4x6 at 203 dpi', async () => {
    const zpl = buildZpl(sampleLabel());
    expect(zpl).toContain('^PW812');
    expect(zpl).toContain('^LL1218');
    expect(await scanned(zpl, { size: '4x6', dpi: 203 })).toEqual(['1Z999AA10123456784']);
  });
});

describe('user text with ZPL control characters', () => {
  const hostile = sampleLabel({
    orderName: '#10^XZ01~JA',
    reference: '^XA^FDX^FS~DGR:',
    shipTo: { ...sampleLabel().shipTo, name: '~~^^__', company: 'A^FS^XZ^XA', address1: 'Line\r\n^PQ99~JR' },
    shipFrom: { ...sampleLabel().shipFrom, name: 'Tilde~Caret^Under_' },
  });

  it('keeps exactly one ^XA and one ^XZ and no raw ~ command', () => {
    for (const dpi of [203, 300] as const) {
      const zpl = buildZpl(hostile, { dpi });
      expect(zpl.match(/\^XA/g)).toHaveLength(1);
      expect(zpl.match(/\^XZ/g)).toHaveLength(1);
      expect(zpl).not.toContain('~');
      expect(zpl.startsWith('^XA\n^CI28')).toBe(true);
      expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
      expect(zpl).toContain('_5E');
      expect(zpl).toContain('_7E');
      expect(zpl).not.toMatch(/\^PQ99/);
    }
  });

  it('still decodes', async () => {
    const zpl = buildZpl(hostile);
    expect(await scanned(zpl, { size: '4x6', dpi: 203 })).toEqual(['1Z999AA10123456784']);
  });
});
