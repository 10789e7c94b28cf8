import type { ShopifyEvents } from './shopify/events';
import type { DispatchEvents } from './dispatch/events';
import type { CutoffsEvents, ShipByData } from './cutoffs/events';
import type { OperatorsEvents } from './operators/events';
import type { MonitorEvents } from './monitor/events';
import type { DevicesEvents } from './devices/events';
import type { SiteEvents } from './site/events';
import type { JobDraft } from './job-types';

export type { JobDraft, JobKind, JobPayloads } from './job-types';
import type { BackupEvents } from './backup/events';
import type { RetentionEvents } from './retention/events';
import type { PackEvents } from './pack/events';
/**
 * Every action is one of these events. Payloads carry everything a projection needs, so the
 * current-state tables can be rebuilt from the log alone (and replayed at another station).
 */
export interface AddressData {
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

export interface LineData {
  id: string;
  name: string;
  carrier: string;
  shopifyCompany: string;
  trackingUrl: string;
  service: string;
  routeType: 'postal' | 'private' | 'express' | 'domestic';
  numberSource: 'range' | 'pool';
  lowDays: number;
  dailyVolume: number;
  active: boolean;
}

export interface RangeData {
  id: string;
  lineId: string;
  params: Record<string, unknown> & { format: string };
  first: number;
  last: number;
}

export interface PrinterData {
  id: string;
  name: string;
  transport: 'tcp9100';
  host: string;
  port: number;
  language: 'zpl' | 'pdf';
}

export interface OrderData {
  id: string;
  store: string;
  name: string;
  status: 'open' | 'on_hold' | 'cancelled';
  statusNote?: string;
  lineId: string | null;
  shipTo: AddressData;
  email?: string;
  createdAt: string;
  source: 'demo' | 'file' | 'shopify';
  externalId?: string;
  items: Array<{ sku: string; barcode?: string; title: string; quantity: number; externalId?: string }>;
}

export type NumberSource = { kind: 'range'; rangeId: string; serial: number } | { kind: 'pool' };

export interface CoreEvents {
  'site.configured': { name: string; zone: string; shipFrom: AddressData; clock?: '24h' | '12h' };
  'station.configured': { stationId: string; settings: Record<string, unknown> };
  'line.saved': { line: LineData };
  'range.added': { range: RangeData };
  'pool.imported': { lineId: string; numbers: Array<{ number: string; format: string }> };
  'printer.saved': { printer: PrinterData };
  'orders.imported': { orders: OrderData[] };
  'order.status_changed': { orderId: string; status: 'open' | 'on_hold' | 'cancelled'; note?: string };
  'parcel.picked': {
    parcelId: string;
    orderId: string;
    lineId: string;
    trackingNumber: string;
    source: NumberSource;
    printerId: string | null;
    scanned: string;
    jobs: JobDraft[];
    /** The pickup it will make, from the line's calendar (absent when the line has none). */
    shipBy?: ShipByData;
  };
  'parcel.reprinted': { parcelId: string; reason: string; jobs: JobDraft[] };
  /** The parcel's number changed (label unusable, wrong line, number refused); the old number is not reused. */
  'parcel.relinked': {
    parcelId: string;
    orderId: string;
    oldNumber: string;
    newNumber: string;
    oldLineId: string;
    lineId: string;
    source: NumberSource | { kind: 'manual'; format: string };
    reason: string;
    /** The new label's print job and the Shopify job, queued with the new number. */
    jobs: JobDraft[];
    /** Shopify orders: 'update' queued fulfillmentTrackingInfoUpdate; 'create' made the queued create send this number. */
    shopify?: { mode: 'update' | 'create'; tracking: { company: string; number: string; url: string } };
  };
  'scan.refused': { code: string; reason: string; orderId?: string };
  /** The desktop console's page crashed or hung and was reloaded (log only). */
  'station.console_recovered': { stationId: string; reason: string; detail: string };
  /** Something failed that nothing caught (a timer, a socket, a request): logged, recorded, and the station kept running. */
  'station.fault': { where: string; message: string };
  /** A number the line would have issued was already taken (a parcel or a pool elsewhere has it): it was skipped. */
  'number.skipped': { lineId: string; number: string; rangeId?: string; serial?: number; takenBy: string };
  'label.printed': { parcelId: string; jobId: string; printerId: string };
  'job.succeeded': { jobId: string; ref: string | null; result: Record<string, unknown> };
  'job.failed': { jobId: string; ref: string | null; attempt: number; error: string; nextAt: string };
  'job.dead': { jobId: string; ref: string | null; attempt: number; error: string };
  'job.retried': { jobId: string; ref: string | null };
}

/** Every event of the console: the core's plus each capability's own (db/<capability>/events.ts). */
export interface EventMap
  extends
    CoreEvents,
    ShopifyEvents,
    DispatchEvents,
    CutoffsEvents,
    MonitorEvents,
    DevicesEvents,
    SiteEvents,
    BackupEvents,
    PackEvents,
    OperatorsEvents,
    RetentionEvents {}

export type EventType = keyof EventMap;

export interface EventDraft<T extends EventType = EventType> {
  type: T;
  payload: EventMap[T];
  /** The parcel, order or job the event is about: indexes the timeline. */
  subject?: string | null;
}

export interface StoredEvent<T extends EventType = EventType> {
  seq: number;
  id: string;
  station: string;
  stationSeq: number;
  hlc: string;
  actor: string;
  occurredAt: string;
  type: T;
  subject: string | null;
  payload: EventMap[T];
}
