import PDFDocument from 'pdfkit';
import type { Address, CustomsDeclaration } from './model';
import { cityLine } from './content';

/** Everything printed on the CN23 (the UPU customs declaration for parcels above the CN22 limit). */
export interface Cn23Model {
  parcelId: string;
  trackingNumber: string;
  orderName: string;
  /** "2 of 3" when the order left in several parcels: this form declares only this parcel's items. */
  piece?: { index: number; count: number };
  sender: Address;
  addressee: Address;
  declaration: CustomsDeclaration;
  /** Gross weight of the parcel (the bench's weighing), else the items' net weights. */
  totalWeightKg: number;
  totalValue: number;
  /** Who signs for the sender, and the date (YYYY-MM-DD in the warehouse zone). */
  signedBy: string;
  date: string;
}

const CATEGORY: Record<CustomsDeclaration['category'], string> = {
  gift: 'Gift',
  documents: 'Documents',
  sample: 'Sample',
  returned_goods: 'Returned goods',
  merchandise: 'Sale of goods',
  other: 'Other',
};

/** Standard PDF fonts cover WinAnsi only: accents are stripped, anything else shows "?". */
function winAnsi(text: string): string {
  return Array.from(text)
    .map((ch) => {
      if (ch.charCodeAt(0) <= 0xff) return ch;
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return base.length === 1 && base.charCodeAt(0) <= 0xff ? base : '?';
    })
    .join('');
}

const money = (n: number) => n.toFixed(2);
const kg = (n: number) => n.toFixed(3);

/** The CN23 as one A4 page (595 x 842 pt): boxes as on the UPU form, each with its label and value. */
export async function buildCn23Pdf(m: Cn23Model): Promise<Buffer> {
  const W = 595;
  const margin = 36;
  const innerW = W - 2 * margin;
  const doc = new PDFDocument({ size: 'A4', margin: 0, compress: true, info: { Title: `CN23 ${m.orderName} ${m.trackingNumber}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const text = (x: number, y: number, size: number, value: string, width: number, bold = false, align: 'left' | 'right' = 'left') => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    let v = winAnsi(value);
    while (v.length > 1 && doc.widthOfString(v) > width) v = v.slice(0, -2) + '…';
    doc.text(v, x, y, { width, lineBreak: false, align });
  };
  const box = (x: number, y: number, w: number, h: number) => doc.lineWidth(0.8).rect(x, y, w, h).stroke();

  let y = margin;
  text(margin, y, 20, 'CUSTOMS DECLARATION CN 23', innerW * 0.6, true);
  text(margin + innerW * 0.6, y + 2, 10, `No. ${m.trackingNumber}`, innerW * 0.4, true, 'right');
  y += 26;
  text(margin, y, 9, `Order ${m.orderName}${m.piece ? `, parcel ${m.piece.index} of ${m.piece.count}` : ''}. May be opened officially.`, innerW);
  y += 18;

  const half = innerW / 2;
  const party = (x: number, title: string, a: Address) => {
    box(x, y, half, 92);
    text(x + 6, y + 5, 8, title, half - 12, true);
    const lines = [a.name, a.company, a.address1, a.address2, cityLine(a), a.country, a.phone ? `Tel. ${a.phone}` : undefined].filter((l): l is string => !!l);
    lines.forEach((l, i) => text(x + 6, y + 18 + i * 11, 9.5, l, half - 12, i === 0));
  };
  party(margin, 'FROM (SENDER)', m.sender);
  party(margin + half, 'TO (ADDRESSEE)', m.addressee);
  y += 100;

  // Items: description, quantity, net weight, value, HS tariff number, country of origin.
  const cols = [
    { title: 'Detailed description of contents', w: 0.36 },
    { title: 'Quantity', w: 0.09 },
    { title: 'Net weight (kg)', w: 0.13 },
    { title: `Value (${m.declaration.currency})`, w: 0.13 },
    { title: 'HS tariff number', w: 0.15 },
    { title: 'Country of origin', w: 0.14 },
  ].map((c) => ({ ...c, w: c.w * innerW }));
  const row = (cells: string[], bold: boolean, h = 16) => {
    let x = margin;
    cells.forEach((c, i) => {
      box(x, y, cols[i].w, h);
      text(x + 4, y + 4, bold ? 7.5 : 9, c, cols[i].w - 8, bold, i === 0 ? 'left' : 'right');
      x += cols[i].w;
    });
    y += h;
  };
  row(
    cols.map((c) => c.title),
    true,
  );
  for (const it of m.declaration.items) row([it.description, String(it.quantity), kg(it.weightKg), money(it.value), it.hsCode ?? '', it.origin], false);
  const quantity = m.declaration.items.reduce((n, i) => n + i.quantity, 0);
  const net = m.declaration.items.reduce((n, i) => n + i.weightKg, 0);
  row(['Total', String(quantity), kg(net), money(m.totalValue), '', ''], true);
  y += 10;

  box(margin, y, innerW, 40);
  text(margin + 6, y + 5, 8, 'CATEGORY OF ITEM', innerW / 2, true);
  const cats = Object.entries(CATEGORY) as Array<[CustomsDeclaration['category'], string]>;
  cats.forEach(([k, label], i) => {
    const x = margin + 6 + i * (innerW / cats.length);
    text(x, y + 20, 9, `[${k === m.declaration.category ? 'X' : ' '}] ${label}`, innerW / cats.length - 6, k === m.declaration.category);
  });
  y += 48;
  text(margin, y, 9, `Total gross weight: ${kg(m.totalWeightKg)} kg    Total value: ${money(m.totalValue)} ${m.declaration.currency}`, innerW, true);
  y += 24;

  box(margin, y, innerW, 64);
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(
      'I certify that the particulars given in this customs declaration are correct and that this item does not contain any dangerous article prohibited by legislation or by postal or customs regulations.',
      margin + 6,
      y + 5,
      { width: innerW - 12 },
    );
  text(margin + 6, y + 24, 8, "DATE AND SENDER'S SIGNATURE", half, true);
  text(margin + 6, y + 40, 11, `${m.date}    ${m.signedBy}`, innerW - 12, true);
  doc.end();
  return done;
}
