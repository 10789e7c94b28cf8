import { toGrams, type ScaleReading } from './reading';

/**
 * Serial scales speak ASCII lines. Two families cover most bench scales and indicators:
 * - "ST,GS,+  1.234 kg" / "US,NT,-0000.120kg" (A&D, CAS and the many indicators that copy them):
 *   ST stable, US unstable, OL overload; GS gross, NT net.
 * - "S S     1.234 kg" / "S D     1.234 kg" (MT-SICS, Mettler Toledo): S stable, D dynamic, + or - overload/underload.
 */
export type SerialScaleProtocol = 'st-gs' | 'sics';

const UNITS: Record<string, ScaleReading['unit']> = { g: 'g', kg: 'kg', oz: 'oz', lb: 'lb', mg: 'mg' };

function reading(status: ScaleReading['status'], value: string, unitText: string): ScaleReading | null {
  const unit = UNITS[unitText.trim().toLowerCase()];
  const n = Number(value.replace(/\s+/g, ''));
  if (!unit || !Number.isFinite(n)) return null;
  const grams = toGrams(n, unit);
  const s = status === 'stable' && grams === 0 ? 'zero' : status === 'stable' && grams < 0 ? 'under' : status;
  return { grams, status: s, unit, shown: n };
}

/** One line from the scale (without its CR/LF); null when it is not a weight line of the protocol. */
export function parseSerialScaleLine(line: string, protocol: SerialScaleProtocol): ScaleReading | null {
  const s = line.trim();
  if (protocol === 'st-gs') {
    const m = /^(ST|US|OL|QT),\s*(GS|NT|TR)?,?\s*([+-]?\s*[\d.]+)\s*([a-zA-Z]+)$/.exec(s);
    if (!m) return /^OL/.test(s) ? { grams: 0, status: 'over', unit: 'kg', shown: 0 } : null;
    if (m[1] === 'OL') return { grams: 0, status: 'over', unit: 'kg', shown: 0 };
    return reading(m[1] === 'ST' ? 'stable' : 'motion', m[3], m[4]);
  }
  const m = /^S\s+([SD+-])\s*([+-]?\s*[\d.]+)?\s*([a-zA-Z]+)?$/.exec(s);
  if (!m) return null;
  if (m[1] === '+') return { grams: 0, status: 'over', unit: 'g', shown: 0 };
  if (m[1] === '-') return { grams: 0, status: 'under', unit: 'g', shown: 0 };
  if (!m[2] || !m[3]) return null;
  return reading(m[1] === 'S' ? 'stable' : 'motion', m[2], m[3]);
}

/** What to send to ask for a weight, zero and tare. */
export const SERIAL_COMMANDS: Record<SerialScaleProtocol, { weigh: string; zero: string; tare: string }> = {
  'st-gs': { weigh: 'Q\r\n', zero: 'Z\r\n', tare: 'T\r\n' },
  sics: { weigh: 'SI\r\n', zero: 'Z\r\n', tare: 'T\r\n' },
};

/** Split a serial byte stream into lines (CR, LF or CRLF), keeping the unfinished tail. */
export class LineSplitter {
  private tail = '';
  push(chunk: string): string[] {
    const parts = (this.tail + chunk).split(/\r\n|\r|\n/);
    this.tail = parts.pop() ?? '';
    return parts.filter((p) => p.trim().length > 0);
  }
}
