import type { Address, LabelModel } from './model.js';
import { cleanText } from './text.js';

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
  weight?: string;
  reference?: string;
  parcelId: string;
  trackingNumber: string;
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
    weight: label.weightKg === undefined ? undefined : `${label.weightKg.toFixed(2)} kg`,
    reference: label.reference ? cleanText(label.reference) : undefined,
    parcelId: cleanText(label.parcelId),
    trackingNumber: label.trackingNumber,
  };
}
