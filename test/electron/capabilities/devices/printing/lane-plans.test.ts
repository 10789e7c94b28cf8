import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../../../support/app';
import { planOf, preparedDuring } from '../../../../support/floor-screens';

// Prepared at start (the first health check): planned here as the projector writes it.
const RELEASE = [
  "UPDATE jobs INDEXED BY jobs_lane SET next_at = ? WHERE target = ? AND status = 'queued' AND next_at > ? AND id NOT IN (SELECT job_id FROM print_holds)",
  "UPDATE jobs SET next_at = ? WHERE id IN (SELECT job_id FROM print_holds WHERE printer_id = ?) AND +status = 'queued'",
];

type App = Awaited<ReturnType<typeof demoApp>>;
let app: App;

afterEach(async () => {
  await app?.dispose();
});

// A printer's lane holds every label it ever printed (101,000 done at 100k parcels). Pausing, resuming or
// moving a printer touches only its queued labels: through the queued lanes' index (or the holds), never
// by reading the lane's finished jobs. Without statistics the planner took jobs_target_created (every job
// of the lane, done ones included): 542 ms holding the loop on the first health check after a 100k start.
describe('a printer lane changed by its state', () => {
  it('reaches only its queued labels, by index', async () => {
    app = await demoApp({ runJobs: false, demoOrders: 5 });
    const a = app;
    const printerId = a.store.read.settings.printers()[0].id;
    const other = 'spare';
    await api(a, 'printers.save', { ...a.store.read.settings.printers()[0], id: other, name: 'Spare' });
    const sqls = await preparedDuring(a, async () => {
      await api(a, 'printers.pause', { printerId, note: 'ribbon' });
      await api(a, 'printers.resume', { printerId });
      await api(a, 'printers.move', { from: printerId, to: other });
    });
    const onJobs = sqls.filter((s) => /^\s*UPDATE jobs\b/.test(s) && /target|print_holds/.test(s));
    onJobs.push(...RELEASE);
    // The hold (pause) and the move; the release at resume was prepared at start (its plan is checked the same way).
    expect(onJobs.length).toBeGreaterThanOrEqual(2);
    for (const s of onJobs) {
      const plan = planOf(a, s).join(' | ');
      expect(plan, s).not.toMatch(/jobs_target_created|jobs_queued_order|SCAN jobs/);
      expect(plan, s).toMatch(/jobs_lane|PRIMARY KEY|sqlite_autoindex_jobs/);
    }
  });
});
