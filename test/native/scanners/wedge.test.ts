import { describe, expect, it } from 'vitest';
import { type KeyInput, type WedgeSettings, WedgeDetector, defaultWedgeSettings } from '../../../native/scanners/wedge';

type Key = Omit<KeyInput, 'time'> | string;

/**
 * Plays keys through a detector the way the UI would: 'pass' lets a printable key type itself, `release`
 * is typed before the key's own effect, and tick runs on a timer every `tickEvery` ms.
 */
function play(keys: Key[], opts: { gap: number; settings?: Partial<WedgeSettings>; tickEvery?: number; pauseAfter?: number }) {
  const d = new WedgeDetector({ ...defaultWedgeSettings, ...opts.settings });
  const tickEvery = opts.tickEvery ?? 10;
  let field = '';
  const scans: Array<{ code: string; symbology?: string }> = [];
  const verdicts: string[] = [];
  let now = 1000;
  let nextTick = now + tickEvery;
  const runTicks = (until: number) => {
    for (; nextTick < until; nextTick += tickEvery) {
      const t = d.tick(nextTick);
      if (t.release) field += t.release;
      if (t.scan) scans.push(t.scan);
    }
  };
  for (const raw of keys) {
    const k: KeyInput = typeof raw === 'string' ? { key: raw, time: now } : { ...raw, time: now };
    runTicks(now);
    const { verdict, release } = d.feed(k);
    verdicts.push(verdict.kind);
    if (release) field += release;
    if (verdict.kind === 'pass' && [...k.key].length === 1 && !k.ctrlKey) field += k.key;
    if (verdict.kind === 'scan') scans.push({ code: verdict.code, ...(verdict.symbology ? { symbology: verdict.symbology } : {}) });
    now += opts.gap;
  }
  runTicks(now + (opts.pauseAfter ?? 500));
  return { field, scans, verdicts };
}

const chars = (s: string): string[] => [...s];

