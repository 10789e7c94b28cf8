import { newId } from '../electron/core/ids';
import { archiveRun, startRun, type BatchTimes } from '../electron/capabilities/station/retention';
import { sqliteOf } from '../db/core/handle';
import type { JobRow } from '../db/outbox/reader';
import { pickedEvent, syntheticStation, writeParcels } from './grown';
import { round, summarize } from './stats';
import type { Bench } from './types';

const PARCELS = Number(process.env.BENCH_RETENTION_PARCELS ?? 20_000);
const H = 3_600_000;
const D = 24 * H;
const NOW = Date.parse('2026-12-14T02:00:00Z');
const LINES = ['postal-s10', 'express-dhl', 'ups'];

/**
 * Retention on a station whose parcels were all delivered 100-200 days ago: synthetic events (orders, picks
 * with their label job done, carrier scans to delivery) written in big transactions; then one archive run
 * in its batches, each batch's two commits timed (what a scan could wait behind).
 */
export const retentionBench: Bench = {
  name: 'retention',
  async run() {
    const { app, clock, dispose } = await syntheticStation({ prefix: 'retention', startAt: NOW - 200 * D });
    const { store } = app;
    const db = sqliteOf(store);
    const iso = (ms: number) => new Date(ms).toISOString();
    writeParcels(app, {
      count: PARCELS,
      batch: 2000,
      namePrefix: 'R',
      ordersAt: NOW - 200 * D,
      lines: LINES,
      parcel: (o, i) => {
        const pickedAt = NOW - (100 + (i % 100)) * D;
        return {
          at: pickedAt,
          write(emit, parcelId) {
            const jobId = newId('job', new Date(pickedAt));
            emit(
              pickedEvent(o, parcelId, `RT${String(i).padStart(9, '0')}XX`, [
                { id: jobId, kind: 'print.label', target: 'printer:bench', ref: parcelId, payload: { parcelId, printerId: null } },
              ]),
            );
            emit({ type: 'job.succeeded', subject: parcelId, payload: { jobId, ref: parcelId, result: { printed: true } } });
            emit({
              type: 'monitor.scans_reported',
              subject: parcelId,
              payload: {
                sourceId: 'aggregator',
                via: 'poll',
                milestones: [],
                scans: [
                  { parcelId, status: 'accepted', scannedAt: iso(pickedAt + 30 * H), learnedAt: iso(pickedAt + 31 * H), location: 'Shenzhen', detail: 'bench' },
                  { parcelId, status: 'in_transit', scannedAt: iso(pickedAt + 60 * H), learnedAt: iso(pickedAt + 61 * H), location: 'Hub', detail: 'bench' },
                  {
                    parcelId,
                    status: 'out_for_delivery',
                    scannedAt: iso(pickedAt + 6 * D),
                    learnedAt: iso(pickedAt + 6 * D + H),
                    location: 'Austin',
                    detail: 'bench',
                  },
                  { parcelId, status: 'delivered', scannedAt: iso(pickedAt + 7 * D), learnedAt: iso(pickedAt + 7 * D + H), location: 'Door', detail: 'bench' },
                ],
              },
            });
          },
        };
      },
    });
    clock.set(NOW);
    // Floor: one durable commit of one small event (what a refused scan costs), on this disk now.
    const floorTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const f0 = performance.now();
      store.write('bench', new Date(NOW), (emit) =>
        emit({ type: 'scan.refused', subject: null, payload: { code: `X${i}`, reason: 'unknown', message: 'bench' } as never }),
      );
      floorTimes.push(performance.now() - f0);
    }
    const floor = summarize(floorTimes);
    const used = () => store.read.retention.usedBytes().used;
    const before = used();
    const { runId } = startRun(app.ctx, 'cli', 'bench');
    const job = store.read.jobs.list({ kindPrefix: 'retention.', status: 'queued', limit: 1 })[0] as JobRow<'retention.archive'>;
    const batches: BatchTimes[] = [];
    const t0 = performance.now();
    // BENCH_RETENTION_BATCH fixes the batch size (to compare with the sizing).
    const fixed = process.env.BENCH_RETENTION_BATCH ? Number(process.env.BENCH_RETENTION_BATCH) : undefined;
    await archiveRun(app.ctx, job, { batch: fixed, onBatch: (t) => batches.push(t) });
    const runMs = performance.now() - t0;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const after = used();
    const run = store.read.retention.run(runId)!;
    const archive = store.read.retention.archive();
    await dispose();
    if (run.parcels !== PARCELS) throw new Error(`retention bench: archived ${run.parcels} of ${PARCELS}`);
    // What a scan can wait behind: the longest of a batch's three steps on the console's thread (its reads;
    // the archive copy with its commit; the hot delete + event with its commit), the loop given back between.
    const held = summarize(batches.map((b) => Math.max(b.readMs, b.copyMs, b.writeMs)));
    const reads = summarize(batches.map((b) => b.readMs));
    const w = summarize(batches.map((b) => b.writeMs));
    const c = summarize(batches.map((b) => b.copyMs));
    const sizes = summarize(batches.map((b) => b.parcels));
    return [
      {
        key: 'retention.batch_ms',
        value: round(held.p99, 2),
        unit: 'ms',
        target: '<= 10',
        pass: held.p99 <= 10,
        note: `p99 of the longest of each batch's three steps on the console's thread (p50 ${round(held.p50, 2)}): reads p50 ${round(reads.p50, 2)} / p99 ${round(reads.p99, 2)}, archive copy p50 ${round(c.p50, 2)} / p99 ${round(c.p99, 2)}, hot delete + event p50 ${round(w.p50, 2)} / p99 ${round(w.p99, 2)} ms (each with its commit); ${batches.length} batches of ${Math.min(...batches.map((b) => b.parcels))}-${sizes.max} parcels (median ${sizes.p50}${fixed ? ', fixed' : ''}), ${PARCELS} parcels, ${run.rows} rows in ${round(runMs / 1000, 1)} s with a 2 ms breath between batches; floor: one small durable commit p50 ${round(floor.p50, 2)} / p99 ${round(floor.p99, 2)} ms (longest step p99 ${round(held.p99 / Math.max(floor.p99, 0.01), 1)}x the floor's)`,
      },
      {
        key: 'db.bytes_per_parcel',
        value: Math.round(after / PARCELS),
        unit: 'B',
        target: 'info',
        note: `pages in use per parcel after the archive run (before: ${Math.round(before / PARCELS)} B; the event log, which stays, is most of it); ${round(run.bytes / 2 ** 20, 1)} MB of rows moved; archive file ${round(archive.bytes / 2 ** 20, 1)} MB`,
      },
    ];
  },
};
