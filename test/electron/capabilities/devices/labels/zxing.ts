import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';

/**
 * zxing-wasm in Node, offline: hand it the reader .wasm from node_modules as `wasmBinary`
 * (otherwise it would fetch it from a CDN). Done once per test process.
 */
let ready: Promise<unknown> | undefined;

function init(): Promise<unknown> {
  if (!ready) {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const file = readFileSync(wasmPath);
    const wasmBinary = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
    ready = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  }
  return ready;
}

/** Every Code 128 symbol zxing finds in a PNG (or RGBA pixels), as decoded text. */
export async function decodeCode128(image: Uint8Array | { data: Uint8ClampedArray; width: number; height: number }): Promise<string[]> {
  await init();
  const input = image instanceof Uint8Array ? image : (image as unknown as ImageData);
  const results: ReadResult[] = await readBarcodes(input, { formats: ['Code128'], tryHarder: true, maxNumberOfSymbols: 8 });
  return results.filter((r) => r.isValid).map((r) => r.text);
}
