import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { FakePrinter } from '../../../../native/printers/fake9100';
import { startConsole, type ConsoleProcess } from '../../../support/console-process';
import { tempDir } from '../../../support/app';

type Scan = { outcome: string; parcel?: { id: string; trackingNumber: string } };
type Health = { questions: Array<{ jobId: string; tracking: string | null }> } | null;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Labels the demo's own printer filed under <data>/fake-printer. */
function filed(dataDir: string): string[] {
  const dir = join(dataDir, 'fake-printer');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.zpl'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

const open: ConsoleProcess[] = [];
const hanging = new FakePrinter({ mode: 'hang' });
afterAll(async () => {
  for (const c of open) await c.stop();
  await hanging.stop();
});

describe('a crash while a label is on the wire', () => {
  it('after kill -9 and a restart: the next label prints within a second, the one in doubt is asked about, never resent', async () => {
    const dataDir = tempDir();
    const first = await startConsole(dataDir);
    open.push(first);
    // The station's printer takes the label and never says it is done: the send is on the wire.
    const addr = await hanging.start();
    await first.call('printers.save', { id: 'demo-printer', name: 'Demo label printer', transport: 'tcp9100', language: 'zpl', ...addr });
    const picked = await first.call<Scan>('pick.scan', { code: '#1001' });
    expect(picked.outcome).toBe('issued');
    const inDoubt = picked.parcel!.trackingNumber;
    for (let i = 0; i < 100 && !hanging.jobs().some((j) => j.includes(inDoubt)); i++) await sleep(50);
    expect(hanging.jobs().some((j) => j.includes(inDoubt))).toBe(true);
    await first.kill();

    // The restart points the demo printer at its own (working) fake printer again.
    const second = await startConsole(dataDir);
    open.push(second);
    const health = await second.call<Health>('printers.health', {});
    expect(health?.questions.map((q) => q.tracking)).toEqual([inDoubt]);
    expect((health as unknown as { message: string }).message).toContain('The console stopped while sending label');

    const next = await second.call<Scan>('pick.scan', { code: '#1002' });
    expect(next.outcome).toBe('issued');
    const t0 = Date.now();
    while (!filed(dataDir).some((l) => l.includes(next.parcel!.trackingNumber)) && Date.now() - t0 < 1_000) await sleep(25);
    expect(
      filed(dataDir).some((l) => l.includes(next.parcel!.trackingNumber)),
      'the next label within a second',
    ).toBe(true);

    // Nobody asked for the label in doubt again: no copy, now or after the old lease would have lapsed.
    await sleep(1_500);
    expect(filed(dataDir).filter((l) => l.includes(inDoubt))).toEqual([]);
    const jobs = await second.call<Array<{ parcelId: string | null; status: string }>>('print.jobs', {});
    expect(jobs.find((j) => j.parcelId === picked.parcel!.id)?.status).toBe('printed?');

    // The picker answers "it did not print": now (and only now) it prints again.
    const q = (await second.call<Health>('printers.health', {}))!.questions[0];
    await second.call('print.confirm', { jobId: q.jobId, printed: false });
    const t1 = Date.now();
    while (!filed(dataDir).some((l) => l.includes(inDoubt)) && Date.now() - t1 < 3_000) await sleep(25);
    expect(filed(dataDir).filter((l) => l.includes(inDoubt))).toHaveLength(1);
  }, 120_000);
});
