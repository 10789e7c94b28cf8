import { describe, expect, it } from 'vitest';
import { HidPosDecoder, hidPosReports } from '../../../native/scanners/hid-pos';

// A recorded 64-byte HID POS sequence: report id 2, length, "]C1", data, flags (bit 0 = more follows).
const recorded = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex');

describe('HID POS report assembly', () => {
  it('decodes a one-report code with its AIM symbology', () => {
    const r = new HidPosDecoder().feed(hidPosReports('#1001', ']C0')[0]);
    expect(r.scan).toEqual({ code: '#1001', aim: ']C0', symbology: 'Code 128' });
  });

  it('joins a code spanning several reports, exactly once, only when the last arrives', () => {
    const code = `0109501101530003` + `10LOT42\u001d21` + 'S'.repeat(120);
    const reports = hidPosReports(code, ']d2');
    expect(reports.length).toBe(3);
    const d = new HidPosDecoder();
    const out = reports.map((r) => d.feed(r).scan);
    expect(out.slice(0, 2)).toEqual([undefined, undefined]);
    expect(out[2]).toEqual({ code, aim: ']d2', symbology: 'GS1 DataMatrix' });
  });

  it('decodes a hand-written recorded report and ignores reports of other ids', () => {
    const first = recorded('02 05 5d 45 30 31 32 33 34 35' + '00'.repeat(53) + '00');
    const d = new HidPosDecoder();
    expect(d.feed(recorded('01 00 00 00')).scan).toBeUndefined();
    expect(d.feed(first).scan).toEqual({ code: '12345', aim: ']E0', symbology: 'EAN-13 / UPC-A' });
  });

  it('drops a half code on a malformed report instead of delivering it', () => {
    const [a, b] = hidPosReports('X'.repeat(80), ']C0');
    const d = new HidPosDecoder();
    d.feed(a);
    const bad = Buffer.from(b);
    bad[1] = 200; // claims more data than the report holds
    expect(d.feed(bad)).toMatchObject({ error: expect.stringMatching(/dropped/) });
    expect(d.feed(hidPosReports('OK-1', ']C0')[0]).scan?.code).toBe('OK-1');
  });

  it('a stream of many scans comes out in order, none lost, none doubled', () => {
    const d = new HidPosDecoder();
    const codes = Array.from({ length: 200 }, (_, i) => `CODE-${i}-${'x'.repeat(i % 90)}`);
    const seen = codes
      .flatMap((c) => hidPosReports(c))
      .map((r) => d.feed(r).scan?.code)
      .filter(Boolean);
    expect(seen).toEqual(codes);
  });
});
