// 'bwip-js' resolves only under the "node"/"electron" export conditions, which TS "bundler"
// resolution does not apply; the explicit Node entry works for both tsc and runtime.
import bwipjs from 'bwip-js/node';
import { planCode128 } from './code128';

export interface BarcodePng {
  png: Buffer;
  /** Image size in pixels (quiet zones included). */
  width: number;
  height: number;
  /** Pixels per barcode module. */
  scale: number;
}

/**
 * Code 128 of a tracking number as a PNG (bwip-js), white background with 10-module quiet zones,
 * no human-readable text (layouts print it themselves). Same character rules as the ZPL barcode.
 */
export async function renderBarcodePng(trackingNumber: string, opts?: { scale?: number; heightMm?: number }): Promise<BarcodePng> {
  planCode128(trackingNumber); // validates, throws LabelError on characters we refuse to print
  const scale = opts?.scale ?? 4;
  const png = await bwipjs.toBuffer({
    bcid: 'code128',
    text: trackingNumber,
    scale,
    height: opts?.heightMm ?? 20,
    includetext: false,
    paddingwidth: 10,
    paddingheight: 2,
    backgroundcolor: 'FFFFFF',
  });
  // PNG IHDR: width and height are big-endian uint32 at bytes 16 and 20.
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20), scale };
}
