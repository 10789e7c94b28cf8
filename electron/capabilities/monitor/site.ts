// The site view: the share of parcels in each gap per line and weekday, and Table 4's cost estimate
// from the site's own volume and ticket rates.
import { DateTime } from 'luxon';
import type { CostSettingsData } from '../../../db/monitor/events';
import { siteInfo, type ServiceContext } from '../../core/context';
import { gapsOf, type GapKey } from './gaps';
import { costsOf } from './settings';
import { firstScanWindow } from './windows';

const D = 86_400_000;
const KEYS: GapKey[] = ['issued', 'shopify', 'handover', 'first_scan', 'reported', 'notification'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

type Shares = Record<GapKey, number>;
interface Bucket {
  parcels: number;
  late: Record<GapKey, number>;
}

const bucket = (): Bucket => ({ parcels: 0, late: { issued: 0, shopify: 0, handover: 0, first_scan: 0, reported: 0, notification: 0 } });
const shares = (b: Bucket): Shares =>
  Object.fromEntries(Object.entries(b.late).map(([k, n]) => [k, b.parcels ? Math.round((n / b.parcels) * 1000) / 1000 : 0])) as Shares;

/** Table 4 reference rows, for comparison with the site's own estimate. */
export const TABLE4 = [
  { ordersPerDay: 30, tickets: '~5', minutes: '~25', monthly: '~$190', risk: 'Low' },
  { ordersPerDay: 100, tickets: '~15-20', minutes: '~90', monthly: '~$675', risk: 'Medium — first PayPal dispute likely' },
  { ordersPerDay: 300, tickets: '~45-60', minutes: '~3-4 h', monthly: '~$1,800-2,400', risk: 'High — recurring disputes + review-rating impact' },
];

export function costEstimate(perLineDaily: Array<{ routeType: keyof CostSettingsData['ticketRates']; ordersPerDay: number }>, c: CostSettingsData) {
  const ordersPerDay = perLineDaily.reduce((s, l) => s + l.ordersPerDay, 0);
  const ticketsPerDay = perLineDaily.reduce((s, l) => s + l.ordersPerDay * c.ticketRates[l.routeType], 0);
  const minutesPerDay = ticketsPerDay * c.minutesPerTicket;
  const monthlyCost = (minutesPerDay * 30 * c.hourlyRate) / 60;
  const risk =
    ordersPerDay < 50
      ? 'Low'
      : ordersPerDay < 200
        ? 'Medium — first PayPal dispute likely within 60-90 days'
        : 'High — recurring disputes + review-rating impact';
  const r = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  return { ordersPerDay: r(ordersPerDay), ticketsPerDay: r(ticketsPerDay), minutesPerDay: r(minutesPerDay, 0), monthlyCost: r(monthlyCost, 0), risk };
}

export function siteView(ctx: ServiceContext, input: { days: number; hourlyRate?: number }) {
  const now = ctx.clock.now();
  const nowMs = now.getTime();
  const zone = siteInfo(ctx).zone;
  const r = ctx.store.read.monitor;
  const from = new Date(nowMs - input.days * D).toISOString();
  const rows = r.parcelsPickedBetween(from, now.toISOString());
  const synced = r.shopifySyncTimes();
  const told = r.shopifyNotifyTimes();
  const shopifyParcels = r.shopifyParcelIds();
  const lines = new Map(ctx.store.read.lines.all().map((l) => [l.id, l]));
  const byLine = new Map<string, Bucket>();
  const byDay = WEEKDAYS.map(() => bucket());
  const all = bucket();
  for (const p of rows) {
    const line = lines.get(p.lineId);
    if (!line) continue;
    const win = firstScanWindow(
      { expectedFrom: null, expectedTo: p.expectedTo, handedOverAt: p.handedOverAt, pickupAt: p.pickupAt, pickedAt: p.pickedAt },
      line.routeType,
    );
    const isShopify = shopifyParcels.has(p.id) || synced.has(p.id);
    const gaps = gapsOf(
      {
        orderCreatedAt: p.orderCreatedAt,
        pickedAt: p.pickedAt,
        shopify: isShopify
          ? {
              queuedAt: null,
              syncedAt: synced.get(p.id) ?? null,
              notifyCustomer: null,
              notifiedAt: told.get(p.id)?.notifiedAt ?? null,
              notifyAt: told.has(p.id) ? (told.get(p.id)!.atPick ? 'pick' : 'handover') : null,
            }
          : null,
        pickupAt: p.pickupAt,
        handedOverAt: p.handedOverAt,
        windowTo: p.expectedTo ?? win?.to ?? null,
        firstScanAt: p.firstScanAt,
        firstLearnedAt: p.firstLearnedAt,
      },
      nowMs,
    );
    const wd = DateTime.fromISO(p.pickedAt, { zone }).weekday - 1;
    let lb = byLine.get(p.lineId);
    if (!lb) byLine.set(p.lineId, (lb = bucket()));
    for (const b of [lb, byDay[wd], all]) {
      b.parcels++;
      for (const g of gaps) if (KEYS.includes(g.key) && (g.state === 'late' || g.state === 'open_late')) b.late[g.key]++;
    }
  }
  const costs = { ...costsOf(ctx), ...(input.hourlyRate !== undefined ? { hourlyRate: input.hourlyRate } : {}) };
  const perLine = [...lines.values()].map((l) => ({ line: l, n: byLine.get(l.id)?.parcels ?? 0 }));
  const estimate = costEstimate(
    perLine.map((x) => ({ routeType: x.line.routeType, ordersPerDay: x.n / input.days })),
    costs,
  );
  return {
    days: input.days,
    parcels: all.parcels,
    gaps: KEYS,
    overall: shares(all),
    lines: perLine
      .filter((x) => x.n > 0)
      .map((x) => ({ lineId: x.line.id, lineName: x.line.name, routeType: x.line.routeType, parcels: x.n, shares: shares(byLine.get(x.line.id)!) })),
    weekdays: byDay.map((b, i) => ({ day: WEEKDAYS[i], parcels: b.parcels, shares: shares(b) })),
    costs,
    estimate,
    perLineCost: perLine
      .filter((x) => x.n > 0)
      .map((x) => ({
        lineName: x.line.name,
        ordersPerDay: Math.round((x.n / input.days) * 10) / 10,
        ticketRate: costs.ticketRates[x.line.routeType],
        ticketsPerDay: Math.round((x.n / input.days) * costs.ticketRates[x.line.routeType] * 10) / 10,
      })),
    table4: TABLE4,
  };
}
