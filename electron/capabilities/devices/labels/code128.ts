import { LabelError } from './model';

/**
 * Plan for a Code 128 symbol of a tracking number, so the ZPL knows its exact printed width.
 *
 * Only a start code is chosen (no mid-symbol subset switches): digit-only strings of even
 * length use subset C (two digits per symbol), everything else subset B. Mid-symbol switches
 * (ZPL ">5"/">6") are avoided on purpose: the offline renderer used for preview handles them
 * wrongly, and a preview that differs from the print is worse than a slightly wider barcode.
 */
export interface Code128Plan {
  /** ZPL ^FD payload including the invocation code (">;" start C, ">:" start B). */
  zplData: string;
  subset: 'B' | 'C';
  /** Width of the symbol in modules, start to stop, without quiet zones. */
  modules: number;
}

const TRACKING_RE = /^[0-9A-Za-z\-./]{1,40}$/;

export function planCode128(trackingNumber: string): Code128Plan {
  if (!TRACKING_RE.test(trackingNumber)) {
    throw new LabelError(
      `Tracking number "${trackingNumber}" cannot be printed as a barcode: only letters, digits, "-", "." and "/" (1-40 characters) are allowed`,
    );
  }
  const digitsEven = /^\d+$/.test(trackingNumber) && trackingNumber.length % 2 === 0;
  const symbols = digitsEven ? trackingNumber.length / 2 : trackingNumber.length;
  // start + data + check symbol are 11 modules each, the stop pattern is 13.
  const modules = 11 * (symbols + 2) + 13;
  return digitsEven ? { zplData: `>;${trackingNumber}`, subset: 'C', modules } : { zplData: `>:${trackingNumber}`, subset: 'B', modules };
}

/** Quiet zone on each side, in modules. */
export const QUIET_ZONE_MODULES = 10;

/**
 * Largest module width (dots) not above `preferred` for which the symbol plus quiet zones fits
 * `availableDots`. Throws rather than returning something below `minimum` (it would not scan).
 */
export function chooseModuleWidth(modules: number, availableDots: number, preferred: number, minimum: number): number {
  const total = modules + 2 * QUIET_ZONE_MODULES;
  for (let w = preferred; w >= minimum; w--) {
    if (total * w <= availableDots) return w;
  }
  throw new LabelError(`Barcode of ${modules} modules does not fit ${availableDots} dots at a scannable module width (>= ${minimum} dots)`);
}
