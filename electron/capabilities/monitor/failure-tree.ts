// Table 2's failure tree, walked for one parcel: the buyer's symptom, one diagnostic question per
// step answered from the parcel's own data, the root cause, which of the 7 fixes applies, and a
// reply ready to send.
import { DateTime } from 'luxon';
import type { Diagnosis } from './diagnosis';
import { ROUTE_WINDOWS } from './windows';

export type Symptom = 'no_number' | 'shows_nothing' | 'stopped';

export const SYMPTOMS: Record<Symptom, string> = {
  no_number: '“I don’t even have a tracking number”',
  shows_nothing: '“I have a tracking number but it shows nothing”',
  stopped: '“The tracking stopped updating mid-route”',
};

export const FIXES: Record<number, string> = {
  1: 'Send the buyer the realistic first-scan window for the route.',
  2: 'If it repeats on this line, switch the SKU to a carrier with a faster first-scan SLA.',
  3: 'Use an aggregator that pulls from the carrier’s direct feed plus mirror sites (this console already polls several sources).',
  4: 'Manual reconciliation: rebuild the parcel-to-tracking link.',
  5: 'Move to real-time WMS→Shopify sync (issue at pick, push within minutes).',
  6: 'Audit Shopify notification settings, check the sender domain’s spam score, add a branded tracking page.',
  7: 'Use a carrier with end-to-end visibility, or notify the buyer proactively at the handoff window.',
};

export interface TreeWalk {
  symptom: Symptom;
  symptomWords: string;
  inferred: boolean;
  steps: Array<{ question: string; answer: string }>;
  rootCause: string;
  gap: number | null;
  fixes: Array<{ n: number; text: string }>;
  action: string;
  reply: string;
}

const H = 3_600_000;
const D = 24 * H;

/** What the buyer most likely says, from where the parcel is. */
export function inferSymptom(d: Diagnosis, nowMs: number): Symptom {
  const shopify = d.gaps.find((g) => g.key === 'shopify')!;
  if (shopify.state === 'open' || shopify.state === 'open_late') return 'no_number';
  if (!d.tracking?.firstScanAt) return 'shows_nothing';
  if (d.tracking && nowMs - Date.parse(d.tracking.lastScanAt) >= 2 * D) return 'stopped';
  return 'shows_nothing';
}

/** A scan placed in another country than the buyer's (the origin's aside): the number may be on another parcel. */
function foreignScan(d: Diagnosis): string | null {
  for (const s of d.scans) {
    const m = s.location?.match(/\b([A-Z]{2})$/);
    if (m && m[1] !== d.order.country && m[1] !== 'CN' && s.status !== 'info_received') return `${s.statusWords} at ${s.location}`;
  }
  return null;
}

