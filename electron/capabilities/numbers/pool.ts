import type { NumberFormat } from './formats';
import { recognize } from './recognize';

export type PoolParse = {
  numbers: Array<{ number: string; format: NumberFormat }>;
  rejected: Array<{ line: number; value: string; reason: string }>;
};

/** First field of a CSV line: comma, semicolon or tab separated; a double-quoted field may contain separators. */
function firstField(line: string): string {
  const t = line.trim();
  if (t.startsWith('"')) {
    let out = '';
    for (let i = 1; i < t.length; i++) {
      if (t[i] !== '"') out += t[i];
      else if (t[i + 1] === '"') out += t[++i];
      else break;
    }
    return out.trim();
  }
  return t.split(/[,;\t]/, 1)[0].trim();
}

/**
 * Parses a carrier's pool file: one number per line, or numbers in the first CSV column.
 * Blank lines are skipped. The first non-blank line is taken as a header when its first field contains no
 * digit (every tracking format has digits). Numbers are stored normalized; a number repeated in the file
 * is kept once and each repeat is rejected. Line numbers are 1-based.
 */
export function parsePoolCsv(text: string): PoolParse {
  const result: PoolParse = { numbers: [], rejected: [] };
  const firstLineOf = new Map<string, number>();
  let seenContent = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const value = firstField(line);
    if (value === '') {
      if (line.trim() !== '') result.rejected.push({ line: lineNo, value, reason: 'first column is empty' });
      return;
    }
    const isFirst = !seenContent;
    seenContent = true;
    if (isFirst && !/\d/.test(value)) return;

    const r = recognize(value);
    if (!r.ok) {
      result.rejected.push({ line: lineNo, value, reason: r.reason });
      return;
    }
    const earlier = firstLineOf.get(r.normalized);
    if (earlier !== undefined) {
      result.rejected.push({ line: lineNo, value, reason: `duplicate of line ${earlier}` });
      return;
    }
    firstLineOf.set(r.normalized, lineNo);
    result.numbers.push({ number: r.normalized, format: r.format });
  });
  return result;
}
