import { openSqlite } from '../db/core/open';
import { createStore } from '../db/store';
import { insertJobs } from '../db/outbox/projector';
import { round, summarize } from './stats';
import type { Bench } from './types';
import type { JobDraft } from '../db/job-types';

/** The outbox pass's lane-head read with 10 and with 10,000 labels queued on one printer (issue 16: the same cost). */
function dueHeadsMs(queued: number): number {
  const db = openSqlite({ file: ':memory:' });
  const store = createStore(db, 'bench');
  const jobs = Array.from({ length: queued }, (_, i): JobDraft<'print.label'> => ({
    id: `job${String(i).padStart(6, '0')}`,
    kind: 'print.label',
    target: 'printer:p1',
    ref: `p${i}`,
    payload: { parcelId: `p${i}`, printerId: 'p1' },
  }));
  db.transaction(() => insertJobs(db, jobs, '2026-01-01T00:00:00Z'))();
  db.transaction(() => insertJobs(db, [{ id: 'shop1', kind: 'print.testsheet', target: 'printer:p2', ref: null, payload: {} }], '2026-01-01T00:00:01Z'))();
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    const heads = store.read.jobs.dueHeads(['print.label', 'print.testsheet'], '2027-01-01T00:00:00Z', 10);
    times.push(performance.now() - t0);
    if (heads.length !== 2) throw new Error(`outbox bench: ${heads.length} lane heads, expected 2`);
  }
  db.close();
  return summarize(times).p50;
}

export const outboxBench: Bench = {
  name: 'outbox',
  async run() {
    const few = dueHeadsMs(10);
    const many = dueHeadsMs(10_000);
    return [
      {
        key: 'outbox.due_heads_10k_ms',
        value: round(many, 3),
        unit: 'ms',
        target: 'info',
        note: `lane heads with 10,000 labels queued; ${round(few, 3)} ms with 10`,
      },
      { key: 'outbox.due_heads_ratio', value: round(many / few, 2), unit: 'x', target: '<= 2', pass: many / few <= 2, note: '10,000 queued / 10 queued' },
    ];
  },
};
