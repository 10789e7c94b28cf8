import { dateTimeOf, type TimeFormat } from '../../core/time-format';
import { siteInfo, type ServiceContext } from '../../core/context';

/** The site's time format: its warehouse zone and clock style (24-hour unless set otherwise). */
export function siteTimeFormat(ctx: ServiceContext): TimeFormat {
  const site = siteInfo(ctx);
  return { zone: site.zone, clock: site.clock ?? '24h' };
}

/** "Fri 27 Nov 17:32" (or "5:32 PM" on a 12-hour site), for messages shown on floor screens. */
export function siteDateTime(ctx: ServiceContext, iso: string): string {
  return dateTimeOf(iso, siteTimeFormat(ctx));
}
