import { normalizeNumber } from '../numbers/recognize';

/**
 * Manifest numbers are printed as Code 128 and scanned back at the pickup:
 * MF-<site code>-<LINE ID>-<yyyymmdd>-<nn>, unique per line and day (nn counts the line's close-outs that day).
 */
const MANIFEST = /^MF-([A-Z0-9]{1,6})-([A-Z0-9-]+)-(\d{8})-(\d{2,3})$/;
/** Bag or sack labels: BAG or SACK, then the carrier's bag id. */
const BAG = /^(BAG|SACK)[-:]?([A-Z0-9][A-Z0-9-]{1,30})$/;

/** A short code for the site, from the initials of its name ("Demo warehouse — Shenzhen" -> DWS). */
export function siteCode(siteName: string): string {
  const words = siteName
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const code = words
    .map((w) => w[0])
    .join('')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 6);
  return code || 'SITE';
}

export function manifestNumber(site: string, lineId: string, pickupDate: string, seq: number): string {
  return `MF-${site}-${lineId.toUpperCase()}-${pickupDate.replace(/-/g, '')}-${String(seq).padStart(2, '0')}`;
}

export type ScannedCode =
  { kind: 'manifest'; number: string; site: string; lineId: string } | { kind: 'bag'; bag: string } | { kind: 'other'; compact: string };

/** What a code scanned on the dispatch screen looks like; parcels and orders are looked up by the caller. */
export function classify(raw: string): ScannedCode {
  const code = raw.trim().toUpperCase();
  const m = MANIFEST.exec(code);
  if (m) return { kind: 'manifest', number: code, site: m[1], lineId: m[2].toLowerCase() };
  const b = BAG.exec(code.replace(/\s+/g, ''));
  if (b) return { kind: 'bag', bag: `${b[1]}-${b[2]}` };
  return { kind: 'other', compact: normalizeNumber(raw) };
}
