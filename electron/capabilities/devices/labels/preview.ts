import { Worker } from 'node:worker_threads';
import type { Dpi, LabelSize } from './model';
import { labelInches } from './model';

/**
 * Offline ZPL -> PNG using zpl-renderer-js (a Go/wasm build of the Zebrash renderer with the wasm
 * inlined in its JS bundle). It runs on a worker thread of its own, started on first use and shared
 * afterwards: a render takes 100-500 ms of CPU, and the pick screen asks for one after every scan, so
 * on the main thread the next scan would wait behind it (issue 16). Renders go one at a time: the Go
 * runtime is single-threaded and this keeps memory flat under bursts.
 */
const RENDERER = `
const { parentPort, workerData } = require('node:worker_threads');
// Linux gives each thread its own nice value: the render yields the cores to the scan path and the screen.
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, workerData.nice);
} catch {}
let api;
parentPort.on('message', async ({ id, zpl, widthMm, heightMm, dpmm }) => {
  try {
    api ??= (await (await import(workerData.module)).ready).api;
    parentPort.postMessage({ id, b64: await api.zplToBase64Async(zpl, widthMm, heightMm, dpmm) });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});`;

/** The render thread's nice value (0 normal, 19 lowest): below the console's own work, still well above idle. */
const RENDER_NICE = 10;

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (b64: string) => void; reject: (e: Error) => void }>();

function renderer(): Worker {
  if (worker) return worker;
  const w = new Worker(RENDERER, { eval: true, workerData: { module: import.meta.resolve('zpl-renderer-js'), nice: RENDER_NICE } });
  w.unref();
  w.on('message', (m: { id: number; b64?: string; error?: string }) => {
    const p = waiting.get(m.id);
    waiting.delete(m.id);
    if (!waiting.size) w.unref();
    if (m.error !== undefined) p?.reject(new Error(`ZPL preview renderer: ${m.error}`));
    else p?.resolve(m.b64 ?? '');
  });
  const fail = (err: Error) => {
    worker = undefined;
    for (const p of waiting.values()) p.reject(err);
    waiting.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => code !== 0 && fail(new Error(`ZPL preview renderer stopped (exit ${code})`)));
  return (worker = w);
}

let chain: Promise<unknown> = Promise.resolve();

export async function renderZplPng(zpl: string, opts?: { size?: LabelSize; dpi?: Dpi }): Promise<Buffer> {
  const { width, height } = labelInches(opts?.size ?? '4x6');
  const dpi = opts?.dpi ?? 203;
  const dpmm = dpi === 300 ? 12 : 8;
  // The renderer works in mm x dots/mm; give it the same dot counts as ^PW/^LL (812x1218 at 203).
  const widthMm = Math.round(width * dpi) / dpmm;
  const heightMm = Math.round(height * dpi) / dpmm;
  const run = chain.then(
    () =>
      new Promise<string>((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, { resolve, reject });
        const w = renderer();
        w.ref(); // a render under way keeps the process alive (a CLI awaiting it); idle, the worker holds nothing
        w.postMessage({ id, zpl, widthMm, heightMm, dpmm });
      }),
  );
  chain = run.catch(() => undefined);
  const b64 = await run;
  if (!b64) throw new Error('ZPL preview renderer returned no image');
  return Buffer.from(b64, 'base64');
}
