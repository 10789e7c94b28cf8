import { describe, expect, it } from 'vitest';
import { TEST_SHEET, diagnoseScan } from '../../../native/scanners/selftest';
import { defaultWedgeSettings, type KeyInput } from '../../../native/scanners/wedge';

const sheet = (id: string) => TEST_SHEET.find((s) => s.id === id)!.content;

/** Keys as a wedge scanner types them: one per character `gapMs` apart, then the suffix. */
function typed(text: string, opts: { gapMs?: number; suffix?: 'Enter' | null; gs?: 'ctrl' | 'drop' } = {}): KeyInput[] {
  const keys: KeyInput[] = [];
  let t = 1000;
  for (const ch of text) {
    if (ch === '\u001d') {
      if (opts.gs !== 'drop') keys.push({ key: ']', ctrlKey: true, time: t });
    } else keys.push({ key: ch, time: t });
    t += opts.gapMs ?? 4;
  }
  if (opts.suffix !== null) keys.push({ key: 'Enter', time: t });
  return keys;
}

const ids = (d: ReturnType<typeof diagnoseScan>) => d.problems.map((p) => p.id);

describe('scanner self-test diagnosis', () => {
  it('a good scanner passes every code of the sheet', () => {
    for (const s of TEST_SHEET) {
      const d = diagnoseScan({ keys: typed(s.content) }, defaultWedgeSettings);
      expect(d).toMatchObject({ matched: s.id, recognized: true, problems: [] });
    }
  });

  it('tells a German or French layout mismatch and what to change', () => {
    const de = diagnoseScan({ keys: typed('AYQWZMß1234567890') }, defaultWedgeSettings);
    expect(ids(de)).toEqual(['layout']);
    expect(de.problems[0].title).toContain('German');
    const fr = diagnoseScan({ keys: typed('QWAZY?)&é"\'(-è_çà') }, defaultWedgeSettings);
    expect(ids(fr)).toEqual(['layout']);
    expect(fr.problems[0].title).toContain('French');
    expect(fr.problems[0].fix).toMatch(/keyboard country/);
  });

  it('tells a missing Enter suffix', () => {
    const d = diagnoseScan({ keys: typed(sheet('long'), { suffix: null }) }, defaultWedgeSettings);
    expect(ids(d)).toEqual(['suffix']);
    expect(d.recognized).toBe(false);
    expect(d.problems[0].fix).toMatch(/Enter \(CR\) suffix/);
  });

  it('tells lost GS separators in the GS1 code', () => {
    const d = diagnoseScan({ keys: typed(sheet('gs1'), { gs: 'drop' }) }, defaultWedgeSettings);
    expect(d.matched).toBe('gs1');
    expect(ids(d)).toEqual(['gs']);
    expect(d.problems[0].fix).toMatch(/Ctrl\+\]/);
  });

  it('tells a scanner too slow for wedge detection, with the value to set', () => {
    const d = diagnoseScan({ keys: typed(sheet('layout'), { gapMs: 50 }) }, defaultWedgeSettings);
    expect(ids(d)).toEqual(['slow']);
    expect(d.recognized).toBe(false);
    expect(d.problems[0].fix).toMatch(/65 ms/);
  });

  it('tells dropped characters, and works on codes from HID/serial devices too', () => {
    const d = diagnoseScan({ code: sheet('long').replace('ABC', 'AC') }, defaultWedgeSettings);
    expect(ids(d)).toEqual(['dropped']);
    expect(diagnoseScan({ code: sheet('gs1') }, defaultWedgeSettings)).toMatchObject({ recognized: true, problems: [] });
  });
});
