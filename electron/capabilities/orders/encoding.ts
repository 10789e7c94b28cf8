import { badInput } from '../../core/errors';

export type FileEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE';

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Line numbers (1-based) of the lines holding bytes that are not UTF-8, up to `max`. */
function badUtf8Lines(bytes: Buffer, max = 5): number[] {
  const out: number[] = [];
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length && out.length < max; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        fatalUtf8.decode(bytes.subarray(start, i));
      } catch {
        out.push(line);
      }
      start = i + 1;
      line++;
    }
  }
  return out;
}

/** Bytes 0x80–0x9F and letters like é as single bytes: what Excel's "CSV" (Windows-1252) writes. */
function looksWindows1252(bytes: Buffer): boolean {
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  return high > 0;
}

/** UTF-16 without a BOM: every other byte is zero for Latin text. */
function utf16Guess(bytes: Buffer): FileEncoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  if (oddZero > n / 4 && evenZero < n / 50) return 'UTF-16LE';
  if (evenZero > n / 4 && oddZero < n / 50) return 'UTF-16BE';
  return null;
}

/**
 * The text of an order file, its encoding detected and named. UTF-8 (with or without BOM) and UTF-16
 * (BOM, or the zero bytes of Latin text) are read; anything else (Windows-1252 from Excel's plain
 * "CSV") is refused with the lines it is on, never imported as mojibake onto labels.
 */
export function decodeOrderFile(bytes: Buffer): { text: string; encoding: FileEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  const guess = utf16Guess(bytes);
  if (guess) return { text: new TextDecoder(guess.toLowerCase()).decode(bytes), encoding: guess };
  try {
    return { text: fatalUtf8.decode(bytes).replace(/^\uFEFF/, ''), encoding: 'UTF-8' };
  } catch {
    const lines = badUtf8Lines(bytes);
    const what = looksWindows1252(bytes) ? 'Windows-1252 (or another single-byte code page)' : 'not UTF-8';
    throw badInput(
      `The file is ${what}, not UTF-8: the characters on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')} would print wrong on labels. ` +
        'Save it as UTF-8 (Excel: Save As → "CSV UTF-8"), then import it again. Nothing was imported.',
    );
  }
}

const STEP = 4 * 1024 * 1024; // a multiple of 4: base64 slices decode on their own
const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/**
 * decodeOrderFile for a file sent as base64, in 4 MB slices with a yield between them: a 50 MB file
 * is decoded without holding up a pick for more than a few milliseconds at a time.
 */
export async function decodeBase64File(b64: string): Promise<{ text: string; encoding: FileEncoding }> {
  const parts: Buffer[] = [];
  for (let i = 0; i < b64.length; i += STEP) {
    parts.push(Buffer.from(b64.slice(i, i + STEP), 'base64'));
    if (b64.length > STEP) await yieldNow();
  }
  const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16Guess(bytes);
  if (utf16 || bytes.length <= STEP) return decodeOrderFile(bytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  try {
    for (let i = 0; i < bytes.length; i += STEP) {
      text += decoder.decode(bytes.subarray(i, i + STEP), { stream: true });
      await yieldNow();
    }
    text += decoder.decode();
  } catch {
    return decodeOrderFile(bytes); // says which lines are not UTF-8
  }
  return { text: text.replace(/^\uFEFF/, ''), encoding: 'UTF-8' };
}

/** Text that came as a string (the HTTP API): refuse it when it carries the marks of a wrong decoding. */
export function checkDecodedText(text: string): void {
  if (!text.includes('\uFFFD') && !text.includes('\u0000')) return;
  const bad: number[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && bad.length < 5; i++) if (lines[i].includes('\uFFFD') || lines[i].includes('\u0000')) bad.push(i + 1);
  if (!bad.length) return;
  const nul = text.includes('\u0000');
  throw badInput(
    nul
      ? `The file looks like UTF-16 read as UTF-8 (zero characters on line${bad.length > 1 ? 's' : ''} ${bad.join(', ')}). Send the file's bytes (base64) or save it as UTF-8, then import it again. Nothing was imported.`
      : `The file has characters that were not UTF-8 (shown as �) on line${bad.length > 1 ? 's' : ''} ${bad.join(', ')}: it was probably saved as Windows-1252. Save it as UTF-8 (Excel: "CSV UTF-8"), then import it again. Nothing was imported.`,
  );
}
