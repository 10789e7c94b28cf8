import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';
import type { StoredEvent } from '../event-types';

export type ConflictKind = 'order_picked_twice' | 'parcel_on_two_manifests' | 'number_issued_twice' | 'event_refused';

/**
 * Open (or extend) a conflict. Conflicts are projections too: every station applies the same events in
 * the same order, so every station opens the same conflicts with the same ids.
 */
export function openConflict(
  db: Sqlite,
  e: StoredEvent,
  kind: ConflictKind,
  subject: string,
  detail: string,
  others: Array<{ eventId?: string; station: string }> = [],
) {
  const id = `${kind}:${subject}`;
  const row = stmt(db, 'SELECT event_ids, stations FROM site_conflicts WHERE id = ?').get(id) as { event_ids: string; stations: string } | undefined;
  const ids = new Set<string>(row ? JSON.parse(row.event_ids) : others.flatMap((o) => (o.eventId ? [o.eventId] : [])));
  const stations = new Set<string>(row ? JSON.parse(row.stations) : others.map((o) => o.station));
  ids.add(e.id);
  stations.add(e.station);
  if (row)
    stmt(
      db,
      "UPDATE site_conflicts SET event_ids = ?, stations = ?, detail = ?, status = 'open', settled_at = NULL, settled_by = NULL, resolution = NULL WHERE id = ?",
    ).run(JSON.stringify([...ids]), JSON.stringify([...stations].sort()), detail, id);
  else
    stmt(db, "INSERT INTO site_conflicts (id, kind, subject, detail, event_ids, stations, opened_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')").run(
      id,
      kind,
      subject,
      detail,
      JSON.stringify([...ids]),
      JSON.stringify([...stations].sort()),
      e.occurredAt,
    );
}

/**
 * An event from another station that this state cannot take (a unique key already used): it stays in
 * the log, its projection is skipped, and a person settles it.
 */
export function recordRefused(db: Sqlite, e: StoredEvent, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const p = e.payload as Record<string, unknown>;
  if (e.type === 'parcel.loaded' && /manifest_parcels/.test(message)) {
    const first = stmt(db, 'SELECT manifest_id, loaded_station FROM manifest_parcels WHERE parcel_id = ?').get(p.parcelId) as
      { manifest_id: string; loaded_station: string } | undefined;
    openConflict(
      db,
      e,
      'parcel_on_two_manifests',
      String(p.parcelId),
      `Parcel ${p.parcelId} was loaded on manifest ${first?.manifest_id ?? '?'} (station ${first?.loaded_station ?? '?'}) and on ${p.manifestId} (station ${e.station}) while the stations were apart. Find the parcel, keep it on the manifest whose cage it is in, and unload it from the other.`,
    );
    return;
  }
  if (e.type === 'parcel.picked' && /tracking_number/.test(message)) {
    openConflict(
      db,
      e,
      'number_issued_twice',
      String(p.trackingNumber),
      `Tracking number ${p.trackingNumber} was issued to two parcels (the second at station ${e.station}). Re-link the second parcel to a new number before it leaves.`,
    );
    return;
  }
  openConflict(
    db,
    e,
    'event_refused',
    e.id,
    `Event ${e.type} from station ${e.station} could not be applied here: ${message}. Check the ${e.subject ?? 'record'} it is about.`,
  );
}