export function walkTree(d: Diagnosis, nowMs: number, zone: string, opts: { symptom?: Symptom; lineLateShare?: number; lostDays?: number } = {}): TreeWalk {
  const symptom = opts.symptom ?? inferSymptom(d, nowMs);
  const steps: TreeWalk['steps'] = [];
  const day = (iso: string) => DateTime.fromISO(iso, { zone }).toFormat('ccc d LLL');
  const w = ROUTE_WINDOWS[d.line.routeType];
  const first = d.order.buyer.split(/\s+/)[0];
  const link = `${d.parcel.trackingUrl}`;
  const g = (k: string) => d.gaps.find((x) => x.key === k)!;
  const hello = `Hi ${first},\n\n`;
  const bye = `\n\nBest regards,\nCustomer care`;
  const done = (rootCause: string, gap: number | null, fixes: number[], action: string, reply: string): TreeWalk => ({
    symptom,
    symptomWords: SYMPTOMS[symptom],
    inferred: !opts.symptom,
    steps,
    rootCause,
    gap,
    fixes: fixes.map((n) => ({ n, text: FIXES[n] })),
    action,
    reply: hello + reply + bye,
  });

  const wrong = foreignScan(d);
  if (wrong) {
    steps.push({ question: 'Do the carrier’s scans match this parcel’s destination?', answer: `No: ${wrong}, the buyer is in ${d.order.country}.` });
    return done(
      'The tracking number was issued for (or stuck on) a different parcel: warehouse error.',
      null,
      [4],
      'Check the parcel on the shelf and the label record; rebuild the parcel-to-tracking link, or reship.',
      `thank you for your message about order ${d.order.name}. The tracking for ${d.parcel.trackingNumber} does not match your parcel, and we are checking it with the warehouse today. We will send you the correct tracking (or a replacement) within one working day.`,
    );
  }

  if (symptom === 'no_number') {
    const issued = g('issued');
    steps.push({
      question: 'Was a tracking number issued?',
      answer: issued.state === 'late' ? `Yes, but ${issued.hours} h after the order (late).` : `Yes, at pick (${day(d.parcel.pickedAt)}).`,
    });
    const shop = g('shopify');
    steps.push({
      question: 'Did it reach the Shopify order?',
      answer:
        shop.state === 'ok'
          ? 'Yes, within minutes.'
          : shop.state === 'late'
            ? `Yes, ${shop.hours} h after it was issued (late).`
            : shop.state === 'n/a'
              ? 'Not a Shopify order.'
              : `Not yet (${shop.hours ?? 0} h in the queue).`,
    });
    if (issued.state === 'late' || shop.state === 'late' || shop.state === 'open' || shop.state === 'open_late')
      return done(
        issued.state === 'late' ? 'The warehouse generated the number late (gap 1).' : 'The number reached Shopify late: batched or failing sync (gap 2).',
        issued.state === 'late' ? 1 : 2,
        [5],
        shop.state === 'open_late' ? 'Fix the Shopify sync queue now, then send the number by hand.' : 'Send the number by hand now.',
        `your order ${d.order.name} has shipped with ${d.line.carrier}; your tracking number is ${d.parcel.trackingNumber}. You can follow it here: ${link}\nThe first scan usually shows ${w.words} after the carrier takes it.`,
      );
    const note = g('notification');
    steps.push({ question: 'Did Shopify send the shipping confirmation?', answer: note.text });
    return done(
      'The shipping confirmation e-mail did not reach the buyer (gap 5).',
      5,
      [6],
      'Send the tracking link directly; audit the notification settings and sender domain.',
      `your order ${d.order.name} has shipped — the confirmation e-mail may have landed in your spam folder. Your tracking number is ${d.parcel.trackingNumber}: ${link}`,
    );
  }

  if (symptom === 'stopped' && d.tracking?.firstScanAt) {
    const quietDays = Math.round(((nowMs - Date.parse(d.tracking.lastScanAt)) / D) * 10) / 10;
    steps.push({ question: 'When was the last carrier update?', answer: `${day(d.tracking.lastScanAt)} (${quietDays} days ago): ${d.tracking.statusWords}.` });
    if (quietDays >= (opts.lostDays ?? 15))
      return done(
        `No update for ${quietDays} days: treated as lost.`,
        null,
        [7],
        'Reship now (the exception queue proposes it); do not wait for the carrier’s claim.',
        `your order ${d.order.name} has not moved for too long, so we are sending a replacement now, free of charge. We will e-mail the new tracking number as soon as it leaves.`,
      );
    return done(
      'Carrier handoff between the origin line and the destination line (multi-leg routing).',
      null,
      [7],
      'Tell the buyer about the handoff window before they ask again.',
      `your order ${d.order.name} is in transit: it was last scanned on ${day(d.tracking.lastScanAt)} and is now passing from the origin carrier to the local carrier, which can keep tracking silent for a few days. Tracking: ${link}`,
    );
  }

  // Shows nothing (or the buyer says so while we see scans).
  if (!d.parcel.handedOverAt && !d.tracking?.firstScanAt) {
    const ho = g('handover');
    steps.push({
      question: 'Has the carrier taken the parcel?',
      answer: ho.state === 'open_late' ? 'No, and it missed its pickup.' : 'No, it waits for its pickup.',
    });
    return done(
      ho.state === 'open_late' ? 'The parcel missed its pickup: it is still at the warehouse.' : 'The parcel is waiting for its pickup at the warehouse.',
      3,
      [1],
      ho.state === 'open_late' ? 'Find the parcel on the dock and get it on the next pickup.' : 'Send the buyer the window.',
      `your order ${d.order.name} is packed and leaves with the next carrier pickup. Its tracking (${link}) shows the first scan about ${w.words} after that.`,
    );
  }
  steps.push({
    question: 'Has the carrier taken the parcel?',
    answer: d.parcel.handedOverAt ? `Yes, ${day(d.parcel.handedOverAt)}.` : 'Not recorded, but the carrier has scanned it.',
  });
  if (d.tracking?.firstScanAt) {
    const rep = g('reported');
    steps.push({
      question: 'Do we see a carrier scan?',
      answer: `Yes: first scan ${day(d.tracking.firstScanAt)}, first shown by ${d.tracking.firstSourceName}${rep.hours !== null ? `, ${rep.hours} h after it happened` : ''}.`,
    });
    return done(
      'The carrier scanned it but its API reports late, so the buyer’s page lags (gap 4).',
      4,
      [3],
      'Reply with what we see; the aggregator view is ahead of the carrier page.',
      `your order ${d.order.name} is moving: ${d.line.carrier} scanned it on ${day(d.tracking.firstScanAt)} (“${d.tracking.statusWords}”). The carrier’s own page can take a day to catch up. Tracking: ${link}`,
    );
  }
  const fs = g('first_scan');
  steps.push({ question: 'Do we see a carrier scan?', answer: `No scan from any source yet; ${fs.hours ?? 0} h since handover.` });
  const late = fs.state === 'open_late';
  steps.push({
    question: 'Is it past the line’s expected first-scan window?',
    answer: late ? `Yes (window ended ${d.window ? day(d.window.to) : '?'}).` : `No (window ends ${d.window ? day(d.window.to) : '?'}).`,
  });
  const repeats = (opts.lineLateShare ?? 0) >= 0.2;
  if (late)
    steps.push({
      question: 'Does this happen often on this line?',
      answer: `${Math.round((opts.lineLateShare ?? 0) * 100)} % of its parcels in the last 30 days were first scanned late.`,
    });
  return done(
    'The carrier has the parcel but has not done its first scan (gap 3).',
    3,
    late && repeats ? [1, 2] : [1],
    late ? 'Send the window; chase the carrier with the manifest; if it repeats, move the SKU to a faster line.' : 'Send the buyer the realistic window.',
    `your order ${d.order.name} is with ${d.line.carrier} (handed over ${d.parcel.handedOverAt ? day(d.parcel.handedOverAt) : 'recently'}). On this route the first scan usually shows ${w.words} after handover${d.window ? `; we expect it by ${day(d.window.to)}` : ''}. Until then the tracking page can look empty: that is normal. Tracking: ${link}`,
  );
}
