import type { JobDraft } from '../event-types';

/** Events of the dispatch capability (merged into EventMap in db/event-types.ts). */
export interface LineRulesData {
  lineId: string;
  /** Services (of lines of the same carrier) this line's pickup takes; the line's own service at least. */
  services: string[];
  maxParcels: number | null;
  maxWeightGrams: number | null;
  bags: 'none' | 'required';
  weight: 'off' | 'optional' | 'required';
  /** HH:mm in the warehouse zone, until the cut-off capability gives one per pick. */
  expectedPickup: string;
  acceptance: 'scan' | 'carrier_api';
}

export type HandoverVia = 'driver_scan' | 'lead_confirm' | 'carrier_api';
export type DiscrepancyKind = 'left_behind' | 'not_confirmed' | 'not_loaded';

export interface DiscrepancyData {
  id: string;
  kind: DiscrepancyKind;
  parcelId: string | null;
  trackingNumber: string;
}

export interface DispatchEvents {
  'dispatch.rules_saved': { rules: LineRulesData };
  'manifest.opened': { manifestId: string; lineId: string; pickupDate: string; expectedPickupAt: string };
  'manifest.bag_opened': { manifestId: string; bag: string };
  'parcel.loaded': { parcelId: string; manifestId: string; lineId: string; bag: string | null; weightGrams: number | null };
  'parcel.unloaded': { parcelId: string; manifestId: string; reason: string };
  'dispatch.scan_refused': { manifestId: string | null; code: string; reason: string; parcelId?: string };
  'manifest.closed': { manifestId: string; number: string; parcels: number; weightGrams: number; jobs: JobDraft[] };
  'manifest.reopened': { manifestId: string; reason: string };
  'manifest.voided': { manifestId: string; reason: string; parcelIds: string[] };
  /** One per parcel the carrier took: starts its first-scan clock; `jobs` tell Shopify (CARRIER_PICKED_UP). */
  'parcel.handed_over': { parcelId: string; manifestId: string; orderId: string; via: HandoverVia; handedOverAt: string; jobs: JobDraft[] };
  /** Loaded, but the carrier's acceptance does not list it. */
  'parcel.missing': { parcelId: string; manifestId: string; reason: string };
  'parcel.voided': { parcelId: string; reason: string };
  'manifest.handed_over': {
    manifestId: string;
    via: HandoverVia;
    driver: string | null;
    carrierRef: string | null;
    parcels: number;
    discrepancies: DiscrepancyData[];
  };
  'dispatch.discrepancy_resolved': { id: string; resolution: 'handed_over' | 'back_to_dock' | 'dismissed'; note: string };
}
