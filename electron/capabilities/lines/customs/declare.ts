import type { CustomsSettingsData } from '../../../../db/devices/events';
import type { CustomsDeclaration } from '../../devices/labels/model';
import type { ServiceContext } from '../../../core/context';

/**
 * The UPU threshold between the CN22 and the CN23 is 300 SDR of contents. Amounts per currency are
 * 300 SDR at IMF rates of 2026, rounded down so a parcel near the line gets the CN23 (never the wrong
 * CN22). A currency not listed gets the CN23, which any value may use.
 */
export const CN22_LIMIT: Readonly<Record<string, number>> = {
  XDR: 300,
  USD: 400,
  EUR: 360,
  GBP: 300,
  CNY: 2900,
  HKD: 3100,
  JPY: 60000,
  CAD: 550,
  AUD: 600,
};

export type CustomsForm = 'CN22' | 'CN23';

export function formFor(value: number, currency: string): CustomsForm {
  const limit = CN22_LIMIT[currency.toUpperCase()];
  return limit !== undefined && value <= limit ? 'CN22' : 'CN23';
}

export interface Declared {
  declaration: CustomsDeclaration & { form: CustomsForm };
  /** What a complete declaration still lacks, one sentence per item and field, with where to fill it. */
  missing: string[];
}

const DEFAULTS: CustomsSettingsData = {
  enabled: true,
  category: 'merchandise',
  originCountry: '',
  currency: 'USD',
  valuePerItem: 0,
  weightPerItemKg: 0,
  items: {},
};

/**
 * The declaration of what a parcel carries: per item the supervisor's SKU table first, then the line's
 * customs figures, then the line's defaults; the description falls back to the order's title. `strict`
 * (a line that needs customs) lists every missing HS code, origin, value and weight.
 */
export function declare(ctx: ServiceContext, lineId: string, items: Array<{ sku: string; title: string; quantity: number }>, strict: boolean): Declared {
  const settings = ctx.store.read.devices.lineCustoms(lineId) ?? DEFAULTS;
  const table = ctx.store.read.pack;
  const missing: string[] = [];
  let currency = settings.currency.toUpperCase();
  const out = items.map((i) => {
    const row = table.customsSku(i.sku);
    const own = settings.items[i.sku] ?? {};
    if (row?.currency && row.value !== undefined && row.currency !== currency) {
      if (items.length === 1) currency = row.currency;
      else missing.push(`${i.sku}: its value is in ${row.currency}, the declaration in ${currency}. Give the SKU a value in ${currency} in the customs table.`);
    }
    const unitValue = row?.value ?? own.value ?? (settings.valuePerItem || undefined);
    const unitWeightKg = row?.weightG !== undefined ? row.weightG / 1000 : (own.weightKg ?? (settings.weightPerItemKg || undefined));
    const hsCode = row?.hsCode ?? own.hsCode;
    const origin = (row?.origin ?? own.origin ?? settings.originCountry).toUpperCase();
    if (strict) {
      const where = 'Add it to the customs table (Setup → Customs per SKU: import the CSV), then print again.';
      if (!hsCode) missing.push(`${i.sku} has no HS code. ${where}`);
      if (!origin) missing.push(`${i.sku} has no country of origin. ${where}`);
      if (unitValue === undefined) missing.push(`${i.sku} has no value. ${where}`);
      if (unitWeightKg === undefined) missing.push(`${i.sku} has no weight. ${where}`);
    }
    return {
      description: row?.description ?? own.description ?? i.title,
      quantity: i.quantity,
      value: Math.round((unitValue ?? 0) * i.quantity * 100) / 100,
      weightKg: Math.round((unitWeightKg ?? 0) * i.quantity * 1000) / 1000,
      ...(hsCode ? { hsCode } : {}),
      origin,
    };
  });
  const total = out.reduce((n, i) => n + i.value, 0);
  return { declaration: { form: formFor(total, currency), category: settings.category, currency, items: out }, missing };
}
