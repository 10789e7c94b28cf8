import type { Address, CustomsDeclaration, LabelModel } from './model';
import { cleanText } from './text';

/**
 * The words printed on a label, shared by the ZPL and PDF layouts so both carry the same
 * information. Values are cleaned of control characters; escaping is left to each output.
 */
export interface LabelContent {
  fromLines: string[];
  toName: string;
  toLines: string[];
  toCityLine: string;
  toCountry: string;
  toPhone?: string;
  carrier: string;
  line: string;
  service: string;
  order: string;
  shipDate: string;
  /** "2 OF 3" on an order of several parcels. */
  piece?: string;
  weight?: string;
  reference?: string;
  parcelId: string;
  trackingNumber: string;
  /** Lines of the customs block, header first; absent when the line needs none. */
  customs?: string[];
}

const CATEGORY: Record<CustomsDeclaration['category'], string> = {
  merchandise: 'MERCHANDISE',
  gift: 'GIFT',
  documents: 'DOCUMENTS',
  sample: 'COMMERCIAL SAMPLE',
  returned_goods: 'RETURNED GOODS',
  other: 'OTHER',
};

/**
 * CN22-style block: category, up to `maxItems` item lines (quantity, contents, HS code if known,
 * weight, value, origin), the rest summed into one line, and the totals.
 */
export function customsLines(c: CustomsDeclaration, maxItems = 3): string[] {
  const money = (v: number) => `${c.currency} ${v.toFixed(2)}`;
  const kg = (v: number) => `${v.toFixed(3)} kg`;
  const out = [`CUSTOMS DECLARATION ${c.form ?? 'CN22'} - ${CATEGORY[c.category]}`];
  const shown = c.items.length > maxItems ? c.items.slice(0, maxItems - 1) : c.items;
  for (const i of shown)
    out.push(cleanText(`${i.quantity} x ${i.description}${i.hsCode ? ` HS ${i.hsCode}` : ''} | ${kg(i.weightKg)} | ${money(i.value)} | ${i.origin}`));
  const rest = c.items.slice(shown.length);
  if (rest.length)
    out.push(
      `${rest.reduce((n, i) => n + i.quantity, 0)} x ${rest.length} more items | ${kg(rest.reduce((n, i) => n + i.weightKg, 0))} | ${money(rest.reduce((n, i) => n + i.value, 0))}`,
    );
  const weight = c.items.reduce((n, i) => n + i.weightKg, 0);
  const value = c.items.reduce((n, i) => n + i.value, 0);
  const origins = [...new Set(c.items.map((i) => i.origin))].join('/');
  out.push(`TOTAL ${kg(weight)} | ${money(value)} | ORIGIN ${origins}`);
  return out;
}

function present(values: Array<string | undefined>): string[] {
  return values.map((v) => cleanText(v ?? '')).filter((v) => v.length > 0);
}

export function cityLine(a: Address): string {
  return present([a.city, a.province, a.zip]).join(' ');
}

export function labelContent(label: LabelModel): LabelContent {
  const from = label.shipFrom;
  const to = label.shipTo;
  return {
    fromLines: present([from.name, from.company, from.address1, from.address2, cityLine(from), from.country.toUpperCase()]),
    toName: cleanText(to.name),
    toLines: present([to.company, to.address1, to.address2]),
    toCityLine: cityLine(to),
    toCountry: cleanText(to.country).toUpperCase(),
    toPhone: to.phone ? cleanText(to.phone) : undefined,
    carrier: cleanText(label.carrierName),
    line: cleanText(label.lineName),
    service: cleanText(label.service),
    order: cleanText(label.orderName),
    shipDate: cleanText(label.shipDate),
    piece: label.piece ? `${label.piece.index} OF ${label.piece.count}` : undefined,
    weight: label.weightKg === undefined ? undefined : `${label.weightKg.toFixed(2)} kg`,
    reference: label.reference ? cleanText(label.reference) : undefined,
    parcelId: cleanText(label.parcelId),
    trackingNumber: label.trackingNumber,
    customs: label.customs && label.customs.items.length ? customsLines(label.customs) : undefined,
  };
}
