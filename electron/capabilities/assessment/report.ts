import { DateTime } from 'luxon';
import { siteInfo, type ServiceContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { rulesOf, thresholdsFor } from '../monitor/settings';
import { ARTICLE, QUESTIONS } from './questions';
import { pct, quantile, span } from './stats';

export type Mark = 'pass' | 'attention';

export interface Answer {
  n: number;
  question: string;
  good: string;
  answer: string;
  figures: Array<{ label: string; value: string }>;
  source: string;
  mark: Mark;
}

export interface Assessment {
  site: string;
  zone: string;
  from: string;
  to: string;
  generatedAt: string;
  parcels: number;
  answers: Answer[];
}

const ms = (a: string, b: string) => Date.parse(b) - Date.parse(a);
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The period in the warehouse zone: whole days `from`..`to` inclusive; by default the last 14 days to today. */
export function periodOf(ctx: ServiceContext, from?: string, to?: string) {
  const zone = siteInfo(ctx).zone;
  const today = DateTime.fromJSDate(ctx.clock.now(), { zone }).startOf('day');
  const end = to ? DateTime.fromISO(to, { zone }) : today;
  const start = from ? DateTime.fromISO(from, { zone }) : end.minus({ days: 13 });
  if (!start.isValid || !end.isValid) throw badInput('Give the period as two dates, e.g. 2026-11-23 to 2026-12-06.');
  if (end < start) throw badInput('The period ends before it starts: swap the two dates.');
  if (end.diff(start, 'days').days > 366) throw badInput('A period of at most a year, please.');
  return { zone, from: start.toISODate()!, to: end.toISODate()!, fromIso: start.toUTC().toISO()!, toIso: end.plus({ days: 1 }).toUTC().toISO()! };
}

/** Answers to every question of Table 5, each from this site's own figures, with its source and a mark against the article's good answer. */
export function assess(ctx: ServiceContext, from?: string, to?: string): Assessment {
  const p = periodOf(ctx, from, to);
  const r = ctx.store.read.assessment;
  const parcels = r.parcels(p.fromIso, p.toIso);
  const site = siteInfo(ctx);
  const q = (n: number) => QUESTIONS[n - 1];
  const answers: Answer[] = [];
  const days = DateTime.fromISO(p.to).diff(DateTime.fromISO(p.from), 'days').days + 1;

  // 1. Numbers at pick: every parcel's number is issued in its pick's own transaction; the label follows.
  const labelDelays = parcels.filter((x) => x.labelAt).map((x) => ms(x.pickedAt, x.labelAt!));
  answers.push({
    ...q(1),
    answer: parcels.length
      ? `At pick: ${parcels.length} of ${parcels.length} parcels got their number in the pick scan itself; the label printed a median ${span(quantile(labelDelays, 0.5))} after the scan.`
      : 'At pick, by design (the number is issued in the pick scan), but no parcel was picked in this period.',
    figures: [
      { label: 'parcels numbered at pick', value: `${parcels.length} (${pct(parcels.length, parcels.length)})` },
      { label: 'scan to label printed, p50 / p99', value: `${span(quantile(labelDelays, 0.5))} / ${span(quantile(labelDelays, 0.99))}` },
    ],
    source: 'parcel.picked and label.printed events of this site (parcels table)',
    mark: parcels.length ? 'pass' : 'attention',
  });

  // 2. Shopify within 5 minutes.
  const toShopify = parcels.filter((x) => x.shopify);
  const syncDelays = toShopify.filter((x) => x.syncedAt).map((x) => ms(x.pickedAt, x.syncedAt!));
  const within = syncDelays.filter((d) => d <= ARTICLE.shopifyMinutes * 60_000).length;
  const share = toShopify.length ? within / toShopify.length : 0;
  answers.push({
    ...q(2),
    answer: toShopify.length
      ? `Pushed through the outbox as each parcel is picked: ${pct(within, toShopify.length)} of ${toShopify.length} numbers were in Shopify within ${ARTICLE.shopifyMinutes} minutes; median ${span(quantile(syncDelays, 0.5))}, p95 ${span(quantile(syncDelays, 0.95))}.`
      : 'No parcel of a connected Shopify store was picked in this period.',
    figures: [
      { label: `in Shopify within ${ARTICLE.shopifyMinutes} min`, value: `${within} of ${toShopify.length} (${pct(within, toShopify.length)})` },
      { label: 'pick to Shopify, p50 / p95', value: `${span(quantile(syncDelays, 0.5))} / ${span(quantile(syncDelays, 0.95))}` },
      { label: 'not in Shopify yet', value: String(toShopify.length - syncDelays.length) },
    ],
    source: 'shopify.fulfillment_created events (shopify_parcels.synced_at) against parcel.picked',
    mark: toShopify.length && share >= 0.99 ? 'pass' : 'attention',
  });

  // 3. First-scan windows per route, p50/p90, and by weekday of handover.
  const scanned = parcels.filter((x) => x.handedOverAt && x.firstScanAt);
  const routes = [...new Set(parcels.map((x) => x.routeType))].sort();
  const figures3 = routes.map((route) => {
    const w = scanned.filter((x) => x.routeType === route).map((x) => ms(x.handedOverAt!, x.firstScanAt!));
    return {
      label: `${route}: handover to first scan, p50 / p90 (n)`,
      value: w.length ? `${span(quantile(w, 0.5))} / ${span(quantile(w, 0.9))} (${w.length})` : 'no first scan yet (0)',
    };
  });
  const byDay = WEEKDAYS.map((d, i) => {
    const w = scanned.filter((x) => DateTime.fromISO(x.handedOverAt!, { zone: p.zone }).weekday === i + 1).map((x) => ms(x.handedOverAt!, x.firstScanAt!));
    return w.length ? `${d} ${span(quantile(w, 0.5))}` : null;
  }).filter(Boolean);
  answers.push({
    ...q(3),
    answer: scanned.length
      ? `Observed from handover to the carrier's first scan, per route: ${figures3.map((f) => `${f.label.split(':')[0]} ${f.value.split(' (')[0]}`).join('; ')}.`
      : 'No parcel handed over in this period has a carrier first scan yet.',
    figures: [...figures3, { label: 'p50 by weekday of handover', value: byDay.join(', ') || '–' }],
    source: 'parcel.handed_over (dispatch) and the first physical scan the monitor saw (monitor.scans_reported)',
    mark: scanned.length && routes.every((route) => scanned.some((x) => x.routeType === route)) ? 'pass' : 'attention',
  });

  // 4. Friday-Saturday: the Thursday shift on postal lines, and what Friday picks wait.
  const lines = r.lines();
  const cr = ctx.store.read.cutoffs;
  const postal = lines.filter((l) => l.routeType === 'postal');
  const shifted = postal.filter((l) => cr.current(l.id)?.calendar.rules.includes('thursday-shift'));
  const silence = (pred: (wd: number) => boolean) =>
    quantile(
      parcels.filter((x) => x.firstScanAt && pred(DateTime.fromISO(x.pickedAt, { zone: p.zone }).weekday)).map((x) => ms(x.pickedAt, x.firstScanAt!)),
      0.5,
    );
  answers.push({
    ...q(4),
    answer: postal.length
      ? `${shifted.length} of ${postal.length} postal line(s) run the Thursday shift (Friday-Saturday picks ride Monday's pickup); pick to first scan p50: Fri-Sat ${span(silence((d) => d >= 5 && d <= 6))}, Mon-Thu ${span(silence((d) => d <= 4))}.`
      : 'This site runs no low-cost postal line.',
    figures: [
      {
        label: 'postal lines with the Thursday shift',
        value: `${shifted.length} of ${postal.length}${shifted.length ? ` (${shifted.map((l) => l.name).join(', ')})` : ''}`,
      },
      { label: 'pick to first scan p50, Fri-Sat picks', value: span(silence((d) => d >= 5 && d <= 6)) },
      { label: 'pick to first scan p50, Mon-Thu picks', value: span(silence((d) => d <= 4)) },
    ],
    source: 'cut-off calendars (cutoffs.calendar_saved) and picks with their first scan',
    mark: postal.length === 0 || shifted.length === postal.length ? 'pass' : 'attention',
  });

  // 5. No scan in N days: flagged automatically, the partner told first.
  const rules = rulesOf(ctx);
  const exc = r.exceptions(p.fromIso, p.toIso);
  const silent = exc.filter((e) => e.cause === 'no_first_scan' || e.cause === 'no_update');
  const contacted = silent.filter((e) => e.contactedAt).length;
  const privH = rules.noFirstScan.hoursByRoute.private;
  const postH = rules.noFirstScan.hoursByRoute.postal;
  const resolveMs = silent.filter((e) => e.resolvedAt).map((e) => ms(e.openedAt, e.resolvedAt!));
  answers.push({
    ...q(5),
    answer: `${rules.noFirstScan.enabled ? 'Flagged automatically' : 'Not flagged (rule off)'} into the exception queue after ${privH} h without a first scan on private lines and ${postH} h on postal, ${rules.noUpdate.days} days without an update: ${silent.length} parcel(s) flagged in the period, ${contacted} with the buyer contacted from the queue.`,
    figures: [
      {
        label: 'no first scan after (private / postal)',
        value: `${privH} h / ${postH} h (article: ${ARTICLE.privateFirstScanHours} h / ${ARTICLE.postalFirstScanHours} h)`,
      },
      { label: 'flagged automatically in the period', value: String(silent.length) },
      { label: 'buyer contacted from the queue', value: `${contacted} of ${silent.length}` },
      { label: 'flag to resolved, p50', value: span(quantile(resolveMs, 0.5)) },
    ],
    source: 'monitor rules (monitor.rules_saved) and monitor.exception_opened / buyer_contacted events',
    mark: rules.noFirstScan.enabled && privH <= ARTICLE.privateFirstScanHours && postH <= ARTICLE.postalFirstScanHours ? 'pass' : 'attention',
  });

  // 6. Lost parcels: reship on 15+ days, not waiting for the claim.
  const lost = exc.filter((e) => e.cause === 'lost');
  const reships = r.reships(p.fromIso, p.toIso);
  const lostToReship = reships.filter((x) => x.flaggedAt && x.cause === 'lost').map((x) => ms(x.flaggedAt!, x.createdAt));
  const lostDays = Math.max(...lines.map((l) => thresholdsFor(rules, { id: l.id, routeType: l.routeType as 'postal' }).lostDays), rules.lost.days);
  answers.push({
    ...q(6),
    answer: `${rules.lost.enabled ? `Lost after ${lostDays} days without an update` : 'Lost-parcel rule off'}: the exception proposes a reship at once, without waiting for the claim. ${lost.length} lost in the period, ${reships.length} reship(s) created${lostToReship.length ? `, median ${span(quantile(lostToReship, 0.5))} after the flag` : ''}.`,
    figures: [
      { label: 'lost after (days without update)', value: `${lostDays} (article: ${ARTICLE.lostDays}+)` },
      { label: 'lost in the period', value: String(lost.length) },
      { label: 'reships created', value: String(reships.length) },
      { label: 'lost flag to reship, p50', value: span(quantile(lostToReship, 0.5)) },
    ],
    source: 'monitor rules and monitor.reship_created events',
    mark: rules.lost.enabled && lostDays <= ARTICLE.lostDays ? 'pass' : 'attention',
  });

  // 7. The merchant's own tracking page, and milestones into Shopify.
  const stores = ctx.store.read.shopify.stores();
  const pages = stores.map((s) => ({
    s,
    page: ctx.store.read.settings.get<{ template: string | null; milestones: boolean }>(`shopify:${s.id}`, 'tracking_page'),
  }));
  const branded = pages.filter((x) => x.page?.template).length;
  const sent = r.milestonesSent(p.fromIso, p.toIso);
  const sentTotal = sent.reduce((a, b) => a + b.n, 0);
  answers.push({
    ...q(7),
    answer: stores.length
      ? `Any page: each store sets its own tracking page URL (the merchant's, AfterShip's, 17TRACK's or ParcelPanel's) and milestones go to Shopify as fulfillment events, which any tracking app reads. ${branded} of ${stores.length} store(s) use a branded page; ${sentTotal} milestone event(s) sent in the period.`
      : 'No Shopify store is connected.',
    figures: [
      { label: 'stores with a branded tracking page', value: `${branded} of ${stores.length}` },
      { label: 'milestones sent to Shopify', value: sent.length ? sent.map((x) => `${x.status} ${x.n}`).join(', ') : '0' },
    ],
    source: 'shopify.tracking_page_set and shopify.event_sent events',
    mark: stores.length && (branded > 0 || sentTotal > 0) ? 'pass' : 'attention',
  });

  // 8. Growth: volume today, how it spreads over carriers, how fast exceptions are worked.
  const perDay = new Map<string, number>();
  for (const x of parcels) {
    const d = DateTime.fromISO(x.pickedAt, { zone: p.zone }).toISODate()!;
    perDay.set(d, (perDay.get(d) ?? 0) + 1);
  }
  const peak = Math.max(0, ...perDay.values());
  const byLine = lines.map((l) => ({ l, n: parcels.filter((x) => x.lineId === l.id).length })).filter((x) => x.n);
  const dueMet = exc.filter((e) => e.resolvedAt && e.resolvedAt <= e.dueAt).length;
  const perHour = Math.max(0, ...[...groupBy(parcels.map((x) => x.pickedAt.slice(0, 13)))].map(([, n]) => n));
  answers.push({
    ...q(8),
    answer: `${(parcels.length / days).toFixed(1)} parcels a day on average (peak ${peak}, busiest hour ${perHour}) over ${byLine.length} carrier line(s); ${pct(dueMet, exc.length)} of ${exc.length} exceptions worked within their due time. At 5× the volume the same rules run unchanged; the exception due times and the carrier mix are the levers (Supervisor and Exceptions screens).`,
    figures: [
      { label: 'parcels a day, average / peak', value: `${(parcels.length / days).toFixed(1)} / ${peak}` },
      { label: 'carrier lines in use', value: byLine.map((x) => `${x.l.name} ${pct(x.n, parcels.length)}`).join(', ') || '–' },
      { label: 'exceptions per 100 parcels', value: parcels.length ? ((exc.length / parcels.length) * 100).toFixed(1) : '–' },
      { label: 'exceptions worked within due time', value: `${dueMet} of ${exc.length}` },
      { label: 'exception due times (no first scan / lost)', value: `${rules.dueHours.no_first_scan} h / ${rules.dueHours.lost} h` },
    ],
    source: 'parcel.picked per day and hour, carrier lines, monitor exceptions with their due times',
    mark: byLine.length >= 2 && (exc.length === 0 || dueMet / exc.length >= 0.9) ? 'pass' : 'attention',
  });

  return { site: site.name, zone: p.zone, from: p.from, to: p.to, generatedAt: ctx.clock.now().toISOString(), parcels: parcels.length, answers };
}

function groupBy(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
