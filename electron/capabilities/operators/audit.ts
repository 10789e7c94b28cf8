import { DateTime } from 'luxon';
import { siteInfo, type ServiceContext } from '../../core/context';
import { badInput } from '../../core/errors';
import type { AuditQuery } from '../../../db/operators/reader';
import { reader } from './manage';
import { redact } from '../../../db/operators/redact';

/** Fields no screen, export or answer ever shows: a PIN's hash, a token's hash. */

const SYSTEM: Record<string, string> = {
  outbox: 'the outbox',
  monitor: 'the tracking monitor',
  replication: 'site replication',
  cli: 'a command on the station PC',
  demo: 'the demo set-up',
  'sign-in': 'the sign-in',
  station: 'this station',
};

export function actorName(names: Map<string, string>, actor: string): string {
  return names.get(actor) ?? SYSTEM[actor] ?? (actor.startsWith('token:') ? `API token "${actor.slice(6)}"` : actor);
}

/** Midnight of a warehouse day (YYYY-MM-DD in the site's zone) as a UTC instant; `after` days later. DST days are 23 or 25 hours. */
function dayStart(ctx: ServiceContext, day: string, after = 0): string {
  const start = DateTime.fromISO(day, { zone: siteInfo(ctx).zone }).startOf('day');
  if (!start.isValid) throw badInput(`"${day}" is not a day: use YYYY-MM-DD.`);
  return start.plus({ days: after }).toUTC().toISO()!;
}

const later = (a: string | undefined, b: string | undefined) => (a && b ? (a > b ? a : b) : (a ?? b));
const sooner = (a: string | undefined, b: string | undefined) => (a && b ? (a < b ? a : b) : (a ?? b));

export function auditList(ctx: ServiceContext, input: AuditQuery & { fromDay?: string; toDay?: string }) {
  const { fromDay, toDay, ...rest } = input;
  const q: AuditQuery = {
    ...rest,
    from: later(rest.from, fromDay && dayStart(ctx, fromDay)),
    to: sooner(rest.to, toDay && dayStart(ctx, toDay, 1)),
  };
  const r = reader(ctx);
  const names = r.names();
  const stations = new Map<string, string>();
  const stationName = (id: string) => {
    if (!stations.has(id)) stations.set(id, (ctx.store.read.settings.scope(id).name as string) ?? id);
    return stations.get(id)!;
  };
  const { rows, total } = r.audit(q);
  return {
    rows: rows.map((e) => ({ ...e, payload: redact(e.payload), actorName: actorName(names, e.actor), stationName: stationName(e.station) })),
    total,
    actors: [...names].map(([id, name]) => ({ id, name })),
  };
}
