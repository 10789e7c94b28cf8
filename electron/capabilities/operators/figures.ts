import { DateTime } from 'luxon';
import { siteInfo, type ServiceContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { reader } from './manage';
import { actorName } from './audit';

const count = (xs: string[]) =>
  [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())]
    .map(([reason, n]) => ({ reason, count: n }))
    .sort((a, b) => b.count - a.count);

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A day of the floor at the warehouse: per picker and per line (warehouse zone, today by default). */
export function dayFigures(ctx: ServiceContext, day?: string) {
  const zone = siteInfo(ctx).zone;
  const start = day ? DateTime.fromISO(day, { zone }).startOf('day') : DateTime.fromJSDate(ctx.clock.now(), { zone }).startOf('day');
  if (!start.isValid) throw badInput(`"${day}" is not a day: use YYYY-MM-DD.`);
  const work = reader(ctx).work(start.toUTC().toISO()!, start.plus({ days: 1 }).toUTC().toISO()!);
  const names = reader(ctx).names();
  const lineNames = new Map(ctx.store.read.lines.all().map((l) => [l.id, l.name]));
  const hourOf = (iso: string) => DateTime.fromISO(iso, { zone }).hour;

  const actors = [...new Set(work.map((w) => w.actor))];
  const operators = actors
    .map((actor) => {
      const mine = work.filter((w) => w.actor === actor);
      const picks = mine.filter((w) => w.type === 'parcel.picked');
      const times = picks.map((p) => Date.parse(p.at));
      const hours = picks.map((p) => hourOf(p.at));
      const [h0, h1] = hours.length ? [Math.min(...hours), Math.max(...hours)] : [0, -1];
      const span = times.length > 1 ? (times[times.length - 1] - times[0]) / 3_600_000 : 0;
      return {
        actor,
        name: actorName(names, actor),
        picked: picks.length,
        perHour: Array.from({ length: h1 - h0 + 1 }, (_, i) => ({ hour: h0 + i, parcels: hours.filter((h) => h === h0 + i).length })),
        refusals: count(mine.filter((w) => w.type === 'scan.refused').map((w) => w.reason ?? 'no reason')),
        reprints: count(mine.filter((w) => w.type === 'parcel.reprinted').map((w) => w.reason ?? 'no reason')),
        medianGapSec: median(times.slice(1).map((t, i) => (t - times[i]) / 1000)),
        firstAt: picks[0]?.at ?? null,
        lastAt: picks[picks.length - 1]?.at ?? null,
        // A rate over less than a quarter of an hour says nothing about a shift.
        perHourRate: span >= 0.25 ? Math.round((picks.length / span) * 10) / 10 : null,
      };
    })
    .sort((a, b) => b.picked - a.picked);

  const lineIds = [...new Set(work.filter((w) => w.lineId).map((w) => w.lineId!))];
  const lines = lineIds.map((lineId) => {
    const picks = work.filter((w) => w.type === 'parcel.picked' && w.lineId === lineId);
    return {
      lineId,
      lineName: lineNames.get(lineId) ?? lineId,
      picked: picks.length,
      reprints: work.filter((w) => w.type === 'parcel.reprinted' && w.lineId === lineId).length,
      byOperator: [...new Set(picks.map((p) => p.actor))].map((actor) => ({
        actor,
        name: actorName(names, actor),
        picked: picks.filter((p) => p.actor === actor).length,
      })),
    };
  });
  return { day: start.toISODate()!, operators, lines };
}

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : s;
};

/** The day as CSV: one row per operator, then one per line and operator. */
export function figuresCsv(ctx: ServiceContext, day?: string) {
  const f = dayFigures(ctx, day);
  const rows: unknown[][] = [
    ['section', 'operator', 'name', 'line', 'picked', 'parcels per hour', 'median seconds between picks', 'reprints', 'refusals', 'reasons'],
  ];
  for (const o of f.operators)
    rows.push([
      'operator',
      o.actor,
      o.name,
      '',
      o.picked,
      o.perHourRate ?? '',
      o.medianGapSec === null ? '' : Math.round(o.medianGapSec),
      o.reprints.reduce((n, r) => n + r.count, 0),
      o.refusals.reduce((n, r) => n + r.count, 0),
      [...o.reprints.map((r) => `reprint: ${r.reason} ×${r.count}`), ...o.refusals.map((r) => `refused: ${r.reason} ×${r.count}`)].join('; '),
    ]);
  for (const l of f.lines) for (const o of l.byOperator) rows.push(['line', o.actor, o.name, l.lineName, o.picked, '', '', '', '', '']);
  return { filename: `figures-${f.day}.csv`, csv: rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n' };
}
