import { call } from '../api/client';
import type { Input, Output } from '../../../electron/contract/channels';
import type { KeysetSource } from '../ui/useKeysetPages';
import { startsWith } from '../ui/event-family';

type Answer = Output<'monitor.queue'>;
export type ExceptionRow = Answer['rows'][number];
export type ExceptionQuery = Pick<Input<'monitor.queue'>, 'status' | 'cause' | 'owner' | 'lineId'>;
export type ExceptionHead = Omit<Answer, 'rows'>;

/** The exception queue as a keyset list: the rows of the parcels a monitor event names change. */
export const exceptionPages: KeysetSource<ExceptionQuery, ExceptionRow, ExceptionHead> = {
  page: 200,
  maxPage: 2000,
  async fetch(q, after, limit) {
    const { rows, ...head } = await call('monitor.queue', { ...q, limit, ...(after ? { after: after.id } : {}) });
    return { rows, head };
  },
  async fetchSubjects(q, parcelIds) {
    const { rows, ...head } = await call('monitor.queue', { ...q, parcelIds, limit: 2000 });
    return { rows, head };
  },
  subjectsOf: (events) => events.filter((e) => e.subject && startsWith(e.type, 'monitor.')).map((e) => e.subject!),
  subjectOf: (row) => row.parcelId,
  // The server's order: open most urgent first, resolved newest first.
  before: (a, b, q) =>
    (q.status ?? 'open') === 'open'
      ? a.dueAt < b.dueAt || (a.dueAt === b.dueAt && (a.openedAt < b.openedAt || (a.openedAt === b.openedAt && a.id < b.id)))
      : (a.resolvedAt ?? '') > (b.resolvedAt ?? '') || (a.resolvedAt === b.resolvedAt && a.id > b.id),
};
