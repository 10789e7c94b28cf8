// AIM symbology identifiers (ISO/IEC 15424): "]" + code character + modifier, sent before the data when the
// scanner is configured to transmit them.

const AIM_NAMES: Record<string, string> = {
  ']A0': 'Code 39',
  ']C0': 'Code 128',
  ']C1': 'GS1-128',
  ']E0': 'EAN-13 / UPC-A',
  ']E3': 'EAN/UPC with add-on',
  ']E4': 'EAN-8',
  ']F0': 'Codabar',
  ']G0': 'Code 93',
  ']I0': 'Interleaved 2 of 5',
  ']I1': 'Interleaved 2 of 5 (check digit validated)',
  ']L0': 'PDF417',
  ']Q1': 'QR Code',
  ']Q3': 'GS1 QR Code',
  ']d1': 'Data Matrix',
  ']d2': 'GS1 DataMatrix',
  ']e0': 'GS1 DataBar',
  ']z0': 'Aztec',
};

// Fallback when the modifier is not in the table above.
const AIM_FAMILIES: Record<string, string> = {
  A: 'Code 39',
  C: 'Code 128',
  E: 'EAN/UPC',
  F: 'Codabar',
  G: 'Code 93',
  I: 'Interleaved 2 of 5',
  L: 'PDF417',
  Q: 'QR Code',
  d: 'Data Matrix',
  e: 'GS1 DataBar',
  z: 'Aztec',
};

/** Human name for an AIM id such as "]C1"; unknown ids are returned as "AIM ]x9". */
export function aimName(id: string): string {
  return AIM_NAMES[id] ?? (AIM_FAMILIES[id[1]] ? `${AIM_FAMILIES[id[1]]} (${id})` : `AIM ${id}`);
}

/** Strips a leading AIM id ("]" + letter + digit) and reports its symbology name. */
export function stripAim(code: string): { code: string; symbology?: string } {
  if (!/^\][A-Za-z][0-9]/.test(code)) return { code };
  return { code: code.slice(3), symbology: aimName(code.slice(0, 3)) };
}
