import { inflateSync } from 'node:zlib';

/** The text pdfkit drew (standard fonts: hex strings in TJ arrays of Flate content streams), one string per TJ. */
export function pdfStrings(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const re = /<<([^>]*)>>\s*stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    if (!/FlateDecode/.test(m[1]) || /Subtype \/Image/.test(m[1])) continue;
    const length = Number(/\/Length (\d+)/.exec(m[1])?.[1]);
    const start = m.index + m[0].length;
    const content = inflateSync(pdf.subarray(start, start + length)).toString('latin1');
    for (const tj of content.match(/\[([^\]]*)\] TJ/g) ?? [])
      out.push((tj.match(/<([0-9a-fA-F]*)>/g) ?? []).map((h) => Buffer.from(h.slice(1, -1), 'hex').toString('latin1')).join(''));
  }
  return out;
}
