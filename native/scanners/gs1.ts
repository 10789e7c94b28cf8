/*
 * GS1 element strings (GS1-128, GS1 DataMatrix, GS1 QR, DataBar): application identifiers (AIs)
 * followed by their data. Fixed-length AIs run into the next AI; variable-length AIs end at a GS
 * (FNC1, ASCII 29) or at the end of the code. Also reads the human-readable "(01)...(10)..." form.
 */

export const GS = '\u001d';

interface AiSpec {
  title: string;
  /** Data length when fixed; otherwise the maximum. */
  length: number;
  fixed: boolean;
  numeric?: boolean;
  /** Implied decimal places are given by the AI's last digit (310n, 392n, ...). */
  decimals?: boolean;
}

const fixed = (title: string, length: number, numeric = true): AiSpec => ({ title, length, fixed: true, numeric });
const upto = (title: string, length: number, numeric = false): AiSpec => ({ title, length, fixed: false, numeric });

const AIS: Record<string, AiSpec> = {
  '00': fixed('SSCC', 18),
  '01': fixed('GTIN', 14),
  '02': fixed('CONTENT', 14),
  '10': upto('BATCH/LOT', 20),
  '11': fixed('PROD DATE', 6),
  '12': fixed('DUE DATE', 6),
  '13': fixed('PACK DATE', 6),
  '15': fixed('BEST BEFORE', 6),
  '16': fixed('SELL BY', 6),
  '17': fixed('USE BY', 6),
  '20': fixed('VARIANT', 2),
  '21': upto('SERIAL', 20),
  '22': upto('CPV', 20),
  '240': upto('ADDITIONAL ID', 30),
  '241': upto('CUST. PART No.', 30),
  '250': upto('SECONDARY SERIAL', 30),
  '30': upto('VAR. COUNT', 8, true),
  '37': upto('COUNT', 8, true),
  '400': upto('ORDER NUMBER', 30),
  '401': upto('GINC', 30),
  '402': fixed('GSIN', 17),
  '403': upto('ROUTE', 30),
  '410': fixed('SHIP TO LOC', 13),
  '413': fixed('SHIP FOR LOC', 13),
  '414': fixed('LOC No.', 13),
  '420': upto('SHIP TO POST', 20),
  '421': upto('SHIP TO POST', 12),
  '422': fixed('ORIGIN', 3),
  '8004': upto('GIAI', 30),
  '8200': upto('PRODUCT URL', 70),
  '90': upto('INTERNAL', 30),
};
// Trade measures: 310n-369n, six digits with n implied decimals.
for (let p = 310; p <= 369; p++)
  for (let n = 0; n <= 5; n++) AIS[`${p}${n}`] = { title: `MEASURE ${p}`, length: 6, fixed: true, numeric: true, decimals: true };
// Amount payable 392n (variable, up to 15 digits).
for (let n = 0; n <= 9; n++) AIS[`392${n}`] = { title: 'PRICE', length: 15, fixed: false, numeric: true, decimals: true };
for (let n = 91; n <= 99; n++) AIS[String(n)] = upto('INTERNAL', 90);

export interface Gs1Element {
  ai: string;
  title: string;
  value: string;
  /** For AIs with implied decimals: the number. */
  number?: number;
}

export interface Gs1Data {
  elements: Gs1Element[];
  gtin?: string;
  sscc?: string;
  batch?: string;
  serial?: string;
  /** Check digit failures and the like; a code with errors should not be trusted for a match. */
  errors: string[];
}