describe('WedgeDetector', () => {
  it('turns a fast burst ending with Enter into one scan and types nothing', () => {
    const r = play([...chars('1Z999AA10123456784'), 'Enter'], { gap: 8 });
    expect(r.scans).toEqual([{ code: '1Z999AA10123456784' }]);
    expect(r.field).toBe('');
    expect(r.verdicts.slice(0, -1).every((v) => v === 'swallow')).toBe(true);
    expect(r.verdicts.at(-1)).toBe('scan');
  });

  it('lets the same keys typed slowly reach the field unchanged, Enter included', () => {
    const r = play([...chars('1Z999AA10123456784'), 'Enter'], { gap: 120 });
    expect(r.scans).toEqual([]);
    expect(r.field).toBe('1Z999AA10123456784');
    expect(r.verdicts.at(-1)).toBe('pass');
  });

  it('releases the held first character when the next key proves a human, even without ticks', () => {
    const d = new WedgeDetector(defaultWedgeSettings);
    expect(d.feed({ key: 'a', time: 0 })).toEqual({ verdict: { kind: 'swallow' } });
    expect(d.feed({ key: 'b', time: 200 })).toEqual({ verdict: { kind: 'swallow' }, release: 'a' });
    expect(d.feed({ key: 'Backspace', time: 400 })).toEqual({ verdict: { kind: 'pass' }, release: 'b' });
    expect(d.feed({ key: 'ArrowLeft', time: 500 })).toEqual({ verdict: { kind: 'pass' } });
  });

  it('releases a held character on tick after maxInterKeyMs, not before', () => {
    const d = new WedgeDetector(defaultWedgeSettings);
    d.feed({ key: 'x', time: 0 });
    expect(d.tick(35)).toEqual({});
    expect(d.tick(36)).toEqual({ release: 'x' });
    expect(d.tick(100)).toEqual({});
  });

  it('accepts Tab as suffix', () => {
    const r = play([...chars('RR123456785CN'), 'Tab'], { gap: 5, settings: { suffix: 'Tab' } });
    expect(r.scans).toEqual([{ code: 'RR123456785CN' }]);
    expect(r.field).toBe('');
  });

  it('does not treat Tab as suffix when only Enter is configured', () => {
    const r = play([...chars('RR123456785CN'), 'Tab'], { gap: 5, settings: { suffix: 'Enter' } });
    expect(r.scans).toEqual([]);
    expect(r.field).toBe('RR123456785CN');
    expect(r.verdicts.at(-1)).toBe('pass');
  });

  it('ends a burst by timeout when the suffix is None', () => {
    const d = new WedgeDetector({ ...defaultWedgeSettings, suffix: 'None' });
    chars('123456789012').forEach((ch, i) => expect(d.feed({ key: ch, time: i * 10 }).verdict.kind).toBe('swallow'));
    expect(d.tick(110 + 60)).toEqual({});
    expect(d.tick(110 + 61)).toEqual({ scan: { code: '123456789012' } });
    expect(d.tick(1000)).toEqual({});
  });

  it('with suffix None, reports the scan when a slow key ends the burst and holds that key', () => {
    const d = new WedgeDetector({ ...defaultWedgeSettings, suffix: 'None' });
    chars('1234567891').forEach((ch, i) => d.feed({ key: ch, time: i * 10 }));
    expect(d.feed({ key: 'q', time: 90 + 200 })).toEqual({ verdict: { kind: 'scan', code: '1234567891' } });
    expect(d.tick(90 + 200 + 36)).toEqual({ release: 'q' });
  });

  it('with suffix None, Enter after the scan was reported is an ordinary key', () => {
    const d = new WedgeDetector({ ...defaultWedgeSettings, suffix: 'None' });
    chars('1234567891').forEach((ch, i) => d.feed({ key: ch, time: i * 10 }));
    expect(d.tick(200)).toEqual({ scan: { code: '1234567891' } });
    expect(d.feed({ key: 'Enter', time: 210 })).toEqual({ verdict: { kind: 'pass' } });
  });

  it('without the configured suffix a fast burst is released as text', () => {
    const r = play(chars('abcdef'), { gap: 10 });
    expect(r.scans).toEqual([]);
    expect(r.field).toBe('abcdef');
  });

  it.each([
    ['Ctrl+]', { key: ']', ctrlKey: true }],
    ['F8', { key: 'F8' }],
    ['literal', { key: '\u001d' }],
  ])('keeps GS sent as %s', (_name, gs) => {
    const r = play([...chars(']C1010123456789012'), gs, ...chars('10ABC'), 'Enter'], { gap: 5 });
    expect(r.scans).toEqual([{ code: '010123456789012\u001d10ABC', symbology: 'GS1-128' }]);
  });

  it('lets Ctrl+] and F8 through as shortcuts outside a burst', () => {
    const d = new WedgeDetector(defaultWedgeSettings);
    expect(d.feed({ key: ']', ctrlKey: true, time: 0 })).toEqual({ verdict: { kind: 'pass' } });
    expect(d.feed({ key: 'F8', time: 10 })).toEqual({ verdict: { kind: 'pass' } });
    expect(d.feed({ key: 'c', ctrlKey: true, time: 20 })).toEqual({ verdict: { kind: 'pass' } });
  });

  it('strips AIM identifiers and reports the symbology', () => {
    expect(play([...chars(']E04006381333931'), 'Enter'], { gap: 5 }).scans).toEqual([{ code: '4006381333931', symbology: 'EAN-13 / UPC-A' }]);
    expect(play([...chars(']Q1https://x.example/a'), 'Enter'], { gap: 5 }).scans).toEqual([{ code: 'https://x.example/a', symbology: 'QR Code' }]);
  });

  it('answers a burst shorter than minLength that ends with Enter: a short scan, nothing typed', () => {
    const d = new WedgeDetector(defaultWedgeSettings);
    expect(d.feed({ key: '1', time: 0 }).verdict.kind).toBe('swallow');
    expect(d.feed({ key: '2', time: 10 }).verdict.kind).toBe('swallow');
    expect(d.feed({ key: '3', time: 20 }).verdict.kind).toBe('swallow');
    expect(d.feed({ key: 'Enter', time: 30 })).toEqual({ verdict: { kind: 'short', code: '123', minLength: 4 } });
  });

  it('still releases a short burst as typing when no suffix ends it', () => {
    const r = play(chars('123'), { gap: 10 });
    expect(r.scans).toEqual([]);
    expect(r.field).toBe('123');
  });

  it('applies minLength after stripping prefix and AIM id', () => {
    const r = play([...chars('~]C1123'), 'Enter'], { gap: 5, settings: { prefix: '~' } });
    expect(r.scans).toEqual([]);
    expect(r.field).toBe('');
    expect(r.verdicts.at(-1)).toBe('short');
    const unprefixed = play([...chars(']C1123'), 'Enter'], { gap: 5, settings: { prefix: '~' } });
    expect(unprefixed.field).toBe(']C1123');
  });

  it('strips a configured prefix and ignores bursts without it', () => {
    const withPrefix = play([...chars('##RR123456785CN'), 'Enter'], { gap: 5, settings: { prefix: '##' } });
    expect(withPrefix.scans).toEqual([{ code: 'RR123456785CN' }]);
    const without = play([...chars('RR123456785CN'), 'Enter'], { gap: 5, settings: { prefix: '##' } });
    expect(without.scans).toEqual([]);
    expect(without.field).toBe('RR123456785CN');
  });

  it('ignores Shift between scanned capitals', () => {
    const keys = chars('AB12CD').flatMap((ch) => (/[A-Z]/.test(ch) ? ['Shift', ch] : [ch]));
    const r = play([...keys, 'Enter'], { gap: 4 });
    expect(r.scans).toEqual([{ code: 'AB12CD' }]);
  });

  it('waits up to endTimeoutMs for the suffix after a burst', () => {
    const d = new WedgeDetector(defaultWedgeSettings);
    chars('ABCDE').forEach((ch, i) => d.feed({ key: ch, time: i * 10 }));
    expect(d.tick(40 + 50)).toEqual({});
    expect(d.feed({ key: 'Enter', time: 40 + 55 }).verdict).toEqual({ kind: 'scan', code: 'ABCDE' });
  });

  it('handles a scan right after human typing, and typing right after a scan', () => {
    const d = new WedgeDetector(defaultWedgeSettings);
    let field = '';
    const scans: string[] = [];
    const feed = (key: string, time: number) => {
      const r = d.feed({ key, time });
      if (r.release) field += r.release;
      if (r.verdict.kind === 'pass' && key.length === 1) field += key;
      if (r.verdict.kind === 'scan') scans.push(r.verdict.code);
    };
    feed('2', 0); // operator types a quantity...
    chars('1234567891').forEach((ch, i) => feed(ch, 80 + i * 6)); // ...and scans 80 ms later
    feed('Enter', 80 + 60);
    feed('x', 400);
    const t = d.tick(500);
    if (t.release) field += t.release;
    expect(scans).toEqual(['1234567891']);
    expect(field).toBe('2x');
  });

  it('treats AltGr characters (Ctrl+Alt) as printable', () => {
    const r = play([...chars('ab'), { key: '@', ctrlKey: true, altKey: true }, ...chars('cd'), 'Enter'], { gap: 5 });
    expect(r.scans).toEqual([{ code: 'ab@cd' }]);
  });
});
