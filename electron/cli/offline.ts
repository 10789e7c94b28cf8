import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { IsoInstant } from '../contract/schemas';
import { extname } from 'node:path';
import { createApp } from '../app/create';
import { invoke } from '../app/invoke';
import { rebuildStore, dumpStore } from '../../db/rebuild';

/** Commands that open the station's database without serving (the console should not be running). */
async function withApp<T>(dataDir: string, fn: (app: Awaited<ReturnType<typeof createApp>>) => Promise<T>, lock: string | false): Promise<T> {
  const app = await createApp({ dataDir, mode: 'headless', runJobs: false, demo: false, background: false, lock });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** A refused call ends the command with exit 1, after withApp has closed the database cleanly. */
async function call(app: Awaited<ReturnType<typeof createApp>>, channel: string, input: unknown) {
  // A command on this machine is a system actor (`cli`): it holds the data folder itself.
  const r = await invoke(app.handlers, channel, input, { kind: 'system', name: 'cli' });
  if (!r.ok) throw new Error([r.error.message, ...(r.error.issues ?? []).map((i) => `  - ${i.path}: ${i.message}`)].join('\n'));
  return r.data;
}

const PHASES = { reading: 'reading the file', checking: 'checking orders', importing: 'importing orders', done: 'done' } as const;

/** A progress bar on stderr: redrawn in place on a terminal, a line per quarter elsewhere (logs, pipes). */
function progressBar() {
  let lastQuarter = -1;
  let lastPhase = '';
  return (s: { phase: keyof typeof PHASES; done: number; total: number }) => {
    if (!s.total) return;
    const pct = s.total ? Math.floor((s.done / s.total) * 100) : 0;
    const label = `${PHASES[s.phase]} ${s.done.toLocaleString('en')} of ${s.total.toLocaleString('en')}`;
    if (process.stderr.isTTY) {
      const bar = '#'.repeat(Math.round(pct / 5)).padEnd(20, '-');
      process.stderr.write(`\r[${bar}] ${String(pct).padStart(3)}% ${label}`.padEnd(78) + (s.phase === 'done' ? '\n' : ''));
    } else if (s.phase !== lastPhase || Math.floor(pct / 25) !== lastQuarter) {
      if (s.phase !== 'done') process.stderr.write(`${pct}% ${label}\n`);
      lastQuarter = Math.floor(pct / 25);
      lastPhase = s.phase;
    }
  };
}

export async function importOrdersFile(dataDir: string, file: string, store: string): Promise<number> {
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
  const bytes = readFileSync(file);
  return withApp(
    dataDir,
    async (app) => {
      const { importId } = (await call(app, 'orders.import.start', { format, base64: bytes.toString('base64'), store, fileName: file })) as {
        importId: string;
      };
      const draw = progressBar();
      type Status = {
        state: string;
        phase: keyof typeof PHASES;
        done: number;
        total: number;
        error: string | null;
        result: { imported: number; alreadyIn?: number; encoding?: string; rejected: Array<{ row: number; reason: string }> } | null;
      };
      let s: Status;
      for (;;) {
        s = (await call(app, 'orders.import.status', { importId })) as Status;
        if (s.state !== 'running') break;
        draw(s);
        await new Promise((r) => setTimeout(r, 100));
      }
      if (s.state === 'failed') throw new Error(s.error ?? 'The import failed.');
      const r = s.result!;
      if (process.stderr.isTTY) draw({ phase: 'done', done: r.imported, total: r.imported });
      const lines = [`Imported ${r.imported} orders from ${file}.`];
      if (r.encoding && r.encoding !== 'UTF-8') lines.push(`(read as ${r.encoding})`);
      if (r.alreadyIn)
        lines.push(`${r.alreadyIn} orders of the file were already in the console (imported before, or by an import that stopped midway): not imported twice.`);
      for (const x of r.rejected) lines.push(`  rejected row ${x.row}: ${x.reason}`);
      await writeOut(lines.join('\n') + '\n');
      return r.rejected.length && !r.imported ? 1 : 0;
    },
    'cli import',
  );
}

/** Write and wait while the reader (a pipe: `| wc -l`) is behind: nothing is lost when the process ends. */
export async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

export async function exportEvents(dataDir: string, since?: string): Promise<number> {
  let from: string | undefined;
  if (since !== undefined) {
    const parsed = IsoInstant.safeParse(since);
    if (!parsed.success) {
      console.error(
        `--since "${since}" is not a date or time. Give an ISO-8601 instant, e.g. 2026-05-01 or 2026-05-01T08:00:00Z (UTC) or 2026-05-01T08:00+08:00.`,
      );
      return 2;
    }
    from = parsed.data;
  }
  return withApp(
    dataDir,
    async (app) => {
      let afterSeq = 0;
      for (;;) {
        const batch = (await call(app, 'events.export', { afterSeq, since: from, limit: 10_000 })) as Array<{ seq: number }>;
        if (batch.length) await writeOut(batch.map((e) => JSON.stringify(e)).join('\n') + '\n');
        if (batch.length < 10_000) return 0;
        afterSeq = batch[batch.length - 1].seq;
      }
    },
    false,
  ); // reads only: runs beside a running console
}

export async function rebuild(dataDir: string): Promise<number> {
  return withApp(
    dataDir,
    async (app) => {
      const before = JSON.stringify(dumpStore(app.store));
      const r = rebuildStore(app.store);
      const same = before === JSON.stringify(dumpStore(app.store));
      console.log(
        `Rebuilt projections from ${r.events} events in ${Math.round(r.ms)} ms; ${same ? 'identical to before' : 'they DIFFERED from before (now corrected)'}.`,
      );
      // A difference means the live state had drifted from the log: scripts must see it.
      return same ? 0 : 1;
    },
    'cli rebuild',
  );
}
