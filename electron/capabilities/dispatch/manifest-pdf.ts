import PDFDocument from 'pdfkit';
import bwipjs from 'bwip-js/node';
import { DateTime } from 'luxon';
import { conflict } from '../../core/errors';
import { siteInfo, type ServiceContext } from '../../core/context';
import { manifestView, requireManifest } from './view';

/** Standard PDF fonts are WinAnsi only: keep Latin-1, strip accents, "?" for the rest. */
function latin(text: string): string {
  return Array.from(text)
    .map((ch) =>
      ch.charCodeAt(0) <= 0xff
        ? ch
        : ch
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .replace(/[^\x00-\xff]/g, '?'),
    )
    .join('');
}

const kg = (g: number) => (Math.round(g / 10) / 100).toFixed(2);

/** Code 128 of the manifest number, as a PNG with quiet zones (the driver's scanner reads it at handover). */
export function manifestBarcode(number: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text: number,
    scale: 3,
    height: 14,
    includetext: false,
    paddingwidth: 10,
    paddingheight: 2,
    backgroundcolor: 'FFFFFF',
  });
}

/** The printable manifest: header with barcode, counts and weights, every parcel, and the signature box. */
export async function manifestPdf(ctx: ServiceContext, manifestId: string): Promise<{ fileName: string; pdf: Buffer }> {
  const m = requireManifest(ctx, manifestId);
  if (!m.number) throw conflict('This manifest has no number yet: close it out first, then print it.');
  const view = manifestView(ctx, m);
  const line = ctx.store.read.lines.get(m.lineId)!;
  const site = siteInfo(ctx);
  const reader = ctx.store.read.dispatch;
  const parcels = reader.parcelsOn(m.id);
  const bags = reader.bags(m.id);
  const local = (iso: string | null) => (iso ? DateTime.fromISO(iso, { zone: site.zone }).toFormat('yyyy-LL-dd HH:mm') : '-');
  const barcode = await manifestBarcode(m.number);

  const doc = new PDFDocument({ size: 'A4', margin: 40, compress: true, bufferPages: true, info: { Title: `Manifest ${m.number}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const L = 40;
  const W = doc.page.width - 80;
  const bold = (size: number) => doc.font('Helvetica-Bold').fontSize(size);
  const plain = (size: number) => doc.font('Helvetica').fontSize(size);

  bold(20).text('CARRIER MANIFEST', L, 40);
  plain(10).text(latin(`${site.name} · ${site.shipFrom.address1}, ${site.shipFrom.zip} ${site.shipFrom.city} ${site.shipFrom.country}`), L, 66, {
    width: W * 0.55,
  });
  bold(13).text(latin(`${line.carrier} · ${line.name}`), L, 96, { width: W * 0.55 });
  plain(10).text(latin(`Service ${line.service}`), L, 114);
  doc.image(barcode, L + W * 0.58, 40, { width: W * 0.42, height: 56 });
  bold(11).text(m.number, L + W * 0.58, 100, { width: W * 0.42, align: 'center' });

  const weighed = parcels.filter((p) => p.weightGrams !== null).length;
  const facts: Array<[string, string]> = [
    ['Pickup', `${m.pickupDate}, expected ${DateTime.fromISO(m.expectedPickupAt, { zone: site.zone }).toFormat('HH:mm')} (${site.zone})`],
    ['Closed', `${local(m.closedAt)} by ${m.closedBy ?? '-'}${m.reopened ? ` (reopened ${m.reopened}x: ${m.statusNote ?? ''})` : ''}`],
    ['Parcels', String(parcels.length)],
    ['Bags', bags.length ? `${bags.length} (${bags.map((b) => `${b.code}: ${b.parcels}`).join(', ')})` : 'none'],
    [
      'Total weight',
      weighed ? `${kg(view.weightGrams)} kg${weighed < parcels.length ? ` (${parcels.length - weighed} parcels not weighed)` : ''}` : 'not weighed',
    ],
  ];
  let y = 140;
  for (const [k, v] of facts) {
    bold(10).text(k, L, y, { width: 90 });
    plain(10).text(latin(v), L + 90, y, { width: W - 90 });
    y += 15;
  }

  const cols = [
    { h: '#', w: 36 },
    { h: 'Tracking number', w: 170 },
    { h: 'Order', w: 90 },
    { h: 'Bag', w: 110 },
    { h: 'Weight kg', w: 70 },
    { h: 'Loaded', w: W - 476 },
  ];
  const header = (at: number) => {
    let x = L;
    bold(9);
    for (const c of cols) (doc.text(c.h, x, at, { width: c.w }), (x += c.w));
    doc
      .lineWidth(0.8)
      .moveTo(L, at + 12)
      .lineTo(L + W, at + 12)
      .stroke();
    return at + 16;
  };
  y = header(y + 10);
  const bottom = doc.page.height - 40;
  parcels.forEach((p, i) => {
    if (y > bottom - 14) {
      doc.addPage();
      y = header(40);
    }
    const cells = [String(i + 1), p.trackingNumber, p.orderName, p.bag ?? '', p.weightGrams === null ? '' : kg(p.weightGrams), local(p.loadedAt).slice(11)];
    let x = L;
    plain(9);
    cells.forEach((c, k) => (doc.text(latin(c), x, y, { width: cols[k].w, lineBreak: false }), (x += cols[k].w)));
    y += 13;
  });
  doc
    .lineWidth(0.8)
    .moveTo(L, y + 2)
    .lineTo(L + W, y + 2)
    .stroke();
  bold(10).text(`${parcels.length} parcels${weighed ? ` · ${kg(view.weightGrams)} kg` : ''}`, L, y + 6);

  // Signature box: the driver signs for the count above.
  const boxH = 110;
  if (y + 30 + boxH > bottom) {
    doc.addPage();
    y = 40;
  } else y += 30;
  doc.lineWidth(1).rect(L, y, W, boxH).stroke();
  bold(10).text(`Received by the carrier: ${parcels.length} parcels`, L + 10, y + 8);
  plain(10);
  const half = W / 2;
  // A field for the driver to fill in: its label, then a line to write on, in the left or right half.
  const field = (label: string, right: boolean, top: number) => {
    const x = right ? L + half + 10 : L + 10;
    doc
      .text(label, x, top)
      .moveTo(right ? L + half + 70 : L + 90, top + 12)
      .lineTo(right ? L + W - 10 : L + half - 10, top + 12)
      .stroke();
  };
  field('Driver name', false, y + 34);
  field('Vehicle', true, y + 34);
  field('Signature', false, y + 72);
  field('Date / time', true, y + 72);

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.page.margins.bottom = 0; // the footer sits in the margin; pdfkit would otherwise start a new page
    plain(8).text(`${m.number} · page ${i + 1} of ${range.count}`, L, doc.page.height - 30, { width: W, align: 'right', lineBreak: false });
  }
  doc.end();
  return { fileName: `${m.number}.pdf`, pdf: await done };
}
