import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../../../electron/app/invoke';
import { manifestBarcode } from '../../../../electron/capabilities/dispatch/manifest-pdf';
import { api } from '../../../support/app';
import { extractRgbImages } from '../devices/labels/pdf-image';
import { decodeCode128 } from '../devices/labels/zxing';
import { dispatchApp, pickOn } from './fixtures';
import { pdfStrings } from '../../../support/pdf-text';

let app: Awaited<ReturnType<typeof dispatchApp>>;
let manifestId: string;
let parcels: Awaited<ReturnType<typeof pickOn>>;

beforeAll(async () => {
  app = await dispatchApp({ orders: 160 });
  parcels = await pickOn(app, 'postal-s10', 70);
  manifestId = (await api(app, 'dispatch.open', { lineId: 'postal-s10' })).id;
  for (const [i, p] of parcels.entries()) await api(app, 'dispatch.scan', { manifestId, code: p.trackingNumber, weightGrams: 100 + i });
});
afterAll(async () => app?.dispose());

describe('manifest PDF', () => {
  it('is refused before close-out', async () => {
    const r = await invoke(app.handlers, 'dispatch.pdf', { manifestId });
    expect(r).toMatchObject({ ok: false, status: 409, error: { message: expect.stringContaining('close it out first') } });
  });

  it('carries a Code 128 barcode that decodes back to the manifest number', async () => {
    const { manifest } = await api(app, 'dispatch.close', { manifestId });
    const { fileName, pdfBase64 } = await api(app, 'dispatch.pdf', { manifestId });
    expect(fileName).toBe(`${manifest.number}.pdf`);
    const pdf = Buffer.from(pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const images = extractRgbImages(pdf);
    expect(images).toHaveLength(1);
    expect(await decodeCode128(images[0])).toEqual([manifest.number]);
  });

  it('runs over pages with the count, the weight and a signature box', async () => {
    const pdf = Buffer.from((await api(app, 'dispatch.pdf', { manifestId })).pdfBase64, 'base64');
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? [];
    expect(pages.length).toBe(2);
    const text = pdfStrings(pdf);
    for (const p of parcels) expect(text).toContain(p.trackingNumber);
    // 70 parcels weighing 100..169 g: 9,415 g.
    expect(text).toContain('70 parcels · 9.42 kg');
    expect(text).toContain('Received by the carrier: 70 parcels');
    for (const box of ['Driver name', 'Signature', 'Date / time']) expect(text).toContain(box);
    expect(text.some((t) => t.includes('page 2 of 2'))).toBe(true);
  });

  it('the barcode of another number decodes to that number (the check can fail)', async () => {
    const png = await manifestBarcode('MF-DWS-UPS-20261127-03');
    expect(await decodeCode128(new Uint8Array(png))).toEqual(['MF-DWS-UPS-20261127-03']);
  });
});
