export interface Address {
  name: string;
  company?: string;
  address1: string;
  address2?: string;
  city: string;
  province?: string;
  zip: string;
  country: string;
  phone?: string;
}

export interface LabelModel {
  trackingNumber: string;
  carrierName: string;
  lineName: string;
  service: string;
  orderName: string;
  parcelId: string;
  shipDate: string /* YYYY-MM-DD, the carrier pickup's day in the warehouse zone */;
  shipTo: Address;
  shipFrom: Address;
  weightKg?: number;
  reference?: string;
  /** CN22-style customs block, for lines that carry one. */
  customs?: CustomsDeclaration;
  /** One of several parcels of the order: printed "PARCEL 2 OF 3". */
  piece?: { index: number; count: number };
}

export interface CustomsItem {
  description: string;
  quantity: number;
  /** Total value of this line (quantity x unit value), in `currency`. */
  value: number;
  weightKg: number;
  hsCode?: string;
  origin: string;
}

export interface CustomsDeclaration {
  /** CN22 up to 300 SDR of contents, CN23 above (UPU); CN22 when not said. */
  form?: 'CN22' | 'CN23';
  category: 'merchandise' | 'gift' | 'documents' | 'sample' | 'returned_goods' | 'other';
  currency: string;
  items: CustomsItem[];
}

export type LabelSize = '4x6' | '4x4';
export type Dpi = 203 | 300;

export interface LabelOptions {
  size?: LabelSize;
  dpi?: Dpi;
}

/** Thrown when a label cannot be produced safely (e.g. a tracking number that would not scan). */
export class LabelError extends Error {
  override name = 'LabelError';
}

/** Physical label dimensions in inches. */
export function labelInches(size: LabelSize): { width: number; height: number } {
  return size === '4x4' ? { width: 4, height: 4 } : { width: 4, height: 6 };
}
