import PDFDocument from 'pdfkit';
import { renderBarcodePng } from '../devices/labels/barcode';

export interface SheetBadge {
  name: string;
  role: string;
  badge: string;
}

const COLS = 2;
const ROWS = 5;

/**
 * The badge sheet as an A4 PDF: ten cards a page (two across), each with the operator's name, role,
 * the badge as a Code 128 and its code in text, inside a dashed cut line. A PDF rather than a page
 * of the console: it prints the same from the desktop app, a browser or a file sent to the office.
 */
export async function badgeSheetPdf(site: string, badges: SheetBadge[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 36, compress: true, info: { Title: `Badges ${site}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const pngs = await Promise.all(badges.map((b) => renderBarcodePng(b.badge, { scale: 3, heightMm: 14 })));
  const cardW = (doc.page.width - 72) / COLS;
  const cardH = (doc.page.height - 72) / ROWS;
  badges.forEach((b, i) => {
    const slot = i % (COLS * ROWS);
    if (i > 0 && slot === 0) doc.addPage();
    const x = 36 + (slot % COLS) * cardW;
    const y = 36 + Math.floor(slot / COLS) * cardH;
    doc
      .save()
      .dash(4, { space: 4 })
      .lineWidth(0.5)
      .rect(x + 4, y + 4, cardW - 8, cardH - 8)
      .stroke()
      .restore();
    doc
      .font('Helvetica-Bold')
      .fontSize(15)
      .text(b.name, x + 12, y + 14, { width: cardW - 24, align: 'center' });
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(`${b.role} · ${site}`, x + 12, y + 34, { width: cardW - 24, align: 'center' });
    const png = pngs[i];
    const imgW = Math.min(cardW - 40, (png.width / png.scale) * 1.1);
    const imgH = cardH - 90;
    doc.image(png.png, x + (cardW - imgW) / 2, y + 52, { width: imgW, height: imgH });
    doc
      .font('Courier')
      .fontSize(12)
      .text(b.badge, x + 12, y + cardH - 30, { width: cardW - 24, align: 'center' });
  });
  doc.end();
  return done;
}
