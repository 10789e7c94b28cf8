import { call } from '../api/client';
import type { Input, Output } from '../../../electron/contract/channels';
import type { KeysetSource } from '../ui/useKeysetPages';
import { startsWith } from '../ui/event-family';

export type ParcelRow = Output<'parcels.list'>['rows'][number];
export type ParcelQuery = Pick<Input<'parcels.list'>, 'q' | 'status' | 'lineId' | 'sort'>;
type SortBy = NonNullable<ParcelQuery['sort']>['by'];

/** A row's value for the server's sort (db/pick/reader.ts SORT_SQL): a label not yet printed is ''. */
const valueOf = (r: ParcelRow, by: SortBy): string | number => (by === 'labelPrintedAt' ? (r.labelPrintedAt ?? '') : r[by]);

/** Parcels as a keyset list, newest first or sorted (ties newest first); a parcel event changes its row. */
export const parcelPages: KeysetSource<ParcelQuery, ParcelRow> = {
  page: 250,
  maxPage: 5000,
  async fetch(q, after, limit) {
    // Only the first page counts every match; later ones skip it.
    return call('parcels.list', { ...q, limit, ...(after ? { after: after.id, count: false } : {}) });
  },
  fetchSubjects: (q, ids) => call('parcels.list', { ...q, ids, limit: ids.length, count: false }),
  // Parcel events name their parcel; an outbox job's event names the job unless it is a parcel's.
  subjectsOf: (events) =>
    events
      .filter((e) => e.subject && (startsWith(e.type, 'parcel.') || e.type === 'label.printed' || (startsWith(e.type, 'job.') && e.subject.startsWith('pcl_'))))
      .map((e) => e.subject!),
  subjectOf: (row) => row.id,
  before: (a, b, q) => {
    if (q.sort) {
      const [x, y] = [valueOf(a, q.sort.by), valueOf(b, q.sort.by)];
      if (x !== y) return q.sort.desc ? x > y : x < y;
    }
    return a.id > b.id;
  },
};
