// The demo lines' calendars (examples.ts) in the warehouse zone, with Table 3's first-scan windows.
import { siteInfo, type ServiceContext } from '../../core/context';
import type { LineCalendar } from './calendar';
import { defaultFirstScan } from './defaults';
import { postalS10Line, privateExpressLine, upsLine } from './examples';

const DEMO: Record<string, LineCalendar> = { 'postal-s10': postalS10Line, 'express-dhl': privateExpressLine, ups: upsLine };

export function seedDemoCutoffs(ctx: ServiceContext): void {
  const zone = siteInfo(ctx).zone;
  const reader = ctx.store.read.cutoffs;
  ctx.store.write('demo', ctx.clock.now(), (emit) => {
    for (const [lineId, cal] of Object.entries(DEMO)) {
      const line = ctx.store.read.lines.get(lineId);
      if (!line || reader.current(lineId)) continue;
      emit({
        type: 'cutoffs.calendar_saved',
        subject: lineId,
        payload: {
          lineId,
          version: reader.maxVersion(lineId) + 1,
          calendar: { ...cal, zone },
          firstScan: defaultFirstScan(line.routeType),
          reason: 'demo calendar; first-scan window from the article’s Table 3',
        },
      });
    }
  });
}
