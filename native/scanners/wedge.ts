import { stripAim } from './aim';

/*
 * Keyboard-wedge scan detection, fed one keydown at a time.
 *
 * - Every printable character that does not continue a burst is held ('swallow') because it may be the
 *   first character of a scan. It is handed back in `release` (for the UI to type into the focused field)
 *   as soon as the next key or tick(now) shows it was typed by a person: no further key within
 *   maxInterKeyMs. Human typing therefore reaches the field unchanged and in order, at most one
 *   maxInterKeyMs (plus tick latency) late; the UI should call tick about maxInterKeyMs after a swallow.
 * - A character (or GS) arriving within maxInterKeyMs of the previous held character extends the burst.
 * - A burst of >= 2 characters ends:
 *     with the suffix key (Enter/Tab as configured), if it arrives within endTimeoutMs  -> scan candidate;
 *     with a key that cannot continue it, or tick(now) more than endTimeoutMs after the last character
 *       -> scan candidate when suffix is 'None', otherwise the burst is released as typed text.
 *   A single held character followed within maxInterKeyMs by the suffix also counts as a burst.
 * - A scan candidate is a scan when it starts with the configured prefix and, after stripping the prefix
 *   and an AIM identifier, has >= minLength characters. One that ended with the suffix but is shorter is
 *   a 'short' verdict (a scanner sent it: the screen answers it, nothing is typed); a shorter one that
 *   ended otherwise, or one without the prefix, is released as typed text.
 * - GS (ASCII 29) arrives as Ctrl+], F8 or a literal \u001d and is kept as \u001d. Outside a burst those
 *   keys are shortcuts a person pressed, so they pass.
 * - Modifier keys (Shift, Control, ...) pass and are invisible to timing: scanners send Shift for capitals.
 * - Other keys (navigation, Backspace, shortcuts, Enter/Tab when not a suffix) pass, after any held
 *   characters are released (so the field sees them in typing order).
 * - `release` is always meant to be typed before the current key takes effect. When a key ends a burst
 *   that turns out to be a scan ('None' suffix), the verdict is the scan and that key is not typed: a
 *   character is held as the start of the next potential burst, any other key is consumed.
 */

export interface WedgeSettings {
  maxInterKeyMs: number;
  minLength: number;
  suffix: 'Enter' | 'Tab' | 'EnterOrTab' | 'None';
  prefix: string;
  endTimeoutMs: number;
}

export const defaultWedgeSettings: WedgeSettings = {
  maxInterKeyMs: 35,
  minLength: 4,
  suffix: 'EnterOrTab',
  prefix: '',
  endTimeoutMs: 60,
};

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  time: number;
}

export type WedgeVerdict =
  { kind: 'swallow' } | { kind: 'pass' } | { kind: 'scan'; code: string; symbology?: string } | { kind: 'short'; code: string; minLength: number };

type Scan = { code: string; symbology?: string };
type Ended = { scan?: Scan; release?: string };
type Key = { kind: 'modifier' | 'gs' | 'suffix' | 'other' } | { kind: 'char'; ch: string };

const GS = '\u001d';
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'FnLock', 'Hyper', 'Super']);

export class WedgeDetector {
  private held: string[] = [];
  private last = 0;

  constructor(private readonly settings: WedgeSettings) {}

  /** Nothing held: the next key would start a burst. */
  get idle(): boolean {
    return this.held.length === 0;
  }

  feed(k: KeyInput): { verdict: WedgeVerdict; release?: string } {
    const key = this.classify(k);
    if (key.kind === 'modifier') return { verdict: { kind: 'pass' } };

    if (this.held.length === 0) {
      if (key.kind !== 'char') return { verdict: { kind: 'pass' } };
      this.hold(key.ch, k.time);
      return { verdict: { kind: 'swallow' } };
    }

    const gap = k.time - this.last;
    if (key.kind === 'char' || key.kind === 'gs') {
      const ch = key.kind === 'char' ? key.ch : GS;
      if (gap <= this.settings.maxInterKeyMs) {
        this.hold(ch, k.time);
        return { verdict: { kind: 'swallow' } };
      }
      const ended = this.end();
      if (key.kind === 'char') {
        this.hold(ch, k.time);
        return this.outcome(ended, { kind: 'swallow' });
      }
      return this.outcome(ended, { kind: 'pass' });
    }

    if (key.kind === 'suffix' && gap <= this.waitLimit()) {
      const scan = this.toScan();
      const release = this.held.join('');
      this.held = [];
      if (scan) return { verdict: { kind: 'scan', ...scan } };
      const short = this.shortCode(release);
      return short === undefined ? { verdict: { kind: 'pass' }, release } : { verdict: { kind: 'short', code: short, minLength: this.settings.minLength } };
    }
    return this.outcome(this.end(), { kind: 'pass' });
  }

  tick(now: number): { scan?: Scan; release?: string } {
    if (this.held.length === 0 || now - this.last <= this.waitLimit()) return {};
    return this.end();
  }

  private classify(k: KeyInput): Key {
    if (MODIFIERS.has(k.key)) return { kind: 'modifier' };
    const ctrl = !!k.ctrlKey;
    const alt = !!k.altKey;
    const meta = !!k.metaKey;
    const plain = !ctrl && !alt && !meta;
    if (k.key === GS || (k.key === 'F8' && plain) || (k.key === ']' && ctrl && !alt && !meta)) return { kind: 'gs' };
    if ((k.key === 'Enter' || k.key === 'Tab') && plain && this.isSuffix(k.key)) return { kind: 'suffix' };
    // AltGr reaches the page as Ctrl+Alt on Windows and types ordinary characters ('@' on many layouts).
    if ([...k.key].length === 1 && !meta && ctrl === alt) return { kind: 'char', ch: k.key };
    return { kind: 'other' };
  }

  private isSuffix(key: 'Enter' | 'Tab'): boolean {
    const s = this.settings.suffix;
    return s === key || s === 'EnterOrTab';
  }

  /** How long after the last held character the burst may still continue or be terminated. */
  private waitLimit(): number {
    const { maxInterKeyMs, endTimeoutMs } = this.settings;
    return this.held.length >= 2 ? Math.max(maxInterKeyMs, endTimeoutMs) : maxInterKeyMs;
  }

  private hold(ch: string, time: number): void {
    this.held.push(ch);
    this.last = time;
  }

  /** Ends the current burst without a suffix: a scan only with suffix 'None', otherwise typed text. */
  private end(): Ended {
    const scan = this.settings.suffix === 'None' && this.held.length >= 2 ? this.toScan() : undefined;
    const release = this.held.join('');
    this.held = [];
    return scan ? { scan } : { release };
  }

  private outcome(ended: Ended, otherwise: WedgeVerdict): { verdict: WedgeVerdict; release?: string } {
    if (ended.scan) return { verdict: { kind: 'scan', ...ended.scan } };
    return ended.release ? { verdict: otherwise, release: ended.release } : { verdict: otherwise };
  }

  /** The code of a prefixed burst too short to be a scan; undefined when it lacks the prefix. */
  private shortCode(raw: string): string | undefined {
    const { prefix } = this.settings;
    if (!raw.startsWith(prefix)) return undefined;
    const { code } = stripAim(raw.slice(prefix.length));
    return code;
  }

  private toScan(): Scan | undefined {
    const { prefix, minLength } = this.settings;
    const raw = this.held.join('');
    if (!raw.startsWith(prefix)) return undefined;
    const { code, symbology } = stripAim(raw.slice(prefix.length));
    if (code.length < minLength) return undefined;
    return symbology === undefined ? { code } : { code, symbology };
  }
}
