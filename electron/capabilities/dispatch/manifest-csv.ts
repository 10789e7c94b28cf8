import { conflict } from '../../core/errors';
import type { ServiceContext } from '../../core/context';
import { requireManifest } from './view';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas defused for spreadsheets. */
function field(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The carrier's export: one row per parcel, with the manifest number and pickup on every row. */
export function manifestCsv(ctx: ServiceContext, manifestId: string): { fileName: string; csv: string } {
  const m = requireManifest(ctx, manifestId);
  if (!m.number) throw conflict('This manifest has no number yet: close it out first, then export it.');
  const line = ctx.store.read.lines.get(m.lineId)!;
  const header = ['manifest', 'carrier', 'service', 'pickup_date', 'tracking_number', 'order', 'bag', 'weight_kg', 'country', 'loaded_at_utc'];
  const rows = ctx.store.read.dispatch.parcelsOn(m.id).map((p) => {
    const order = ctx.store.read.orders.get(p.orderId)!;
    const service = ctx.store.read.lines.get(p.lineId)?.service ?? line.service;
    return [
      m.number,
      line.carrier,
      service,
      m.pickupDate,
      p.trackingNumber,
      order.name,
      p.bag,
      p.weightGrams === null ? null : (p.weightGrams / 1000).toFixed(3),
      order.shipTo.country,
      p.loadedAt,
    ];
  });
  const csv = [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
  return { fileName: `${m.number}.csv`, csv };
}
