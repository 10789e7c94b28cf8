import type { z } from 'zod';
import type { LineRulesData } from '../../../db/dispatch/events';
import type { ParcelRow } from '../../../db/pick/reader';
import type { DispatchScanResult, RefusalCode } from '../../contract/channels/dispatch';
import { recognize } from '../numbers/recognize';
import { siteInfo, type ServiceContext } from '../../core/context';
import { localTime } from './pickup';
import { classify, siteCode } from './codes';
import { requireLine, rulesFor } from './rules';
import { loadedView, manifestView, operator, requireManifest } from './view';
import type { ManifestRow } from '../../../db/dispatch/reader';
import { heldLabelVerdict } from '../backup/held-label';

type ScanResult = z.input<typeof DispatchScanResult>;
type Refusal = { code: z.infer<typeof RefusalCode>; message: string; next: string; parcelId?: string; belongsTo?: string };

const kg = (g: number) => `${(g / 1000).toFixed(1)} kg`;

function refused(ctx: ServiceContext, manifestId: string | null, code: string, r: Refusal): ScanResult {
  ctx.store.write(operator(ctx), ctx.clock.now(), (emit) =>
    emit({
      type: 'dispatch.scan_refused',
      subject: r.parcelId ?? manifestId,
      payload: { manifestId, code, reason: r.code, ...(r.parcelId ? { parcelId: r.parcelId } : {}) },
    }),
  );
  return { outcome: 'refused', code: r.code, message: r.message, next: r.next, parcelId: r.parcelId ?? null, belongsTo: r.belongsTo ?? null };
}

/** Whether a parcel of `parcelLine` may ride on a pickup of `manifestLine` with these rules. */
function accepts(ctx: ServiceContext, manifestLineId: string, rules: LineRulesData, parcel: ParcelRow): boolean {
  if (parcel.lineId === manifestLineId) return true;
  const mine = ctx.store.read.lines.get(manifestLineId)!;
  const theirs = ctx.store.read.lines.get(parcel.lineId)!;
  return theirs.carrier === mine.carrier && rules.services.includes(theirs.service);
}

