import { GS } from './gs1';
import { WedgeDetector, type KeyInput, type WedgeSettings } from './wedge';

/** The printed test sheet: codes with known content, each catching one kind of trouble. */
export interface SheetCode {
  id: 'layout' | 'gs1' | 'long';
  title: string;
  /** Exactly what a correct scanner delivers (GS = ASCII 29). */
  content: string;
  gs1?: boolean;
}

export const TEST_SHEET: SheetCode[] = [
  { id: 'layout', title: '1. Keyboard layout: letters and digits that move between layouts', content: 'AZQWYM-1234567890' },
  { id: 'gs1', title: '2. GS1-128 with FNC1 (GTIN, lot, serial)', content: `0109501101530003` + `10LOT42` + GS + `21SN7788`, gs1: true },
  { id: 'long', title: '3. A long code (40 characters)', content: 'FS-LONG-0123456789-ABCDEFGHIJKLMNOPQRSTU' },
];

export type ProblemId = 'layout' | 'suffix' | 'gs' | 'slow' | 'dropped' | 'prefix' | 'unknown';

export interface Problem {
  id: ProblemId;
  title: string;
  detail: string;
  /** The setting to change, in words for the person at the station. */
  fix: string;
}

export interface Diagnosis {
  received: string;
  matched: SheetCode['id'] | null;
  /** Whether the pick screen, with these settings, would have taken it as one scan of the right code. */
  recognized: boolean;
  problems: Problem[];
}

/** US key positions as a German (QWERTZ) or French (AZERTY) Windows layout types them. */
const LAYOUTS: Array<{ name: string; map: Record<string, string> }> = [
  { name: 'German (QWERTZ)', map: { Y: 'Z', Z: 'Y', y: 'z', z: 'y', '-': 'ß', _: '?' } },
  {
    name: 'French (AZERTY)',
    map: {
      A: 'Q',
      Q: 'A',
      Z: 'W',
      W: 'Z',
      M: '?',
      a: 'q',
      q: 'a',
      z: 'w',
      w: 'z',
      m: ',',
      '-': ')',
      '1': '&',
      '2': 'é',
      '3': '"',
      '4': "'",
      '5': '(',
      '6': '-',
      '7': 'è',
      '8': '_',
      '9': 'ç',
      '0': 'à',
    },
  },
];

const asLayout = (text: string, map: Record<string, string>) => [...text].map((c) => map[c] ?? c).join('');

const show = (s: string) => s.replace(new RegExp(GS, 'g'), '<GS>');

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

function closest(received: string): SheetCode | null {
  let best: SheetCode | null = null;
  let score = 0;
  for (const s of TEST_SHEET) {
    const a = new Set(received);
    const common = [...new Set(s.content)].filter((c) => a.has(c)).length / new Set(s.content).size;
    const len = Math.min(received.length, s.content.length) / Math.max(received.length, s.content.length);
    const sc = common * 0.6 + len * 0.4;
    if (sc > score) [best, score] = [s, sc];
  }
  return score >= 0.5 ? best : null;
}

/**
 * What went wrong with one scan of the test sheet, from the raw key events the page saw (keyboard
 * wedge) or the code a HID/serial device delivered. Each problem says which setting to change.
 */
