import { defaultWedgeSettings, type WedgeSettings } from './wedge';

/**
 * Keyboard-wedge settings per kind of scanner. A profile is a starting point chosen on the Devices
 * screen; the self-test tells when a scanner needs something else.
 */
export interface WedgeProfile {
  id: string;
  name: string;
  wedge: WedgeSettings;
  /** How this kind of scanner sends GS (FNC1) when programmed for it. */
  gs: 'ctrl-]' | 'F8' | 'none';
  note: string;
}

const p = (id: string, name: string, wedge: Partial<WedgeSettings>, gs: WedgeProfile['gs'], note: string): WedgeProfile => ({
  id,
  name,
  wedge: { ...defaultWedgeSettings, ...wedge },
  gs,
  note,
});

export const wedgeProfiles: WedgeProfile[] = [
  p('usb-corded', 'Corded USB scanner (default)', {}, 'ctrl-]', 'Fast, sends Enter after each code. Program GS as Ctrl+] for GS1 codes.'),
  p(
    'cordless',
    'Cordless / Bluetooth scanner',
    { maxInterKeyMs: 60, endTimeoutMs: 120 },
    'ctrl-]',
    'Radio links deliver keys in bursts with gaps; a wider gap is still a scan.',
  ),
  p('aim-prefix', 'Scanner sending AIM identifiers', { minLength: 4 }, 'ctrl-]', 'The ]C1-style identifier is stripped and shown as the symbology.'),
  p(
    'no-suffix',
    'Scanner without suffix (cannot send Enter)',
    { suffix: 'None', endTimeoutMs: 80 },
    'F8',
    'A pause ends the code. Slower to confirm; prefer programming an Enter suffix.',
  ),
  p('prefixed', 'Scanner with a "~" prefix', { prefix: '~' }, 'ctrl-]', 'Only codes starting with ~ count as scans: typing can never be mistaken for a scan.'),
];
