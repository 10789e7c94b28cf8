/**
 * Make user text safe inside a ZPL ^FD field that is preceded by ^FH (hex indicator "_").
 * "^" and "~" would start ZPL commands (and "~" commands act even inside field data), and "_"
 * is the hex indicator itself, so all three become hex escapes. Control characters (CR/LF, tabs)
 * become spaces. Everything else passes through as UTF-8 (the label selects ^CI28).
 */
export function zplFieldText(text: string): string {
  let out = '';
  for (const ch of cleanText(text)) {
    if (ch === '^') out += '_5E';
    else if (ch === '~') out += '_7E';
    else if (ch === '_') out += '_5F';
    else out += ch;
  }
  return out;
}

/** Collapse control characters and runs of whitespace to single spaces, trim the ends. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut text to at most `max` characters (by code point), marking the cut with "…". */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + '…';
}
