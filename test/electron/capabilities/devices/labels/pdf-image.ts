import { inflateSync } from 'node:zlib';

/**
 * Pull the RGB image XObjects out of a pdfkit PDF as RGBA pixels (test helper, not a PDF parser:
 * it relies on pdfkit writing uncompressed object dictionaries and FlateDecode raw pixel streams).
 */
export function extractRgbImages(pdf: Buffer): Array<{ data: Uint8ClampedArray; width: number; height: number }> {
  const text = pdf.toString('latin1');
  const out: Array<{ data: Uint8ClampedArray; width: number; height: number }> = [];
  const re = /<<([^>]*\/Subtype \/Image[^>]*)>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const dict = m[1];
    if (!/\/ColorSpace \/DeviceRGB/.test(dict) || !/\/Filter \/FlateDecode/.test(dict) || /DecodeParms/.test(dict)) continue;
    const width = Number(/\/Width (\d+)/.exec(dict)?.[1]);
    const height = Number(/\/Height (\d+)/.exec(dict)?.[1]);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const start = m.index + m[0].length;
    const rgb = inflateSync(pdf.subarray(start, start + length));
    const data = new Uint8ClampedArray(width * height * 4);
    for (let i = 0, j = 0; i < width * height; i++, j += 3) {
      data.set([rgb[j], rgb[j + 1], rgb[j + 2], 255], i * 4);
    }
    out.push({ data, width, height });
  }
  return out;
}
