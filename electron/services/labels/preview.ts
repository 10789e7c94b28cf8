import type { Dpi, LabelSize } from './model.js';
import { labelInches } from './model.js';

/**
 * Offline ZPL -> PNG using zpl-renderer-js (a Go/wasm build of the Zebrash renderer with the
 * wasm inlined in its JS bundle). Importing it starts the Go runtime and ~9 MB of code, so it is
 * loaded lazily on first use and shared afterwards. Renders are chained one at a time: the Go
 * runtime is single-threaded and this keeps memory flat under bursts.
 */
type ZplApi = {
  zplToBase64Async: (zpl: string, widthMm?: number, heightMm?: number, dpmm?: number) => Promise<string>;
};

let apiPromise: Promise<ZplApi> | undefined;
let chain: Promise<unknown> = Promise.resolve();

function zplApi(): Promise<ZplApi> {
  apiPromise ??= import('zpl-renderer-js').then(async (mod) => (await mod.ready).api);
  apiPromise.catch(() => (apiPromise = undefined));
  return apiPromise;
}

export async function renderZplPng(zpl: string, opts?: { size?: LabelSize; dpi?: Dpi }): Promise<Buffer> {
  const { width, height } = labelInches(opts?.size ?? '4x6');
  const dpi = opts?.dpi ?? 203;
  const dpmm = dpi === 300 ? 12 : 8;
  // The renderer works in mm x dots/mm; give it the same dot counts as ^PW/^LL (812x1218 at 203).
  const widthMm = Math.round(width * dpi) / dpmm;
  const heightMm = Math.round(height * dpi) / dpmm;
  const api = await zplApi();
  const run = chain.then(() => api.zplToBase64Async(zpl, widthMm, heightMm, dpmm));
  chain = run.catch(() => undefined);
  const b64 = await run;
  if (!b64) throw new Error('ZPL preview renderer returned no image');
  return Buffer.from(b64, 'base64');
}