/** GS1 mod-10 check digit over the digits before the last one. */
export function gs1CheckDigitOk(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  const body = digits.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

function aiAt(s: string, i: number): string | undefined {
  for (const len of [2, 3, 4]) {
    const ai = s.slice(i, i + len);
    if (AIS[ai]) return ai;
  }
  return undefined;
}

function finish(elements: Gs1Element[], errors: string[]): Gs1Data {
  const out: Gs1Data = { elements, errors };
  for (const e of elements) {
    if (e.ai === '01' || e.ai === '02') {
      if (!gs1CheckDigitOk(e.value)) errors.push(`GTIN ${e.value} has a wrong check digit`);
      else if (e.ai === '01') out.gtin = e.value;
    }
    if (e.ai === '00') {
      if (!gs1CheckDigitOk(e.value)) errors.push(`SSCC ${e.value} has a wrong check digit`);
      else out.sscc = e.value;
    }
    if (e.ai === '10') out.batch = e.value;
    if (e.ai === '21') out.serial = e.value;
  }
  return out;
}

function element(ai: string, value: string): Gs1Element {
  const spec = AIS[ai];
  const el: Gs1Element = { ai, title: spec.title, value };
  if (spec.decimals && /^\d+$/.test(value)) el.number = Number(value) / 10 ** Number(ai[3]);
  return el;
}

/** "(01)09501101530003(10)ABC" */
function parseBracketed(code: string): Gs1Data | null {
  const parts = [...code.matchAll(/\((\d{2,4})\)([^(]*)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== code) return null;
  const errors: string[] = [];
  const elements: Gs1Element[] = [];
  for (const [, ai, value] of parts) {
    if (!AIS[ai]) return null;
    const spec = AIS[ai];
    if (spec.fixed && value.length !== spec.length) errors.push(`AI (${ai}) needs ${spec.length} characters, got ${value.length}`);
    elements.push(element(ai, value));
  }
  return finish(elements, errors);
}

/**
 * Parse a scanned GS1 element string. Leading FNC1/GS and a "]C1"/"]d2"/"]Q3"/"]e0" AIM id are
 * ignored. Returns null when the code is not a GS1 element string (unknown AI, bad lengths).
 */
export function parseGs1(input: string): Gs1Data | null {
  let s = input.replace(/^\](C1|d2|Q3|e0|J1)/, '');
  if (s.startsWith('(')) return parseBracketed(s);
  s = s.replace(new RegExp(`^${GS}+`), '').replace(new RegExp(`${GS}+$`), '');
  const elements: Gs1Element[] = [];
  const errors: string[] = [];
  let i = 0;
  while (i < s.length) {
    const ai = aiAt(s, i);
    if (!ai) return null;
    const spec = AIS[ai];
    i += ai.length;
    let value: string;
    if (spec.fixed) {
      value = s.slice(i, i + spec.length);
      if (value.length !== spec.length || value.includes(GS)) return null;
      i += spec.length;
      if (s[i] === GS) i++; // a GS after a fixed field is allowed
    } else {
      const end = s.indexOf(GS, i);
      value = end < 0 ? s.slice(i) : s.slice(i, end);
      i = end < 0 ? s.length : end + 1;
      if (value.length === 0 || value.length > spec.length) return null;
    }
    if (spec.numeric && !/^\d+$/.test(value)) return null;
    elements.push(element(ai, value));
  }
  return elements.length ? finish(elements, errors) : null;
}

/**
 * The codes an item may be filed under for a GS1 scan carrying a GTIN: the GTIN-14 itself, the
 * EAN-13 (leading 0 dropped) and the UPC-A (two leading 0s dropped). Empty for anything else,
 * including a bare EAN/UPC, which already matches as it is.
 */
export function gs1ItemCodes(code: string): string[] {
  if (!/^(\](C1|d2|Q3|e0))?[\u001d(]?(01|\(01\)|02)/.test(code)) return [];
  const gtin = parseGs1(code)?.gtin;
  if (!gtin) return [];
  const out = [gtin];
  if (gtin.startsWith('0')) out.push(gtin.slice(1));
  if (gtin.startsWith('00')) out.push(gtin.slice(2));
  if (gtin.startsWith('000000')) out.push(gtin.slice(6)); // EAN-8
  return out;
}
