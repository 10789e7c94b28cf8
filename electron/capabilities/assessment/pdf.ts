import PDFDocument from 'pdfkit';
import { DateTime } from 'luxon';
import type { Assessment } from './report';

/** Standard PDF fonts are WinAnsi: typographic quotes and dashes become their plain forms, anything else outside Latin-1 a "?". */
function plain(text: string): string {
  return text
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/→/g, '->')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x00-\xff]/g, '?');
}

const MARK = { pass: { text: 'PASS', color: '#1b7a32' }, attention: { text: 'ATTENTION', color: '#b45309' } } as const;

/** The self-assessment as a PDF a 3PL sends its merchants: every question, the good answer beside it, the site's answer and figures, the source. */
export function assessmentPdf(a: Assessment): Promise<{ fileName: string; pdf: Buffer }> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    compress: true,
    bufferPages: true,
    info: { Title: `Tracking self-assessment ${a.site} ${a.from} to ${a.to}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const L = 40;
  const W = doc.page.width - 80;
  const bottom = doc.page.height - 60;
  const made = DateTime.fromISO(a.generatedAt, { zone: a.zone }).toFormat('ccc d LLL yyyy HH:mm');

  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(plain(`Tracking-stack self-assessment: ${a.site}`), L, 40, { width: W });
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#333')
    .text(
      plain(`Period ${a.from} to ${a.to} (warehouse time, ${a.zone}); ${a.parcels} parcels picked. Made ${made} by Firstscan from this site's own records.`),
      { width: W },
    );
  doc.moveDown(0.3);
  doc
    .fontSize(9)
    .fillColor('#555')
    .text(
      plain(
        "The eight questions are Table 5 of “Why Shopify tracking isn't updating” (Janson Wang, ASG Dropshipping, 2026): what a merchant should ask its fulfillment partner. Beside each, the article's good answer; below, our answer with its figures and where they come from.",
      ),
      { width: W },
    );
  const passed = a.answers.filter((x) => x.mark === 'pass').length;
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).fillColor('#000').text(`${passed} of ${a.answers.length} answers meet the good-answer criterion.`);
  doc.moveDown(0.6);

  for (const ans of a.answers) {
    const need = 40 + ans.figures.length * 13 + doc.heightOfString(plain(ans.answer), { width: W - 20 });
    if (doc.y + need > bottom) doc.addPage();
    const top = doc.y;
    doc
      .moveTo(L, top)
      .lineTo(L + W, top)
      .strokeColor('#999')
      .lineWidth(0.5)
      .stroke();
    const m = MARK[ans.mark];
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .fillColor(m.color)
      .text(m.text, L + W - 70, top + 6, { width: 70, align: 'right' });
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor('#000')
      .text(plain(`${ans.n}. ${ans.question}`), L, top + 6, { width: W - 80 });
    doc
      .font('Helvetica-Oblique')
      .fontSize(9)
      .fillColor('#555')
      .text(plain(`Good answer: ${ans.good}`), L, doc.y + 2, { width: W - 80 });
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor('#000')
      .text(plain(ans.answer), L + 10, doc.y + 4, { width: W - 20 });
    doc.moveDown(0.2);
    for (const f of ans.figures) {
      const y = doc.y;
      doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor('#333')
        .text(plain(f.label), L + 20, y, { width: 230 });
      const h1 = doc.y;
      doc
        .font('Helvetica-Bold')
        .fontSize(9)
        .fillColor('#000')
        .text(plain(f.value), L + 255, y, { width: W - 255 });
      doc.y = Math.max(h1, doc.y);
    }
    doc
      .font('Helvetica-Oblique')
      .fontSize(8)
      .fillColor('#666')
      .text(plain(`Source: ${ans.source}`), L + 20, doc.y + 2, { width: W - 40 });
    doc.moveDown(0.8);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#666')
      .text(plain(`${a.site}: tracking self-assessment ${a.from} to ${a.to}, page ${i + 1} of ${range.count}`), L, doc.page.height - 40, {
        width: W,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done.then((pdf) => ({ fileName: `tracking-self-assessment-${a.from}-${a.to}.pdf`, pdf }));
}
