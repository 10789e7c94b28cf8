import type { JobDraft } from '../job-types';
/** The pack station's events: rules, the bench session of an order, customs per SKU, batch runs. */
export interface PackRulesData {
  /** 'line:<id>' or 'store:<id>'. */
  scope: string;
  /** Scan-to-verify: every item scanned and counted before the label. */
  verify: boolean;
  /** One parcel per N items (null: one parcel unless the picker adds one). */
  itemsPerParcel: number | null;
  /** A weight from the scale (or typed) before the label. */
  needsWeight: boolean;
  /** A complete customs declaration (HS code, value, origin of every item) before the number. */
  needsCustoms: boolean;
}

export interface CustomsSkuData {
  sku: string;
  description: string;
  hsCode?: string;
  origin?: string;
  value?: number;
  currency?: string;
  weightG?: number;
}

export type WeightSource = 'scale_hid' | 'scale_serial' | 'typed';

export interface PackEvents {
  'pack.rules_saved': PackRulesData;
  'pack.rules_removed': { scope: string };
  'pack.opened': { orderId: string; parcels: number };
  /** `parcel`: the box (1-based) the item went into; absent in events recorded before boxes were kept. */
  'pack.item_counted': { orderId: string; idx: number; sku: string; code: string; parcel?: number };
  /** A scan the order does not take: an item of no line ('wrong'), or one more than ordered ('extra'). */
  'pack.item_refused': { orderId: string; code: string; reason: 'wrong' | 'extra'; sku?: string; expected: string[] };
  'pack.parcels_set': { orderId: string; parcels: number };
  'pack.weighed': { orderId: string; grams: number; source: WeightSource; device?: string };
  /** A supervisor let the label go with counts that do not match (or without a weight: `waived`). */
  'pack.overridden': {
    orderId: string;
    supervisor: string;
    reason: string;
    short: Array<{ sku: string; counted: number; ordered: number }>;
    waived?: Array<'count' | 'weight'>;
  };
  /** The labels of a session: parcels issued in this transaction, and for a partial shipment what stays open. */
  'pack.issued': {
    orderId: string;
    parcelIds: string[];
    weightG: number | null;
    lines: Array<{ idx: number; quantity: number }>;
    partial: { reason: string; remaining: Array<{ idx: number; quantity: number }> } | null;
    /** Per parcel, in piece order, the lines it carries (its own customs declaration); absent: every parcel carries `lines`. */
    contents?: Array<Array<{ idx: number; quantity: number }>>;
  };
  /** A parcel's CN23 form queued for the document printer (at issue, or printed again from the bench or the parcel). */
  'customs.form_queued': { parcelId: string; form: 'CN23'; reason: string; jobs: JobDraft[] };
  'customs.skus_imported': { rows: CustomsSkuData[]; source: string };
  'pack.batch_started': { batchId: string; label: string; orderIds: string[] };
  'pack.batch_order': { batchId: string; seq: number; orderId: string; outcome: 'issued' | 'skipped' | 'refused'; parcelId?: string; message?: string };
  'pack.batch_ended': { batchId: string; status: 'stopped' | 'done' };
}
