import PDFDocument from 'pdfkit';
import { renderBarcodePng } from './barcode';
import { labelContent } from './content';
import { labelInches, type LabelModel, type LabelSize } from './model';

const PT_PER_IN = 72;
/** Target barcode module width: 15 mil, like ^BY3 at 203 dpi. */
const MODULE_PT = 0.015 * PT_PER_IN;

/**
 * The standard PDF fonts only cover WinAnsi. Keep Latin-1 as is, strip accents from anything
 * else, and show "?" for what is left, rather than emitting garbage glyphs.
 */
function winAnsi(text: string): string {
  return Array.from(text)
    .map((ch) => {
      if (ch.charCodeAt(0) <= 0xff) return ch;
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return base.length === 1 && base.charCodeAt(0) <= 0xff ? base : '?';
    })
    .join('');
}

/** Lay out one label as a single-page PDF (4x6 in = 288x432 pt, 4x4 in = 288x288 pt). */
export async function buildLabelPdf(label: LabelModel, size: LabelSize): Promise<Buffer> {
  const inches = labelInches(size);
  const W = inches.width * PT_PER_IN;
  const H = inches.height * PT_PER_IN;
  const compact = size === '4x4';
  const margin = compact ? 6 : 9;
  const gap = compact ? 1.5 : 3;
  const c = labelContent(label);
  const barcode = await renderBarcodePng(c.trackingNumber);

  const doc = new PDFDocument({ size: [W, H], margin: 0, compress: true, info: { Title: `Label ${c.order} ${c.trackingNumber}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const text = (x: number, y: number, size: number, value: string, width: number, opts?: { bold?: boolean; align?: 'left' | 'center' }) => {
    doc.font(opts?.bold === false ? 'Helvetica' : 'Helvetica-Bold').fontSize(size);
    let v = winAnsi(value);
    while (v.length > 1 && doc.widthOfString(v) > width) v = v.slice(0, -2) + '…';
    doc.text(v, x, y, { width, lineBreak: false, align: opts?.align ?? 'left' });
    return y + size + gap;
  };
  const hline = (y: number) =>
    doc
      .lineWidth(1)
      .moveTo(margin, y)
      .lineTo(W - margin, y)
      .stroke();
  const innerW = W - 2 * margin;
  const split = W * 0.56;

  let y = margin;
  y = text(margin, y, compact ? 5.5 : 7, 'FROM', split - margin - 4);
  for (const line of c.fromLines.slice(0, compact ? 4 : 6)) y = text(margin, y, compact ? 6.5 : 7.5, line, split - margin - 4, { bold: false });
  let ry = margin;
  // Shrink the carrier's name to fit (down to the line's size) rather than cut it.
  let carrierSize = compact ? 13 : 17;
  doc.font('Helvetica-Bold');
  while (carrierSize > (compact ? 8 : 10) && doc.fontSize(carrierSize).widthOfString(winAnsi(c.carrier)) > W - margin - split - 4) carrierSize -= 0.5;
  ry = text(split + 4, ry, carrierSize, c.carrier, W - margin - split - 4);
  ry = text(split + 4, ry, compact ? 8 : 10, c.line, W - margin - split - 4);
  ry = text(split + 4, ry, compact ? 8 : 10, c.service, W - margin - split - 4);
  const topEnd = Math.max(y, ry);
  doc
    .lineWidth(1)
    .moveTo(split, margin / 2)
    .lineTo(split, topEnd)
    .stroke();
  y = topEnd + gap;
  hline(y);
  y += 2 * gap + 1;

  y = text(margin, y, compact ? 5.5 : 7, 'SHIP TO', innerW);
  y = text(margin, y, compact ? 12 : 17, c.toName, innerW);
  for (const line of c.toLines) y = text(margin, y, compact ? 10.5 : 14, line, innerW);
  y = text(margin, y, compact ? 12 : 17, c.toCityLine, innerW);
  y = text(margin, y, compact ? 12 : 17, c.toCountry, innerW);
  if (c.toPhone && !compact) y = text(margin, y, 8, `TEL ${c.toPhone}`, innerW, { bold: false });
  hline(y);
  y += 2 * gap + 1;

  text(margin, y, compact ? 8.5 : 12, `ORDER ${c.order}`, innerW / 2);
  y = text(margin + innerW / 2, y, compact ? 8.5 : 12, `SHIP ${c.shipDate}`, innerW / 2);
  if (c.piece) y = text(margin, y, compact ? 8.5 : 12, `PARCEL ${c.piece}`, innerW);
  const extra = [c.weight, c.reference ? `REF ${c.reference}` : undefined, `PARCEL ${c.parcelId}`].filter(Boolean).join(' | ');
  y = text(margin, y, compact ? 5.5 : 7, extra, innerW, { bold: false });
  hline(y);
  y += 2 * gap + 2;

  // Barcode image (quiet zones included), 15 mil modules unless that would not fit the width.
  const modulesWithQuiet = barcode.width / barcode.scale;
  const imgW = Math.min(modulesWithQuiet * MODULE_PT, W);
  const imgH = c.customs ? (compact ? 0.6 : 0.8) * PT_PER_IN : PT_PER_IN;
  doc.image(barcode.png, (W - imgW) / 2, y, { width: imgW, height: imgH });
  y += imgH + gap;
  y = text(margin, y, compact ? 10 : 13, c.trackingNumber, innerW, { align: 'center' });

  if (c.customs) {
    const top = y;
    for (const line of c.customs) y = text(margin + 3, y + 1, compact ? 5.2 : 6.5, line, innerW - 6, { bold: line === c.customs[0] });
    doc
      .lineWidth(0.8)
      .rect(margin, top - 1, innerW, y - top + 3)
      .stroke();
  }

  doc.end();
  return done;
}
