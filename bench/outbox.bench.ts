import { openSqlite } from '../db/core/open';
import { createStore } from '../db/store';
import { insertJobs } from '../db/outbox/projector';
import { round, summarize } from './stats';
import type { Bench } from './types';
import type { JobDraft } from '../db/job-types';

/**
 * The outbox pass's lane-head read with 10 and with 10,000 labels queued on one printer, and beside
 * `otherLanes` Shopify orders waiting, a lane each (issue 16: the same cost).
 */
function dueHeadsMs(queued: number, otherLanes = 0): number {
  const db = openSqlite({ file: ':memory:' });
  const store = createStore(db, 'bench');
  const shopify = Array.from({ length: otherLanes }, (_, i): JobDraft<'shopify.buyer_notify'> => ({
    id: `shop${String(i).padStart(6, '0')}`,
    kind: 'shopify.buyer_notify',
    target: `shopify:s1:o${i}`,
    ref: `o${i}`,
    payload: { parcelId: `o${i}`, storeId: 's1' },
  }));
  db.transaction(() => insertJobs(db, shopify, '2025-12-31T00:00:00Z'))();
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
    const fewLanes = dueHeadsMs(10, 10);
    const manyLanes = dueHeadsMs(10, 10_000);
    return [
      {
        key: 'outbox.due_heads_10k_ms',
        value: round(many, 3),
        unit: 'ms',
        target: 'info',
        note: `lane heads with 10,000 labels queued; ${round(few, 3)} ms with 10`,
      },
      { key: 'outbox.due_heads_ratio', value: round(many / few, 2), unit: 'x', target: '<= 2', pass: many / few <= 2, note: '10,000 queued / 10 queued' },
      {
        key: 'outbox.due_heads_10k_lanes_ms',
        value: round(manyLanes, 3),
        unit: 'ms',
        target: 'info',
        note: `a print handler's lane heads with 10,000 Shopify orders waiting, a lane each; ${round(fewLanes, 3)} ms with 10`,
      },
      {
        key: 'outbox.due_heads_lanes_ratio',
        value: round(manyLanes / fewLanes, 2),
        unit: 'x',
        target: '<= 2',
        pass: manyLanes / fewLanes <= 2,
        note: '10,000 other lanes queued / 10',
      },
    ];
  },
};
