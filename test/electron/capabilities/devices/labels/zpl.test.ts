import { describe, expect, it } from 'vitest';
import { chooseModuleWidth, planCode128 } from '../../../../../electron/capabilities/devices/labels/code128';
import { LabelError } from '../../../../../electron/capabilities/devices/labels/model';
import { zplFieldText } from '../../../../../electron/capabilities/devices/labels/text';
import { buildZpl } from '../../../../../electron/capabilities/devices/labels/zpl';
import { sampleLabel } from './fixtures';

describe('buildZpl', () => {
  it('sets print width and length from size and dpi', () => {
    expect(buildZpl(sampleLabel(), { size: '4x6', dpi: 300 })).toMatch(/\^PW1200[\s\S]*\^LL1800/);
    expect(buildZpl(sampleLabel(), { size: '4x4', dpi: 203 })).toMatch(/\^PW812[\s\S]*\^LL812/);
  });

  it('carries the label content', () => {
    const zpl = buildZpl(sampleLabel());
    for (const s of ['UPS Standard EU', 'Standard', '#1001', '2025-03-14', 'Zoë Müller', 'München BY 80331', 'Firstscan Warehouse', 'P-000123']) {
      expect(zpl).toContain(s);
    }
  });

  it('prints the carrier name whole, shrinking its type to fit the column', () => {
    for (const size of ['4x6', '4x4'] as const) {
      const zpl = buildZpl(sampleLabel({ carrierName: 'DHL Express' }), { size });
      expect(zpl).toContain('^FDDHL Express^FS');
    }
    expect(buildZpl(sampleLabel({ carrierName: 'DHL Express' }))).toMatch(/\^A0N,4[0-9],4[0-9]\^FB\d+,1,0,L,0\^FH\^FDDHL Express/);
  });

  it('uses ^BY3 at 203 dpi for an 18-character number and narrows for 22 non-digit characters', () => {
    expect(buildZpl(sampleLabel())).toContain('^BY3^BCN,203,');
    expect(buildZpl(sampleLabel({ trackingNumber: 'ABCDEFGHIJKLMNOPQRSTUV' }))).toContain('^BY2^BCN,203,');
    expect(buildZpl(sampleLabel({ trackingNumber: '9205590164917312345671' }))).toContain('^BY3^BCN,203,N,N,N,N^FD>;9205590164917312345671');
  });

  it('refuses tracking numbers it cannot print as a scannable barcode', () => {
    expect(() => buildZpl(sampleLabel({ trackingNumber: 'AB^C' }))).toThrow(LabelError);
    expect(() => buildZpl(sampleLabel({ trackingNumber: 'X'.repeat(41) }))).toThrow(LabelError);
    expect(() => chooseModuleWidth(planCode128('X'.repeat(40)).modules, 300, 3, 2)).toThrow(LabelError);
  });

  it('fits every 11-22 character number inside the label width with quiet zones', () => {
    for (let n = 11; n <= 22; n++) {
      for (const tn of ['7'.repeat(n), 'A'.repeat(n)]) {
        const plan = planCode128(tn);
        for (const [W, pref, min] of [
          [812, 3, 2],
          [1200, 4, 3],
        ]) {
          const w = chooseModuleWidth(plan.modules, W - 48, pref, min);
          expect((plan.modules + 20) * w).toBeLessThanOrEqual(W - 48);
        }
      }
    }
  });
});

describe('zplFieldText', () => {
  it('hex-escapes ^ ~ and _ and flattens control characters', () => {
    expect(zplFieldText('a^b~c_d\r\ne')).toBe('a_5Eb_7Ec_5Fd e');
  });
});
