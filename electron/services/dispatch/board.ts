import { DateTime } from 'luxon';
import { dispatchReader } from '../../../db/dispatch/reader';
import { siteInfo, type ServiceContext } from '../site/context';
import { startOfLocalDay } from '../site/zone';
import { localTime, nextPickupDate, pickupInstant } from './pickup';
import { rulesFor } from './rules';
import { discrepancyView, manifestView } from './view';

/** Dispatch at a glance, including the alerts for pickups that are overdue right now. */
export function dispatchBoard(ctx: ServiceContext) {
  const reader = dispatchReader(ctx.store.db);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const zone = siteInfo(ctx).zone;
  const local = (iso: string) => DateTime.fromISO(iso, { zone }).toFormat('HH:mm');
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  const manifests = reader.current(startOfLocalDay(now, zone)).map((m) => manifestView(ctx, m));
  const alerts: Array<{ code: 'pickup_overdue'; lineId: string; manifestId: string | null; message: string; next: string }> = [];

  const lines = ctx.store.lines
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
          message: `Pickup overdue: ${line.name}${m.number ? ` ${m.number}` : ''} was expected at ${local(m.expectedPickupAt)} and has not been handed over.`,
          next: m.status === 'open' ? `Close it out now and call ${line.carrier}.` : `Call ${line.carrier}. When the driver comes, scan the manifest barcode to confirm the handover.`,
        });
      const todayPickup = pickupInstant(ctx, rules, today);
      const handedToday = mine.some((m) => m.status === 'handed_over' && m.pickupDate === today);
      if (waiting > 0 && nowIso > todayPickup && !handedToday && !mine.some((m) => m.overdue))
        alerts.push({
          code: 'pickup_overdue',
          lineId: line.id,
          manifestId: null,
          message: `Pickup overdue: ${waiting} ${line.name} parcel${waiting === 1 ? '' : 's'} waiting and no handover since ${local(todayPickup)}.`,
          next: `Load them on a manifest, close it out and call ${line.carrier}.`,
        });
      const nextPickupAt = pickupInstant(ctx, rules, nextPickupDate(ctx, rules));
      return { lineId: line.id, lineName: line.name, carrier: line.carrier, rules, waiting, nextPickupAt, nextPickupLocal: localTime(ctx, nextPickupAt) };
    });
  return { now: nowIso, lines, manifests, discrepancies: reader.openDiscrepancies().map(discrepancyView), alerts };
}
