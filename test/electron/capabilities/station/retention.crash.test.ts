import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../../../electron/app/create';
import { SettableClock } from '../../../../electron/core/clock';
import { api } from '../../../support/app';
import { runReporting } from '../../../support/child-runner';
import { sqliteOf } from '../../../../db/core/handle';
import { D, T0, stationWithHistory } from './retention-helpers';

const child = fileURLToPath(new URL('./retention-child.ts', import.meta.url));

/** Start an archive run in a child and SIGKILL it once it reported `killAt` batches. */
async function runAndKill(dataDir: string, at: number, killAt: number): Promise<{ runId: string; batches: number; finished: boolean }> {
  const r = await runReporting(child, [dataDir, String(at)], (said) => Number(said.batch ?? 0) >= killAt);
  return { runId: r.said.run ?? '', batches: Number(r.said.batch ?? 0), finished: r.finished };
}

describe('an archive run under SIGKILL', () => {
  it('killed midway, the outbox finishes it at the next start: every row archived once, none left, none doubled', async () => {
    const h = await stationWithHistory({ old: 60, recent: 4, transit: 4 });
    const dir = h.app.dir;
    const old = h.old.map((p) => `'${p.id}'`).join(',');
    const q = (app: { store: object }, sql: string) => sqliteOf(app.store).prepare(sql).pluck().get() as number;
    const scans = q(h.app, `SELECT count(*) FROM monitor_scans WHERE parcel_id IN (${old})`);
    const polls = q(h.app, `SELECT count(*) FROM monitor_source_parcels WHERE parcel_id IN (${old})`);
    const jobs = q(h.app, `SELECT count(*) FROM jobs WHERE status = 'done' AND ref IN (${old})`);
    expect(scans).toBeGreaterThanOrEqual(180);
    expect(jobs).toBeGreaterThanOrEqual(60);
    await h.app.close();
    try {
      const killed = await runAndKill(dir, T0 + 160 * D, 4);
      expect(killed.finished).toBe(false);
      expect(killed.runId).toMatch(/^ret_/);

      const clock = new SettableClock(T0 + 160 * D);
      const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: true, testClock: clock });
      try {
        const mid = (await api(app, 'retention.get', {})).runs[0];
        expect(mid.runId).toBe(killed.runId);
        expect(mid.finishedAt).toBeNull();
        expect(mid.parcels).toBeGreaterThanOrEqual(20);
        expect(mid.parcels).toBeLessThan(60);
        // The job is still in the outbox: the runner takes it up again and finishes the run.
        const t0 = Date.now();
        let run = mid;
        while (!run.finishedAt) {
          if (Date.now() - t0 > 120_000) throw new Error(`run stuck: ${JSON.stringify(run)}`);
          await new Promise((r) => setTimeout(r, 200));
          run = (await api(app, 'retention.get', {})).runs[0];
        }
        expect(run).toMatchObject({ runId: killed.runId, parcels: 60, rows: scans + polls + jobs, exceptionsClosed: 60 });
        expect(q(app, `SELECT count(*) FROM monitor_scans WHERE parcel_id IN (${old})`)).toBe(0);
        expect(q(app, `SELECT count(*) FROM jobs WHERE ref IN (${old})`)).toBe(0);
        expect(q(app, `SELECT count(*) FROM archive.monitor_scans WHERE parcel_id IN (${old})`)).toBe(scans);
        expect(q(app, `SELECT count(*) FROM archive.monitor_source_parcels WHERE parcel_id IN (${old})`)).toBe(polls);
        expect(q(app, `SELECT count(*) FROM archive.jobs WHERE ref IN (${old})`)).toBe(jobs);
        // Each parcel archived by exactly one batch, each exception closed once.
        const archivedIds = (sqliteOf(app.store).prepare("SELECT payload FROM events WHERE type = 'retention.archived'").pluck().all() as string[]).flatMap(
          (p) => (JSON.parse(p) as { parcelIds: string[] }).parcelIds,
        );
        expect(archivedIds).toHaveLength(60);
        expect(new Set(archivedIds).size).toBe(60);
        expect(q(app, `SELECT count(*) FROM events WHERE type = 'monitor.exception_cleared' AND actor = 'retention'`)).toBe(60);
      } finally {
        await app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('a batch copied to the archive whose event never committed is copied again without a double, then taken out', async () => {
    const h = await stationWithHistory({ old: 5, recent: 1, transit: 1 });
    try {
      const ids = h.old.map((p) => p.id);
      // The first half of a batch, as a crash would leave it: in the archive, still in the hot tables.
      h.app.store.archiveCopy(ids, new Date(T0 + 160 * D).toISOString());
      const q = (sql: string) => sqliteOf(h.app.store).prepare(sql).pluck().get() as number;
      const copied = q('SELECT count(*) FROM archive.monitor_scans');
      expect(copied).toBe(q(`SELECT count(*) FROM monitor_scans WHERE parcel_id IN (${ids.map((i) => `'${i}'`).join(',')})`));
      await api(h.app, 'retention.run', {});
      for (let i = 0; i < 20 && !(await api(h.app, 'retention.get', {})).runs[0].finishedAt; i++) {
        h.app.runner.pass();
        await h.app.runner.idle();
      }
      expect(q('SELECT count(*) FROM archive.monitor_scans')).toBe(copied);
      expect(q(`SELECT count(*) FROM monitor_scans WHERE parcel_id IN (${ids.map((i) => `'${i}'`).join(',')})`)).toBe(0);
      expect((await api(h.app, 'retention.get', {})).runs[0]).toMatchObject({ parcels: 5 });
    } finally {
      await h.app.dispose();
    }
  }, 120_000);
});
