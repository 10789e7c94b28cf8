// Messages to the buyer, one template per exception cause: the tracking link and the realistic window,
// in plain words. The person sending can edit the text; the event keeps what was sent.
import { DateTime } from 'luxon';
import type { ExceptionCause } from '../../../db/monitor/events';
import type { LineData } from '../../../db/event-types';
import { ROUTE_WINDOWS } from './windows';

export interface TemplateFacts {
  buyerName: string;
  orderName: string;
  trackingNumber: string;
  trackingUrl: string;
  carrier: string;
  routeType: LineData['routeType'];
  zone: string;
  /** Expected first scan by (worst case), when known. */
  windowTo: string | null;
  pickupAt: string | null;
  lastScan: { status: string; at: string; location: string | null } | null;
  newOrderName?: string;
  /** When the message is written: a window already over is never promised again. */
  now?: string;
}

export type TemplateKey = ExceptionCause | 'reshipped';

const day = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('ccc d LLL');
const first = (name: string) => name.split(/\s+/)[0] || name;

export function trackingLink(line: Pick<LineData, 'trackingUrl'>, number: string): string {
  return line.trackingUrl.replace('{number}', encodeURIComponent(number));
}

export function renderTemplate(key: TemplateKey, f: TemplateFacts): { subject: string; body: string } {
  const w = ROUTE_WINDOWS[f.routeType];
  const hello = `Hi ${first(f.buyerName)},`;
  const link = `You can follow it here: ${f.trackingUrl}\n(${f.carrier} tracking number ${f.trackingNumber})`;
  const sign = 'Thank you for your patience,\nThe customer care team';
  const windowOver = !!f.windowTo && !!f.now && Date.parse(f.windowTo) <= Date.parse(f.now);
  const by = f.windowTo && !windowOver ? ` — we expect it by ${day(f.windowTo, f.zone)}` : '';
  // Two days from now: when we write again if the carrier's first scan is already late.
  const writeAgain = f.now ? day(DateTime.fromISO(f.now).plus({ days: 2 }).toISO()!, f.zone) : null;
  const bodies: Record<TemplateKey, { subject: string; lines: string[] }> = {
    not_handed_over: {
      subject: `Your order ${f.orderName} is packed and leaves with the next carrier pickup`,
      lines: [
        `your order ${f.orderName} is packed and labelled, but it missed its carrier pickup${f.pickupAt ? ` on ${day(f.pickupAt, f.zone)}` : ''}. It goes with the next one.`,
        `Tracking shows movement once ${f.carrier} scans it, usually ${w.words} after they take it.`,
      ],
    },
    no_first_scan: {
      subject: `Your order ${f.orderName} is with ${f.carrier}: first tracking update on its way`,
      lines: [
        windowOver
          ? `your order ${f.orderName} has been handed to ${f.carrier}. On this route the carrier's first scan usually appears ${w.words} after handover; yours is taking longer than that. We have asked ${f.carrier} to check it and will write to you again by ${writeAgain}.`
          : `your order ${f.orderName} has been handed to ${f.carrier}. On this route the carrier's first scan usually appears ${w.words} after handover${by}, and it can take longer over a weekend.`,
        `Until then the tracking page may show nothing or only "information received": that is normal, the parcel is moving. We are watching it and will contact you if anything goes wrong.`,
      ],
    },
    no_update: {
      subject: `Your order ${f.orderName} is in transit`,
      lines: [
        `your order ${f.orderName} is on its way${f.lastScan ? `; the last scan was "${f.lastScan.status}"${f.lastScan.location ? ` at ${f.lastScan.location}` : ''} on ${day(f.lastScan.at, f.zone)}` : ''}.`,
        `On international routes the parcel is handed from the origin carrier to the destination carrier, and tracking can stay silent for a few days at that point. We are watching it and will act if it does not move again soon.`,
      ],
    },
    failed_delivery: {
      subject: `Action needed: ${f.carrier} could not deliver your order ${f.orderName}`,
      lines: [
        `${f.carrier} tried to deliver your order ${f.orderName}${f.lastScan ? ` on ${day(f.lastScan.at, f.zone)}` : ''} but could not${f.lastScan?.location ? ` (${f.lastScan.location})` : ''}.`,
        `Please check the tracking page for a notice or a collection point, or reply with a better delivery address or time and we will arrange it with the carrier.`,
      ],
    },
    lost: {
      subject: `We are sending your order ${f.orderName} again`,
      lines: [
        `your order ${f.orderName} has not moved for too long, and we do not want you to keep waiting: we are sending a replacement now, free of charge, and will e-mail its new tracking number as soon as it leaves.`,
        `If the first parcel still arrives, you do not need to do anything.`,
      ],
    },
    reshipped: {
      subject: `A replacement for your order ${f.orderName} is on its way`,
      lines: [
        `we have sent a replacement for your order${f.newOrderName ? ` (${f.newOrderName})` : ''}. Its tracking shows movement ${w.words} after the carrier takes it.`,
      ],
    },
  };
  const b = bodies[key];
  return { subject: b.subject, body: [hello, '', ...b.lines, '', link, '', sign].join('\n') };
}
