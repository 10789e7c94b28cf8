// A realistic large station, grown day by day through the console's own channels: orders come in
// each morning, pickers scan them over the shift (a few refusals and reprints), each line's manifest
// is loaded, closed out and handed over in the evening, the carriers' scans come back as a file the
// next days (most parcels delivered, some stuck, a few never scanned), and the monitor's pass opens
// the exceptions that follow. The station's clock is moved through the simulated days; each day is
// one transaction, written without waiting for the disk (the log and projections are the same as
// on the floor, only the fsyncs are skipped).
import { DateTime } from 'luxon';
import type { OrderData } from '../../../db/event-types';
import type { SettableClock } from '../../core/clock';
import { siteInfo, type ServiceContext } from '../../core/context';
import { newId } from '../../core/ids';
import type { ChannelName, Input, Output } from '../../contract/channels';
import { addRange } from '../lines/save';
import { demoProducts } from './data';
import { demoBarcode } from './seed';

/** A channel call in this process (no HTTP): the same contract the screens use. */
export type Call = <C extends ChannelName>(channel: C, input: Input<C>) => Promise<Output<C>>;

export interface GrowOptions {
  parcels: number;
  /** Parcels picked a day (default 400: 100,000 parcels are 250 days). */
  perDay?: number;
  /** Where the grown history ends (default: the clock's now). */
  until?: Date;
  seed?: number;
  onDay?: (p: GrowProgress) => void;
}

export interface GrowProgress {
  day: number;
  days: number;
  parcels: number;
  ms: number;
}

export interface GrowReport {
  days: number;
  orders: number;
  parcels: number;
  refused: number;
  reprinted: number;
  handedOver: number;
  scans: number;
  delivered: number;
  exceptionsOpened: number;
  openOrders: number;
  ms: number;
}

const LINES = [
  { id: 'postal-s10', share: 0.6 },
  { id: 'express-dhl', share: 0.25 },
  { id: 'ups', share: 0.15 },
] as const;

const FIRST = [
  'Emma',
  'Oliver',
  'Lena',
  'Chloé',
  'Jack',
  'Sofia',
  'Liam',
  'Noah',
  'Mia',
  'Lucas',
  'Hana',
  'Mateo',
  'Aisha',
  'Yuki',
  'Ivan',
  'Zoe',
  'Omar',
  'Nora',
  'Elias',
  'Ava',
];
const LAST = [
  'Johnson',
  'Smith',
  'Müller',
  'Martin',
  'Wilson',
  'Rossi',
  'Brown',
  'Davis',
  'Tanaka',
  'García',
  'Novak',
  'Silva',
  'Kowalski',
  'Dubois',
  'Nguyen',
  'Khan',
  'Larsen',
  'Costa',
  'Fischer',
  'Moreau',
];
const PLACES = [
  { city: 'Austin', province: 'TX', zip: '78701', country: 'US' },
  { city: 'London', zip: 'NW1 6XE', country: 'GB' },
  { city: 'Berlin', zip: '10119', country: 'DE' },
  { city: 'Paris', zip: '75004', country: 'FR' },
  { city: 'Sydney', province: 'NSW', zip: '2000', country: 'AU' },
  { city: 'Milano', province: 'MI', zip: '20121', country: 'IT' },
  { city: 'Toronto', province: 'ON', zip: 'M5H 1A1', country: 'CA' },
  { city: 'Madrid', zip: '28013', country: 'ES' },
];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

interface Shipped {
  trackingNumber: string;
  /** What the carriers will report, and when (ms). */
  scans: Array<{ status: 'accepted' | 'in_transit' | 'out_for_delivery' | 'delivered'; atMs: number }>;
}

/**
 * Grow the station behind `ctx` by `parcels` picked parcels over simulated days that end at
 * `until`. `clock` is the station's injected clock (the one `ctx` and the channels read); it is
 * left at `until` afterwards. Orders are `#100001` upwards on the store "grow".
 */
