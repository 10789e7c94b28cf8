import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../../db/core/open';
import { createStore } from '../../../db/store';
import { countByType, lastPickedParcel } from '../../../db/core/events';
import { rebuildProjections } from '../../../db/rebuild';

describe('screen counters by time', () => {
  it('count only the station’s picks, reprints and refusals since the instant, kept as they are written and derived again by a rebuild', () => {
    const db = openSqlite({ file: ':memory:' });
    const store = createStore(db, 'st-a');
    const other = createStore(db, 'st-b');
    const at = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 26, h, m));
    for (let h = 0; h < 24; h++) {
      store.write('picker', at(h), (emit) => emit({ type: 'scan.refused', payload: { code: `X${h}`, reason: 'unknown' } }));
      if (h % 2 === 0)
        store.write('picker', at(h, 14), (emit) => emit({ type: 'parcel.reprinted', subject: `p${h}`, payload: { parcelId: `p${h}`, reason: 'r', jobs: [] } }));
      store.write('picker', at(h), (emit) => emit({ type: 'label.printed', payload: { parcelId: `p${h}`, jobId: `j${h}`, printerId: 'pr' } }));
      other.write('picker', at(h), (emit) => emit({ type: 'scan.refused', payload: { code: `Y${h}`, reason: 'unknown' } }));
    }
    const check = () => {
      expect(countByType(db, 'st-a', at(20).toISOString())).toEqual({ 'scan.refused': 4, 'parcel.reprinted': 2 });
      // The warehouse's midnight falls on a quarter hour: a reprint at 12:14 is before 12:15.
      expect(countByType(db, 'st-a', at(12, 15).toISOString())).toEqual({ 'scan.refused': 11, 'parcel.reprinted': 5 });
      expect(countByType(db, 'st-a', at(0).toISOString())).toEqual({ 'scan.refused': 24, 'parcel.reprinted': 12 });
      expect(countByType(db, 'st-a', at(25).toISOString())).toEqual({});
      expect(countByType(db, 'st-c', at(0).toISOString())).toEqual({});
      expect(lastPickedParcel(db, 'st-a')).toBe('p22');
      expect(lastPickedParcel(db, 'st-b')).toBeNull();
    };
    check();
    db.prepare('DELETE FROM pick_counts').run();
    rebuildProjections(db);
    check();
  });
});
