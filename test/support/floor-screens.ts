import type { App } from '../../electron/app/create';
import { invoke } from '../../electron/app/invoke';
import type { ChannelName } from '../../electron/contract/channels';
import { sqliteOf } from '../../db/core/handle';

/** One refresh of a floor screen: the channel and input the screen asks for after an event. */
export interface FloorQuery {
  screen: string;
  /** 'event': what an open screen asks after each event; 'typed': a search's first page, asked once per search typed. */
  on: 'event' | 'typed';
  channel: ChannelName;
  input: Record<string, unknown>;
}

/**
 * What the floor screens fetch when an event arrives (Pick, Parcels, Dispatch, Exceptions, Devices),
 * and the first page of a search typed into Parcels, with inputs taken from the station itself: its
 * last parcel, a buyer's name, a tracking number. Parcels with a search typed refreshes by delta: the
 * parcels an event names, under the search (renderer/src/pick/parcel-pages.ts fetchSubjects).
 */
export function floorQueries(app: App): FloorQuery[] {
  const db = sqliteOf(app.store);
  // Parcel ids grow with time: the newest is the last one picked (set-up, not a screen's query).
  const last = db.prepare('SELECT id FROM parcels ORDER BY id DESC LIMIT 1').get() as { id: string } | undefined;
  const parcel = last ? app.store.read.parcels.get(last.id) : undefined;
  const order = parcel ? app.store.read.orders.get(parcel.orderId) : undefined;
  const manifest = db.prepare('SELECT id FROM manifests ORDER BY opened_at DESC LIMIT 1').get() as { id: string } | undefined;
  const printer = app.store.read.settings.printers()[0];
  const q: FloorQuery[] = [
    { screen: 'pick', on: 'event', channel: 'pick.stats', input: {} },
    { screen: 'parcels', on: 'event', channel: 'parcels.list', input: { limit: 200 } },
    { screen: 'parcels', on: 'event', channel: 'parcels.list', input: { status: 'picked', limit: 200 } },
    { screen: 'parcels', on: 'typed', channel: 'parcels.list', input: { q: '#1', limit: 200 } },
    { screen: 'dispatch', on: 'event', channel: 'dispatch.board', input: {} },
    { screen: 'exceptions', on: 'event', channel: 'monitor.queue', input: { status: 'open', limit: 500 } },
  ];
  if (parcel) {
    q.push({ screen: 'pick', on: 'event', channel: 'parcels.get', input: { id: parcel.id } });
    const searches = [parcel.trackingNumber.slice(-6), ...(order ? [order.shipTo.name.split(' ').pop()] : [])];
    for (const s of searches) {
      q.push({ screen: 'parcels', on: 'typed', channel: 'parcels.list', input: { q: s, limit: 200 } });
      q.push({ screen: 'parcels', on: 'event', channel: 'parcels.list', input: { q: s, ids: [parcel.id], limit: 1, count: false } });
    }
  }
  if (manifest) q.push({ screen: 'dispatch', on: 'event', channel: 'dispatch.manifest', input: { manifestId: manifest.id } });
  if (printer) {
    q.push({ screen: 'devices', on: 'event', channel: 'printers.health', input: {} });
    q.push({ screen: 'devices', on: 'event', channel: 'print.jobs', input: { printerId: printer.id, limit: 6 } });
  }
  return q;
}

export async function callFloor(app: App, f: FloorQuery): Promise<unknown> {
  const r = await invoke(app.handlers, f.channel, f.input);
  if (!r.ok) throw new Error(`${f.channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** Every SQL statement prepared on the station's connection while fn runs (statements cached before are missed: call on a fresh app). */
export async function preparedDuring(app: App, fn: () => Promise<unknown>): Promise<string[]> {
  const db = sqliteOf(app.store);
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  try {
    await fn();
  } finally {
    db.prepare = prepare;
  }
  return seen;
}

/** The query plan of a statement, one line per step (parameters unbound: plans do not depend on them). */
export function planOf(app: App, sql: string): string[] {
  const nulls = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
  return (
    sqliteOf(app.store)
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...nulls) as Array<{ detail: string }>
  ).map((r) => r.detail);
}
