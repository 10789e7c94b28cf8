import net from 'node:net';
import { rmSync } from 'node:fs';
import { createApp } from '../electron/app/create';
import { capabilities } from '../electron/app/capabilities';
import { printingCapabilityWith } from '../electron/capabilities/devices/printing/handlers';
import { scannersCapabilityWith } from '../electron/capabilities/devices/handlers';
import { scan, reprint } from '../electron/capabilities/pick/scan';
import { labelModelFor } from '../electron/capabilities/devices/printing/label-model';
import { buildZpl } from '../electron/capabilities/devices/labels/zpl';
import { savePrinter } from '../electron/capabilities/devices/printing/printers';
import { tempDir } from '../test/support/app';
import { round, summarize } from './stats';
import type { Bench } from './types';

const SAMPLES = Number(process.env.BENCH_PRINT_SAMPLES ?? 400);
const SUSTAINED = Number(process.env.BENCH_PRINT_LABELS ?? 1000);

/** A 9100 "printer" that notes when the first byte of each connection arrives, and acknowledges on EOF. */
async function stampingPrinter() {
  const firstByte: number[] = [];
  let waiting: ((t: number) => void) | null = null;
  const server = net.createServer((s) => {
    let seen = false;
    s.on('data', () => {
      if (seen) return;
      seen = true;
      const t = performance.now();
      firstByte.push(t);
      waiting?.(t);
    });
    s.on('end', () => s.end());
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    next: () => new Promise<number>((r) => (waiting = r)),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The floor: connect and write the same bytes on a raw socket, to the first byte at the server. */
function rawWrite(port: number, bytes: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => s.end(bytes));
    s.on('close', () => resolve());
    s.on('error', reject);
  });
}

/**
 * print.queue_overhead_ms: from a label job committed to the queue to its first byte on the printer
 * socket, minus the same for a bare socket write of the same bytes (same run, alternating).
 * print.labels_per_s: a backlog of labels drained to the demo's fake 9100 printer.
 */
export const printBench: Bench = {
  name: 'print',
  async run() {
    const dir = tempDir('fs-bench-print-');
    const caps = capabilities.map((c) =>
      c.name === 'printing'
        ? printingCapabilityWith({ healthIntervalMs: 3_600_000 })
        : c.name === 'scanners'
          ? scannersCapabilityWith({ sources: () => [] })
          : c,
    );
    const app = await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 60, capabilities: caps });
    const { ctx } = app;
    const demo = ctx.store.read.settings.printer('demo-printer')!;
    const stamp = await stampingPrinter();
    savePrinter(ctx, { ...demo, port: stamp.port });
    const parcels = [];
    for (let i = 0; i < 20; i++) {
      const r = scan(ctx, `#${1001 + i}`);
      if (r.outcome !== 'issued') throw new Error(`print bench: pick ${r.outcome}`);
      parcels.push(ctx.store.read.parcels.get(r.parcel.id)!);
    }
    while (app.runner.pass() > 0) await app.runner.idle();

    const queued: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const p = parcels[i % parcels.length];
      const zpl = buildZpl(labelModelFor(ctx, p.id)!);
      // Raw floor
      const rawArrived = stamp.next();
      const r0 = performance.now();
      const rawDone = rawWrite(stamp.port, zpl);
      raw.push((await rawArrived) - r0);
      await rawDone;
      // Through the queue: committed job -> runner -> handler (label model, ZPL) -> socket.
      reprint(ctx, p, 'bench');
      const arrived = stamp.next();
      const q0 = performance.now();
      app.runner.pass();
      queued.push((await arrived) - q0);
      await app.runner.idle();
    }
    await stamp.close();
    const q = summarize(queued);
    const f = summarize(raw);

    // Sustained: a backlog to the fake printer (one connection per label, in order).
    savePrinter(ctx, demo);
    const before = app.fakePrinter!.labels().length;
    for (let i = 0; i < SUSTAINED; i++) reprint(ctx, parcels[i % parcels.length], 'bench');
    const t0 = performance.now();
    while (app.runner.pass() > 0) await app.runner.idle();
    const seconds = (performance.now() - t0) / 1000;
    const printed = app.fakePrinter!.labels().length - before;
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    if (printed !== SUSTAINED) throw new Error(`print bench: ${printed}/${SUSTAINED} labels printed`);

    const overhead = q.p50 - f.p50;
    return [
      {
        key: 'print.raw_write_p50_ms',
        value: round(f.p50),
        unit: 'ms',
        target: 'floor (bare socket connect+write, same bytes)',
        note: `p99 ${round(f.p99)} ms over ${f.n}`,
      },
      {
        key: 'print.queue_overhead_ms',
        value: round(overhead),
        unit: 'ms',
        target: '<= 2',
        pass: overhead <= 2,
        note: `queued->first byte p50 ${round(q.p50)} / p99 ${round(q.p99)} ms minus floor p50; p99 difference ${round(q.p99 - f.p99)} ms`,
      },
      {
        key: 'print.labels_per_s',
        value: round(printed / seconds, 1),
        unit: 'labels/s',
        target: 'info',
        note: `${printed} labels to the fake 9100 printer, one lane, in order`,
      },
    ];
  },
};
