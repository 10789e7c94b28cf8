import type { ServiceContext } from '../../core/context';
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

export function auditList(ctx: ServiceContext, q: AuditQuery) {
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