export function diagnoseScan(input: { keys: KeyInput[] } | { code: string }, settings: WedgeSettings): Diagnosis {
  const problems: Problem[] = [];
  let text: string;
  let recognizedCode: string | null = null;

  if ('code' in input) {
    text = input.code;
    recognizedCode = input.code;
  } else {
    const keys = input.keys;
    const chars = keys.filter((k) => k.key !== 'Enter' && k.key !== 'Tab' && (k.key.length === 1 || k.key === 'F8'));
    text = chars.map((k) => (k.key === 'F8' || (k.key === ']' && k.ctrlKey) ? GS : k.key)).join('');
    const last = keys[keys.length - 1];
    const endedWithSuffix = !!last && (last.key === 'Enter' || last.key === 'Tab');

    // What the pick screen would have made of these keys.
    const det = new WedgeDetector(settings);
    for (const k of keys) {
      const r = det.feed(k);
      if (r.verdict.kind === 'scan') recognizedCode = r.verdict.code;
    }
    const end = det.tick((last?.time ?? 0) + 10_000);
    if (end.scan) recognizedCode = end.scan.code;

    const gaps = chars.slice(1).map((k, i) => k.time - chars[i].time);
    const maxGap = gaps.length ? Math.max(...gaps) : 0;
    if (maxGap > settings.maxInterKeyMs) {
      const slowGaps = gaps.filter((g) => g > settings.maxInterKeyMs).length;
      const suggest = Math.min(150, Math.ceil((maxGap * 1.25) / 5) * 5);
      problems.push({
        id: 'slow',
        title: 'Too slow for scan detection',
        detail: `${slowGaps} of ${gaps.length} gaps between characters were longer than ${settings.maxInterKeyMs} ms (slowest ${Math.round(maxGap)} ms), so the code looks like typing.`,
        fix: `Set the scanner's inter-character delay to 0 / "fast" (USB keyboard speed) in its manual. If it cannot go faster, raise "max gap between keys" in Setup to ${suggest} ms (or choose the "Cordless / Bluetooth" profile).`,
      });
    }
    if (!endedWithSuffix && settings.suffix !== 'None') {
      problems.push({
        id: 'suffix',
        title: 'No Enter after the code',
        detail: 'The code arrived without an Enter (or Tab) at the end, so the console cannot tell when it is complete.',
        fix: 'Program the scanner to add an Enter (CR) suffix by scanning "Add CR suffix" in its manual. If it cannot, choose the "Scanner without suffix" profile in Setup.',
      });
    }
  }

  let body = text;
  if (settings.prefix && !body.startsWith(settings.prefix)) {
    problems.push({
      id: 'prefix',
      title: `The prefix "${settings.prefix}" is missing`,
      detail: `This station only accepts codes that start with "${settings.prefix}".`,
      fix: `Program the scanner to send the prefix "${settings.prefix}", or clear "prefix" in Setup.`,
    });
  } else body = body.slice(settings.prefix.length);
  body = body.replace(/^\][A-Za-z][0-9]/, '');

  let matched: SheetCode | null = TEST_SHEET.find((s) => s.content === body) ?? null;
  if (!matched) {
    for (const s of TEST_SHEET)
      for (const l of LAYOUTS)
        if (!matched && asLayout(s.content, l.map) === body) {
          matched = s;
          problems.push({
            id: 'layout',
            title: `Keyboard layout mismatch (${l.name})`,
            detail: `The scanner types for a US keyboard but this PC uses ${l.name}: "${show(s.content)}" arrived as "${show(body)}".`,
            fix: `Set the scanner's keyboard country to match Windows (${l.name.split(' ')[0]}) by scanning that code in its manual, or switch this PC's input language to English (US) while picking.`,
          });
        }
  }
  if (!matched)
    for (const s of TEST_SHEET)
      if (!matched && s.content.includes(GS) && s.content.replaceAll(GS, '') === body) {
        matched = s;
        problems.push({
          id: 'gs',
          title: 'GS (FNC1) separators are lost',
          detail: `The GS1 code arrived without its GS separators ("${show(s.content)}" came as "${body}"), so lot and serial run together and cannot be read back.`,
          fix: 'Program the scanner to transmit GS/FNC1 as Ctrl+] (or as F8) — in most manuals "Transmit FNC1 as ASCII 29" — and keep "Function key mapping" on.',
        });
      }
  if (!matched) {
    const near = closest(body);
    if (near && body.length < near.content.length && isSubsequence(body, near.content)) {
      matched = near;
      problems.push({
        id: 'dropped',
        title: 'Characters were dropped',
        detail: `${near.content.length - body.length} of ${near.content.length} characters of "${near.title}" did not arrive.`,
        fix: "Slow the scanner's transmission a little (inter-character delay 5–10 ms) and check its USB cable; the PC is missing keys.",
      });
    } else if (near) {
      matched = near;
      problems.push({
        id: 'unknown',
        title: 'The code arrived changed',
        detail: `Expected "${show(near.content)}", got "${show(body)}".`,
        fix: 'Reset the scanner to factory defaults (scan "Factory default" in its manual), then scan this sheet again.',
      });
    } else {
      problems.push({
        id: 'unknown',
        title: 'Not a code of the test sheet',
        detail: `Got "${show(body)}".`,
        fix: 'Scan one of the three codes printed on the test sheet.',
      });
    }
  }

  const recognized = !!matched && recognizedCode === matched.content && problems.length === 0;
  return { received: show(text), matched: matched?.id ?? null, recognized, problems };
}