/** The checks of a load, run inside the write lock so two stations cannot both win. */
function refusalFor(ctx: ServiceContext, m: ManifestRow, rules: LineRulesData, parcel: ParcelRow, weightGrams: number | undefined): Refusal | null {
  const r = ctx.store.read.dispatch;
  const tn = parcel.trackingNumber;
  const at = { parcelId: parcel.id };
  if (m.status !== 'open')
    return {
      ...at,
      code: 'manifest_not_open',
      message: `Manifest ${m.number ?? ''} is ${m.status.replace('_', ' ')}: nothing more can be loaded on it.`,
      next: m.status === 'closed' ? 'Reopen it with a reason, or open the next manifest for this line.' : 'Open the next manifest for this line.',
    };
  if (parcel.status === 'voided')
    return { ...at, code: 'voided', message: `Parcel ${tn} was voided.`, next: 'Do not ship it: take it to the supervisor desk.' };
  const placed = r.placement(parcel.id);
  if (parcel.status === 'handed_over') {
    const on = placed && r.manifest(placed.manifestId);
    return {
      ...at,
      code: 'handed_over',
      message: `Parcel ${tn} was already handed to the carrier${on?.number ? ` on ${on.number}` : ''}.`,
      next: 'It should not be here: set it aside and tell the dispatch lead.',
      belongsTo: on?.number ?? undefined,
    };
  }
  if (placed?.manifestId === m.id)
    return {
      ...at,
      code: 'duplicate',
      message: `${tn} is already on this manifest.`,
      next: 'Nothing to do: put it with the loaded parcels and scan the next one.',
      belongsTo: m.number ?? undefined,
    };
  if (placed) {
    const other = r.manifest(placed.manifestId)!;
    const label = other.number ?? `the open ${ctx.store.read.lines.get(other.lineId)?.name ?? other.lineId} manifest`;
    return {
      ...at,
      code: 'on_other_manifest',
      message: `${tn} is already on ${label}${parcel.status === 'missing' ? ' (flagged missing)' : ''}.`,
      next:
        parcel.status === 'missing'
          ? 'Settle its discrepancy first ("back to the dock"), then scan it again.'
          : 'Put it with that manifest, or take it off there first (with a reason).',
      belongsTo: label,
    };
  }
  const order = ctx.store.read.orders.get(parcel.orderId);
  if (order?.status === 'on_hold' || order?.status === 'cancelled')
    return {
      ...at,
      code: 'on_hold',
      message: `Order ${order.name} is ${order.status.replace('_', ' ')}${order.statusNote ? `: ${order.statusNote}` : ''}.`,
      next: 'Do not load it: put it on the hold shelf for the supervisor.',
    };
  if (!accepts(ctx, m.lineId, rules, parcel)) {
    const theirs = ctx.store.read.lines.get(parcel.lineId)!;
    return {
      ...at,
      code: 'wrong_line',
      message: `WRONG LINE: ${tn} goes with ${theirs.name}, not ${ctx.store.read.lines.get(m.lineId)!.name}.`,
      next: `Take it off this pile and put it with ${theirs.name}.`,
      belongsTo: theirs.name,
    };
  }
  if (rules.bags === 'required' && !r.currentBag(m.id, ctx.stationId))
    return { ...at, code: 'bag_required', message: 'This line loads parcels in bags.', next: 'Scan the bag label first, then its parcels.' };
  if (rules.weight === 'required' && weightGrams === undefined)
    return {
      ...at,
      code: 'weight_required',
      message: `This line needs the weight of every parcel.`,
      next: 'Weigh the parcel, enter its weight in grams, then scan it again.',
    };
  if (rules.maxParcels !== null && m.parcels >= rules.maxParcels)
    return {
      ...at,
      code: 'full',
      message: `This manifest has reached its limit of ${rules.maxParcels} parcels.`,
      next: 'Close it out and open the next manifest for this line.',
    };
  if (rules.maxWeightGrams !== null && weightGrams !== undefined && m.weightGrams + weightGrams > rules.maxWeightGrams)
    return {
      ...at,
      code: 'too_heavy',
      message: `With this parcel the manifest would weigh ${kg(m.weightGrams + weightGrams)}, over its ${kg(rules.maxWeightGrams)} limit.`,
      next: 'Close it out and open the next manifest for this line.',
    };
  return null;
}

function unknownCode(ctx: ServiceContext, raw: string, compact: string): Refusal {
  const held = heldLabelVerdict(ctx, [compact, raw.trim()]);
  if (held) return { code: 'held_after_restore', message: held.message, next: held.next, belongsTo: held.orderName };
  const number = recognize(compact);
  if (number.ok)
    return {
      code: 'other_site',
      message: `${number.normalized} is a valid ${number.carrier} number, but not a parcel of this site.`,
      next: 'This label belongs to another site or an old shipment: set the parcel aside for the dispatch lead.',
    };
  const orders = ctx.store.read.orders.byName(raw.trim());
  if (orders.length) {
    const o = orders[0];
    return o.status === 'open' || o.status === 'on_hold'
      ? { code: 'not_picked', message: `Order ${o.name} has not been picked: it has no label yet.`, next: 'Send it back to the pick station to get its label.' }
      : {
          code: 'bad_scan',
          message: `That is the order number of ${o.name}, not its parcel label.`,
          next: 'Scan the barcode of the tracking number on the label.',
        };
  }
  return {
    code: 'bad_scan',
    message: `"${raw.slice(0, 40)}" is not a parcel label, bag label or manifest barcode.`,
    next: 'Scan the tracking barcode on the parcel label.',
  };
}

