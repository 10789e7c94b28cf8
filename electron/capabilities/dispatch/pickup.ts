import { DateTime } from 'luxon';
import type { LineRulesData } from '../../../db/dispatch/events';
import { pickupForPick } from '../cutoffs/for-parcel';
import { siteInfo, type ServiceContext } from '../../core/context';
import { siteDateTime } from '../station/time';

const startOf = (date: string, zone: string) => DateTime.fromISO(date, { zone }).startOf('day').toJSDate();

/**
 * When the carrier is expected for a line on a warehouse-local date: the pickup of the line's
 * cut-off calendar that day when it has one, else the line's plain pickup time.
 */
export function pickupInstant(ctx: ServiceContext, rules: LineRulesData, pickupDate: string): string {
  const zone = siteInfo(ctx).zone;
  const cal = pickupForPick(ctx, rules.lineId, startOf(pickupDate, zone));
  if (cal && DateTime.fromISO(cal.pickupAt, { zone }).toISODate() === pickupDate) return cal.pickupAt;
  return DateTime.fromISO(`${pickupDate}T${rules.expectedPickup}`, { zone }).toUTC().toISO()!;
}

/**
 * The pickup the line really has on a local date: its calendar's, or null on a day without one (a
 * Sunday, a holiday). A line without a calendar has its plain pickup time every day.
 */
export function scheduledPickup(ctx: ServiceContext, rules: LineRulesData, date: string): string | null {
  const zone = siteInfo(ctx).zone;
  if (!ctx.store.read.cutoffs.current(rules.lineId)) return DateTime.fromISO(`${date}T${rules.expectedPickup}`, { zone }).toUTC().toISO()!;
  const cal = pickupForPick(ctx, rules.lineId, startOf(date, zone));
  return cal && DateTime.fromISO(cal.pickupAt, { zone }).toISODate() === date ? cal.pickupAt : null;
}

/** The next pickup of a line from now: today's if the line has one today, still ahead and not come yet, else the next day with one. */
export function nextPickupDate(ctx: ServiceContext, rules: LineRulesData): string {
  const zone = siteInfo(ctx).zone;
  const now = DateTime.fromJSDate(ctx.clock.now(), { zone });
  const today = now.toISODate()!;
  const todays = scheduledPickup(ctx, rules, today);
  const ahead = todays !== null && ctx.clock.now().toISOString() <= todays && !ctx.store.read.dispatch.handedOverOn(rules.lineId, today);
  if (ahead) return today;
  const tomorrow = now.plus({ days: 1 }).toISODate()!;
  const cal = pickupForPick(ctx, rules.lineId, startOf(tomorrow, zone));
  return cal ? DateTime.fromISO(cal.pickupAt, { zone }).toISODate()! : tomorrow;
}

/** "Fri 27 Nov 17:32" in the warehouse zone (the site's time format), for messages. */
export function localTime(ctx: ServiceContext, iso: string): string {
  return siteDateTime(ctx, iso);
}
