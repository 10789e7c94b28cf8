import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/open';
import { createStore } from '../../db/store';
import { countByType } from '../../db/events';

describe('screen counters by time', () => {
  it('count only the station’s events since the instant, found without an index on time', () => {
    const db = openSqlite({ file: ':memory:' });
    const store = createStore(db, 'st-a');
    const other = createStore(db, 'st-b');
    const at = (h: number) => new Date(Date.UTC(2026, 10, 26, h));
    for (let h = 0; h < 24; h++) {
      store.write('picker', at(h), (emit) => emit({ type: 'scan.refused', payload: { code: `X${h}`, reason: 'unknown' } }));
      if (h % 2 === 0) store.write('picker', at(h), (emit) => emit({ type: 'label.printed', payload: { parcelId: `p${h}`, jobId: `j${h}`, printerId: 'pr' } }));
      other.write('picker', at(h), (emit) => emit({ type: 'scan.refused', payload: { code: `Y${h}`, reason: 'unknown' } }));
    }
    expect(countByType(db, 'st-a', at(20).toISOString())).toEqual({ 'scan.refused': 4, 'label.printed': 2 });
    expect(countByType(db, 'st-a', at(0).toISOString())).toEqual({ 'scan.refused': 24, 'label.printed': 12 });
    expect(countByType(db, 'st-a', at(25).toISOString())).toEqual({});
    expect(countByType(db, 'st-c', at(0).toISOString())).toEqual({});
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'events_occurred'").get()).toBeUndefined();
  });
});