function manifestScanned(ctx: ServiceContext, manifestId: string, raw: string, number: string, site: string): ScanResult {
  const m = ctx.store.read.dispatch.byNumber(number);
  const ours = siteCode(siteInfo(ctx).name);
  if (!m && site !== ours)
    return refused(ctx, manifestId, raw, {
      code: 'other_site',
      message: `${number} is a manifest of another site (${site}), not of this one (${ours}).`,
      next: 'Check the paperwork: the driver may have the wrong manifest.',
    });
  if (!m)
    return refused(ctx, manifestId, raw, {
      code: 'bad_scan',
      message: `There is no manifest ${number} here.`,
      next: 'Check the number on the manifest; scan the barcode of a printed manifest of this site.',
    });
  if (m.status === 'handed_over')
    return refused(ctx, manifestId, raw, {
      code: 'handed_over',
      message: `Manifest ${number} was already handed over${m.driver ? ` to ${m.driver}` : ''} at ${localTime(ctx, m.handedOverAt!)}.`,
      next: 'Nothing to do: a manifest is handed over once.',
      belongsTo: number,
    });
  const view = manifestView(ctx, m);
  return m.status === 'closed'
    ? {
        outcome: 'manifest',
        manifest: view,
        message: `Manifest ${number}: ${m.parcels} parcels for ${view.lineName}.`,
        next: "Write the driver's name and confirm the handover.",
      }
    : {
        outcome: 'manifest',
        manifest: view,
        message: `Manifest ${number} is ${m.status}.`,
        next: m.status === 'open' ? 'Close it out before the carrier takes it.' : 'A voided manifest cannot be handed over: close out a new one.',
      };
}

/** One scan at the dispatch screen. Only after the commit does the screen turn green. */
export function dispatchScan(ctx: ServiceContext, manifestId: string, raw: string, weightGrams?: number): ScanResult {
  const code = classify(raw);
  if (code.kind === 'manifest') return manifestScanned(ctx, manifestId, raw, code.number, code.site);
  const m0 = requireManifest(ctx, manifestId);
  const line = requireLine(ctx, m0.lineId);
  const rules = rulesFor(ctx, line);
  const reader = ctx.store.read.dispatch;

  if (code.kind === 'bag') {
    if (m0.status !== 'open')
      return refused(ctx, manifestId, raw, {
        code: 'manifest_not_open',
        message: `This manifest is ${m0.status.replace('_', ' ')}.`,
        next: 'Open the next manifest for this line first.',
      });
    ctx.store.write(operator(ctx), ctx.clock.now(), (emit) =>
      emit({ type: 'manifest.bag_opened', subject: manifestId, payload: { manifestId, bag: code.bag } }),
    );
    return { outcome: 'bag', bag: code.bag, manifest: manifestView(ctx, reader.manifest(manifestId)!), message: `Bag ${code.bag}: scan its parcels.` };
  }

  const parcel = ctx.store.read.parcels.byTracking(code.compact) ?? ctx.store.read.parcels.byTracking(raw.trim());
  if (!parcel) return refused(ctx, manifestId, raw, unknownCode(ctx, raw, code.compact));

  const outcome = ctx.store.write(operator(ctx), ctx.clock.now(), (emit) => {
    const m = reader.manifest(manifestId)!;
    const fresh = ctx.store.read.parcels.get(parcel.id)!;
    // A parcel weighed at the pack bench carries its weight; a weight typed here wins.
    weightGrams ??= fresh.weightG ?? undefined;
    const no = refusalFor(ctx, m, rules, fresh, weightGrams);
    if (no) {
      emit({ type: 'dispatch.scan_refused', subject: parcel.id, payload: { manifestId, code: raw, reason: no.code, parcelId: parcel.id } });
      return no;
    }
    const bag = reader.currentBag(manifestId, ctx.stationId);
    emit({ type: 'parcel.loaded', subject: parcel.id, payload: { parcelId: parcel.id, manifestId, lineId: m.lineId, bag, weightGrams: weightGrams ?? null } });
    return null;
  });
  if (outcome)
    return { outcome: 'refused', code: outcome.code, message: outcome.message, next: outcome.next, parcelId: parcel.id, belongsTo: outcome.belongsTo ?? null };
  const loaded = reader.loaded(parcel.id)!;
  const m = manifestView(ctx, reader.manifest(manifestId)!);
  return {
    outcome: 'loaded',
    parcel: loadedView(loaded),
    manifest: m,
    message: `${parcel.trackingNumber} loaded${loaded.bag ? ` in ${loaded.bag}` : ''}: ${m.parcels} on the manifest.`,
  };
}
