import type { Sqlite } from '../core/open';
import { stmt } from '../core/stmt';

/** Where a typed tracking number stands before a parcel is re-linked to it. */
export function relinkNumbersReader(db: Sqlite) {
  return {
    /** The pool entry of a number: its line and the parcel that used it (null: unused). */
    poolEntry(number: string): { lineId: string; parcelId: string | null } | undefined {
      const r = stmt(db, 'SELECT line_id, parcel_id FROM number_pool WHERE number = ?').get(number) as
        { line_id: string; parcel_id: string | null } | undefined;
      return r && { lineId: r.line_id, parcelId: r.parcel_id };
    },
    /** The parcel that had this number before a re-link took it away (numbers are never given twice). */
    relinkedAwayFrom(number: string): string | undefined {
      const r = stmt(db, "SELECT subject FROM events WHERE type = 'parcel.relinked' AND json_extract(payload, '$.oldNumber') = ? LIMIT 1").get(number) as
        { subject: string } | undefined;
      return r?.subject;
    },
  };
}
