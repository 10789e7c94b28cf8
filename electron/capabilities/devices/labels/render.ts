import type { Dpi, LabelModel, LabelSize } from './model';
import { buildLabelPdf } from './pdf';
import { renderZplPng } from './preview';
import { buildZpl } from './zpl';

/**
 * Label output for printers without ZPL and for on-screen preview.
 *
 * PNG: the ZPL we actually send is rendered offline with zpl-renderer-js, so the preview IS the
 * label the Zebra prints (same layout, same barcode, same escaping) rather than a look-alike.
 * PDF: a vector layout of the same content for desktop/laser printers, with the tracking
 * barcode drawn by bwip-js and embedded as a PNG.
 */
export async function renderLabelPng(label: LabelModel, opts?: { size?: LabelSize; dpi?: Dpi }): Promise<Buffer> {
  return renderZplPng(buildZpl(label, opts), opts);
}

export async function renderLabelPdf(label: LabelModel, opts?: { size?: LabelSize }): Promise<Buffer> {
  return buildLabelPdf(label, opts?.size ?? '4x6');
}
