import { DateTime } from 'luxon';
import { siteInfo, type ServiceContext } from '../../core/context';
import { startOfLocalDay } from '../station/zone';
import { whenOf } from '../../core/time-format';
import { localTime, nextPickupDate, pickupInstant, scheduledPickup } from './pickup';
import { rulesFor } from './rules';
import { discrepancyView, manifestView } from './view';

/** Dispatch at a glance, including the alerts for pickups that are overdue right now. */
export function dispatchBoard(ctx: ServiceContext) {
  const reader = ctx.store.read.dispatch;
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const zone = siteInfo(ctx).zone;
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  const format = { zone, clock: siteInfo(ctx).clock ?? '24h' } as const;
  // The site's one time format (24-hour unless it says 12-hour), as on every floor screen.
  const when = (iso: string) => {
    const w = whenOf(iso, format, now.getTime());
    return /^\d/.test(w) ? `at ${w}` : w;
  };
  const manifests = reader.current(startOfLocalDay(now, zone)).map((m) => manifestView(ctx, m));
  const alerts: Array<{ code: 'pickup_overdue'; lineId: string; manifestId: string | null; message: string; next: string }> = [];

  const lines = ctx.store.read.lines
    .all()
    .filter((l) => l.active)
    .map((line) => {
      const rules = rulesFor(ctx, line);
      const waiting = reader.waitingCount(line.id);
      const mine = manifests.filter((m) => m.lineId === line.id);
      for (const m of mine.filter((x) => x.overdue))
        alerts.push({
          code: 'pickup_overdue',
          lineId: line.id,
          manifestId: m.id,
          message: `Pickup overdue: ${line.name} manifest due ${when(m.expectedPickupAt)}.`,
          next: m.status === 'open' ? `Close it out now and call ${line.carrier}.` : `Call ${line.carrier}; scan the manifest when the driver comes.`,
        });
      // Only a pickup that was really due: a day without one in the calendar raises nothing, and a
      // handover since the parcels were picked settles them (left behind ones are discrepancies).
      const hasCalendar = !!ctx.store.read.cutoffs.current(line.id);
      const due = reader.dueWaiting(line.id, nowIso, hasCalendar ? null : scheduledPickup(ctx, rules, today));
      if (due.count > 0 && due.since && !mine.some((m) => m.overdue))
        alerts.push({
          code: 'pickup_overdue',
          lineId: line.id,
          manifestId: null,
          message: `Pickup overdue: ${due.count} ${line.name} parcel${due.count === 1 ? '' : 's'} due ${when(due.since)}, not handed over.`,
          next: `Load them, close out, call ${line.carrier}.`,
        });
      const nextPickupAt = pickupInstant(ctx, rules, nextPickupDate(ctx, rules));
      return { lineId: line.id, lineName: line.name, carrier: line.carrier, rules, waiting, nextPickupAt, nextPickupLocal: localTime(ctx, nextPickupAt) };
    });
  return { now: nowIso, lines, manifests, discrepancies: reader.openDiscrepancies().map(discrepancyView), alerts };
}
