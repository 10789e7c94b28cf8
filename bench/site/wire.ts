import type { OrderData } from '../../db/event-types';
import type { WireEvent } from '../../db/site/server/types';
import { encodeHlc } from '../../db/core/hlc';
import { newId } from '../../electron/core/ids';
import { numberFromSerial, type RangeParams } from '../../electron/capabilities/numbers/issue';
import { printerLane } from '../../electron/capabilities/devices/printing/health';
import { lineOf } from './stations';

/** A block of one line's range that the generator station leased from the server. */
export interface LeasedBlock {
  lineId: string;
  rangeId: string;
  params: RangeParams;
  first: number;
  last: number;
}

const ORDERS_PER_IMPORT = 1000;
/** Events a millisecond of hlc wall time holds (the rest goes in the logical counter). */
const PER_MS = 50;

/**
 * A station's history built directly as the events its services would have written: imports of 1,000
 * orders, then per order the pick (number from a leased block, print job in `jobs`), the print job's
 * success and the label printed. Payloads are shaped as pick/scan.ts, the outbox runner and the print
 * handler build them; ids are `${station}:${seq}` and hlc rises from after the station's last event.
 */
export class HistoryWriter {
  private seq: number;
  private n = 0;
  private readonly next = new Map<string, number>();
  private order = 0;
  /** Orders imported and parcels picked by the events taken so far. */
  orders = 0;
  parcels = 0;
  private queue: WireEvent[] = [];

  constructor(
    private readonly station: string,
    lastSeq: number,
    private readonly fromWall: number,
    private readonly blocks: Map<string, LeasedBlock>,
    private readonly printerId: string,
  ) {
    this.seq = lastSeq;
    for (const b of blocks.values()) this.next.set(b.lineId, b.first);
  }

  /** The next `count` events; the history may stop inside an import group (its last orders stay open). */
  take(count: number): WireEvent[] {
    while (this.queue.length < count) this.group();
    const out = this.queue.splice(0, count);
    for (const e of out) {
      if (e.type === 'orders.imported') this.orders += ORDERS_PER_IMPORT;
      else if (e.type === 'parcel.picked') this.parcels++;
    }
    return out;
  }

  private event(type: string, subject: string | null, actor: string, payload: unknown): void {
    const i = this.n++;
    const wall = this.fromWall + Math.floor(i / PER_MS);
    this.seq++;
    this.queue.push({
      id: `${this.station}:${this.seq}`,
      station: this.station,
      stationSeq: this.seq,
      hlc: encodeHlc({ wall, logical: i % PER_MS }, this.station),
      actor,
      occurredAt: new Date(wall).toISOString(),
      type,
      subject,
      payload: JSON.stringify(payload),
    });
  }

  /** One import of 1,000 orders and the pick, print and label of each. */
  private group(): void {
    const at = new Date(this.fromWall + Math.floor(this.n / PER_MS));
    const orders: OrderData[] = [];
    for (let k = 0; k < ORDERS_PER_IMPORT; k++) {
      const i = this.order++;
      orders.push({
        id: newId('ord', at),
        store: 'bench',
        name: `J${i}`,
        status: 'open',
        lineId: lineOf(i),
        shipTo: { name: 'Bench Buyer', address1: `${i} Main St`, city: 'Austin', zip: '78701', country: 'US' },
        createdAt: at.toISOString(),
        source: 'file',
        items: [{ sku: `J-${i}`, barcode: `JB${i}`, title: 'Bench item', quantity: 1 }],
      });
    }
    this.event('orders.imported', null, 'bench', { orders });
    for (const o of orders) {
      const block = this.blocks.get(o.lineId!)!;
      const serial = this.next.get(block.lineId)!;
      if (serial > block.last) throw new Error(`site bench: the generator's block on ${block.lineId} is used up`);
      this.next.set(block.lineId, serial + 1);
      const parcelId = newId('pcl', at);
      const jobId = newId('job', at);
      const trackingNumber = numberFromSerial(block.params, serial);
      const printerId = this.printerId;
      this.event('parcel.picked', parcelId, 'picker', {
        parcelId,
        orderId: o.id,
        lineId: block.lineId,
        trackingNumber,
        source: { kind: 'range', rangeId: block.rangeId, serial },
        printerId,
        scanned: o.name,
        jobs: [{ id: jobId, kind: 'print.label', target: printerLane(printerId), ref: parcelId, payload: { parcelId, printerId } }],
      });
      this.event('job.succeeded', parcelId, 'outbox', { jobId, ref: parcelId, result: { bytes: 1480, ms: 12, printerId } });
      this.event('label.printed', parcelId, 'outbox', { parcelId, jobId, printerId });
    }
  }
}
