import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderBarcodePng } from '../../../../../electron/capabilities/devices/labels/barcode';
import { renderLabelPdf, renderLabelPng } from '../../../../../electron/capabilities/devices/labels/render';
import { sampleLabel, TRACKING_NUMBERS } from './fixtures';
import { extractRgbImages } from './pdf-image';
import { decodeCode128 } from './zxing';

function pdfPages(pdf: Buffer): Array<number[]> {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type \/Page\b(?!s)[\s\S]*?>>/g) ?? [];
  return pages.map((p) => (/\/MediaBox \[([^\]]+)\]/.exec(p)?.[1] ?? '').trim().split(/\s+/).map(Number));
}

describe('renderLabelPng', () => {
  it('is the ZPL rendered, and its barcode decodes', async () => {
    const png = await renderLabelPng(sampleLabel());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(812);
    expect(await decodeCode128(new Uint8Array(png))).toEqual(['1Z999AA10123456784']);
  });

  it.runIf(process.platform === 'linux')('renders on a thread of its own at nice 10, below the scan path; the rest of the console stays at 0', async () => {
    await renderLabelPng(sampleLabel());
    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value (after the parenthesised name).
    const nices = readdirSync(`/proc/${process.pid}/task`).map((tid) => {
      const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    });
    expect(nices.filter((n) => n === 10)).toHaveLength(1);
    expect(nices.filter((n) => n !== 10 && n !== 0)).toEqual([]);
    expect(nices.filter((n) => n === 0).length).toBeGreaterThan(1);
  });
});

describe('renderLabelPdf', () => {
  it('is one 288x432 pt page starting with %PDF', async () => {
    const pdf = await renderLabelPdf(sampleLabel());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdf)).toEqual([[0, 0, 288, 432]]);
  });

  it('4x4 is one 288x288 pt page', async () => {
    expect(pdfPages(await renderLabelPdf(sampleLabel(), { size: '4x4' }))).toEqual([[0, 0, 288, 288]]);
  });

  for (const tn of TRACKING_NUMBERS) {
    it(`embeds a barcode that decodes: ${tn}`, async () => {
      const pdf = await renderLabelPdf(sampleLabel({ trackingNumber: tn, shipTo: { ...sampleLabel().shipTo, name: 'Łódź ^~ 東京' } }));
      const images = extractRgbImages(pdf);
      expect(images).toHaveLength(1);
      expect(await decodeCode128(images[0])).toEqual([tn]);
    });
  }

  it('the bwip-js barcode PNG decodes on its own', async () => {
    const b = await renderBarcodePng('LX123456785CN');
    expect(await decodeCode128(new Uint8Array(b.png))).toEqual(['LX123456785CN']);
  });
});
