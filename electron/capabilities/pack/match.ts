import { gs1ItemCodes } from '../../../native/scanners/gs1';

/**
 * The keys a scanned code may match an item by: the code as scanned, the GTIN of a GS1 element
 * string (AI 01/02) with its EAN-13/UPC-A/EAN-8 forms, and any all-digit code padded to GTIN-14
 * (a UPC-A label and the EAN-13 in the order file are the same item).
 */
export function codeKeys(code: string): string[] {
  const c = code.trim();
  const keys = new Set([c.toUpperCase(), ...gs1ItemCodes(c)]);
  for (const k of [...keys]) if (/^\d{8,14}$/.test(k)) keys.add(k.padStart(14, '0'));
  return [...keys];
}

export function itemKeys(item: { sku: string; barcode: string | null }): string[] {
  const keys = [item.sku.trim().toUpperCase()];
  if (item.barcode) {
    const b = item.barcode.trim();
    keys.push(b.toUpperCase());
    if (/^\d{8,14}$/.test(b)) keys.push(b.padStart(14, '0'));
  }
  return keys;
}

/** Command barcodes of the pack bench (printed on the bench sheet). */
export const PACK_COMMANDS = {
  addParcel: 'PACK-ADD-PARCEL',
  removeParcel: 'PACK-REMOVE-PARCEL',
  weigh: 'PACK-WEIGH',
  label: 'PACK-LABEL',
} as const;