export async function growStation(ctx: ServiceContext, call: Call, clock: SettableClock, opts: GrowOptions): Promise<GrowReport> {
  const t0 = performance.now();
  const perDay = Math.max(1, Math.round(opts.perDay ?? 400));
  const days = Math.max(1, Math.ceil(opts.parcels / perDay));
  const zone = siteInfo(ctx).zone;
  const until = DateTime.fromJSDate(opts.until ?? clock.now(), { zone });
  const rnd = prng(opts.seed ?? 20261206);
  ensureNumbers(ctx, opts.parcels);
  const firstOrder = 100_001 + Object.values(ctx.store.read.orders.countByStatus()).reduce((a, b) => a + b, 0);
  const report: GrowReport = {
    days,
    orders: 0,
    parcels: 0,
    refused: 0,
    reprinted: 0,
    handedOver: 0,
    scans: 0,
    delivered: 0,
    exceptionsOpened: 0,
    openOrders: 0,
    ms: 0,
  };
  const carrierScans: Array<{ number: string; status: string; atMs: number }> = [];

  try {
    for (let d = 0; d < days; d++) {
      const day = until.startOf('day').minus({ days: days - 1 - d });
      const count = Math.min(perDay, opts.parcels - report.parcels);
      // One day per transaction; its WAL goes into the database before the next one.
      await ctx.store.generated(() => growDay(d === days - 1));
      opts.onDay?.({ day: d + 1, days, parcels: report.parcels, ms: performance.now() - t0 });

      async function growDay(last: boolean) {
        const at = (h: number, m = 0) => day.set({ hour: h, minute: m }).toJSDate();
        // Morning: the day's orders (the last day keeps a fifth of them open, as a shift in progress).
        clock.set(at(7, 30));
        const orders = makeOrders(firstOrder + report.orders, last ? Math.ceil(count * 1.25) : count, clock.now());
        ctx.store.write('orders', clock.now(), (emit) => emit({ type: 'orders.imported', payload: { orders } }));
        report.orders += orders.length;
        // The shift: picks spread over 09:00-17:00, a refusal every 40 scans and a reprint every 90.
        const shift = 8 * 3_600_000;
        const picked: Array<{ id: string; trackingNumber: string; lineId: string }> = [];
        for (let i = 0; i < count; i++) {
          clock.set(+at(9) + Math.floor((i * shift) / count));
          const r = await call('pick.scan', { code: orders[i].name });
          if (r.outcome !== 'issued') throw new Error(`demo grow: ${orders[i].name} was not issued (${r.outcome}: ${'message' in r ? r.message : ''})`);
          picked.push({ id: r.parcel.id, trackingNumber: r.parcel.trackingNumber, lineId: r.parcel.lineId });
          report.parcels++;
          if (i % 40 === 39) {
            await call('pick.scan', { code: `X${Math.floor(rnd() * 1e9)}` });
            report.refused++;
          }
          if (i % 90 === 89) {
            await call('pick.scan', { code: r.parcel.trackingNumber });
            report.reprinted++;
          }
          if (i % 50 === 49) finishJobs(ctx, clock.now());
        }
        finishJobs(ctx, clock.now());
        // Evening: each line's manifest loaded, closed out and handed over to the driver.
        clock.set(at(17, 30));
        const handed: Shipped[] = [];
        for (const { id: lineId } of LINES) {
          const mine = picked.filter((p) => p.lineId === lineId);
          if (!mine.length) continue;
          const m = await call('dispatch.open', { lineId });
          const loaded: string[] = [];
          for (const p of mine) {
            const r = await call('dispatch.scan', { manifestId: m.id, code: p.trackingNumber });
            if (r.outcome === 'loaded') loaded.push(p.trackingNumber);
          }
          if (!loaded.length) continue;
          const closed = await call('dispatch.close', { manifestId: m.id });
          clock.set(at(18, 10));
          await call('dispatch.handover', { code: closed.manifest.number!, driver: 'Li Wei', via: 'lead_confirm' });
          report.handedOver += loaded.length;
          for (const n of loaded) handed.push(plan(n, +at(18, 10)));
          clock.set(at(17, 30));
        }
        for (const h of handed) for (const s of h.scans) carrierScans.push({ number: h.trackingNumber, status: s.status, atMs: s.atMs });
        // Night: the carriers' file of the scans made since yesterday, then the monitor's pass.
        clock.set(at(22));
        const now = clock.now().getTime();
        const due = carrierScans.filter((s) => s.atMs <= now);
        if (due.length) {
          const keep = carrierScans.filter((s) => s.atMs > now);
          carrierScans.length = 0;
          carrierScans.push(...keep);
          for (let i = 0; i < due.length; i += 20_000) {
            const csv = ['tracking_number,status,scanned_at,location']
              .concat(
                due
                  .slice(i, i + 20_000)
                  .map((s) => `${s.number},${s.status},${new Date(s.atMs).toISOString()},${s.status === 'delivered' ? 'Destination' : 'Shenzhen, CN'}`),
              )
              .join('\n');
            const r = await call('monitor.import', { csv });
            report.scans += r.fresh;
          }
          report.delivered += due.filter((s) => s.status === 'delivered').length;
        }
        const pass = await call('monitor.pass', {});
        report.exceptionsOpened += pass.opened;
        finishJobs(ctx, clock.now());
      }
    }
  } finally {
    clock.set(until.toJSDate());
  }
  // A shift's picks queue their search texts for the index between scans; a grown station hands them all over
  // now, as a station that has run for months would have, so its first start does not spend minutes on them.
  while (ctx.store.indexSearch(10_000) > 0);
  report.openOrders = ctx.store.read.orders.countByStatus().open ?? 0;
  report.ms = Math.round(performance.now() - t0);
  return report;

  /** What the carriers will scan: most parcels move and arrive; some stop on the way; a few are never scanned. */
  function plan(trackingNumber: string, handedMs: number): Shipped {
    const H = 3_600_000;
    const r = rnd();
    if (r < 0.03) return { trackingNumber, scans: [] };
    const accepted = handedMs + (14 + rnd() * 20) * H;
    const scans: Shipped['scans'] = [{ status: 'accepted', atMs: accepted }];
    scans.push({ status: 'in_transit', atMs: accepted + (20 + rnd() * 30) * H });
    if (r < 0.1) return { trackingNumber, scans };
    const arrive = accepted + (4 + rnd() * 8) * 24 * H;
    scans.push({ status: 'out_for_delivery', atMs: arrive - 5 * H }, { status: 'delivered', atMs: arrive });
    return { trackingNumber, scans };
  }

  function makeOrders(from: number, n: number, at: Date): OrderData[] {
    return Array.from({ length: n }, (_, i) => {
      const r = rnd();
      const lineId = r < LINES[0].share ? LINES[0].id : r < LINES[0].share + LINES[1].share ? LINES[1].id : LINES[2].id;
      const name = `${FIRST[Math.floor(rnd() * FIRST.length)]} ${LAST[Math.floor(rnd() * LAST.length)]}`;
      const place = PLACES[Math.floor(rnd() * PLACES.length)];
      const p = demoProducts[Math.floor(rnd() * demoProducts.length)];
      return {
        id: newId('ord', at),
        store: 'grow',
        name: `#${from + i}`,
        status: 'open' as const,
        lineId,
        shipTo: { name, address1: `${1 + Math.floor(rnd() * 400)} Market St`, ...place },
        email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${from + i}@example.com`,
        createdAt: new Date(at.getTime() - Math.floor(rnd() * 12 * 3_600_000)).toISOString(),
        source: 'file' as const,
        items: [{ sku: p.sku, barcode: demoBarcode(p.sku), title: p.title, quantity: 1 + Math.floor(rnd() * 2) }],
      };
    });
  }
}

/** Enough numbers on every line for the parcels to come: a new range after the line's last one. */
function ensureNumbers(ctx: ServiceContext, parcels: number): void {
  for (const { id, share } of LINES) {
    const need = Math.ceil(parcels * share * 1.3) + 1000;
    if (ctx.store.read.lines.rangeRemaining(id) >= need) continue;
    const ranges = ctx.store.read.lines.ranges(id);
    const last = ranges[ranges.length - 1];
    if (!last) throw new Error(`demo grow: line ${id} has no number range to extend`);
    const first = Math.max(...ranges.map((r) => r.last)) + 1;
    addRange(ctx, { lineId: id, params: last.params, first, last: first + need });
  }
}

/**
 * The outbox as it would have run: labels printed and polls answered shortly after they were queued
 * (the grown station has no printer or carrier to talk to).
 */
function finishJobs(ctx: ServiceContext, at: Date): void {
  const queued = ctx.store.read.jobs.list({ status: 'queued', limit: 100_000 }).filter((j) => j.nextAt <= at.toISOString());
  for (let i = 0; i < queued.length; i += 500)
    ctx.store.write('outbox', at, (emit) => {
      for (const j of queued.slice(i, i + 500)) {
        const p = j.payload as { sourceId?: string; numbers?: Array<{ parcelId: string }>; printerId?: string };
        const result =
          j.kind === 'monitor.poll' && p.sourceId
            ? { monitor: 'poll', sourceId: p.sourceId, parcelIds: (p.numbers ?? []).map((n) => n.parcelId), askedAt: at.toISOString() }
            : {};
        emit({ type: 'job.succeeded', subject: j.ref ?? j.id, payload: { jobId: j.id, ref: j.ref, result } });
        if (j.kind === 'print.label' && j.ref)
          emit({
            type: 'label.printed',
            subject: j.ref,
            payload: { parcelId: j.ref, jobId: j.id, printerId: p.printerId ?? j.target.replace(/^printer:/, '') },
          });
      }
    });
}
