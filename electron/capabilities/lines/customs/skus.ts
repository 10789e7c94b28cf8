import { parse } from 'csv-parse/sync';
import type { CustomsSkuData } from '../../../../db/pack/events';
import { isIsoCountry } from '../../../core/countries';
import { badInput } from '../../../core/errors';
import { actorOf, type ServiceContext } from '../../../core/context';

/** The columns of the per-SKU customs file; only sku and description are required. */
export const SKU_COLUMNS = ['sku', 'description', 'hs_code', 'origin', 'value', 'currency', 'weight_g'] as const;

export interface SkuImportResult {
  imported: number;
  rows: CustomsSkuData[];
}

/** One row checked: the SKU's figures, or why the row cannot be taken. */
export function checkSkuRow(r: Record<string, string>): CustomsSkuData | string {
  const sku = (r.sku ?? '').trim();
  const description = (r.description ?? '').trim();
  if (!sku) return 'the sku is empty';
  if (!description) return `${sku}: the description is empty (say what the item is, in English, e.g. "cotton T-shirt")`;
  const out: CustomsSkuData = { sku, description: description.slice(0, 60) };
  const hs = (r.hs_code ?? '').replace(/[.\s]/g, '');
  if (hs) {
    if (!/^\d{6,10}$/.test(hs)) return `${sku}: HS code "${r.hs_code}" must be 6 to 10 digits`;
    out.hsCode = hs;
  }
  const origin = (r.origin ?? '').trim().toUpperCase();
  if (origin) {
    if (!isIsoCountry(origin)) return `${sku}: origin "${r.origin}" is not a two-letter country code such as CN`;
    out.origin = origin;
  }
  if ((r.value ?? '').trim()) {
    const v = Number(r.value);
    if (!Number.isFinite(v) || v < 0) return `${sku}: value "${r.value}" is not an amount`;
    out.value = Math.round(v * 100) / 100;
  }
  const currency = (r.currency ?? '').trim().toUpperCase();
  if (currency) {
    if (!/^[A-Z]{3}$/.test(currency)) return `${sku}: currency "${r.currency}" must be a three-letter code such as USD`;
    out.currency = currency;
  }
  if ((r.weight_g ?? '').trim()) {
    const w = Number(r.weight_g);
    if (!Number.isInteger(w) || w <= 0) return `${sku}: weight_g "${r.weight_g}" must be whole grams above 0`;
    out.weightG = w;
  }
  return out;
}

/**
 * Import the supervisor's customs table (CSV with a header row). All or nothing: a file with any bad
 * row is refused with every bad row named, and nothing is changed.
 */
export function importCustomsCsv(ctx: ServiceContext, csv: string, source = 'file'): SkuImportResult {
  let records: Array<Record<string, string>>;
  try {
    records = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    throw badInput(`The file is not a readable CSV (${(err as Error).message}). Save it as CSV (UTF-8) with a header row, then import again.`);
  }
  if (records.length === 0) throw badInput(`The file has no rows. Its header must name the columns: ${SKU_COLUMNS.join(', ')}.`);
  if (!('sku' in records[0]) || !('description' in records[0]))
    throw badInput(`The header must name at least "sku" and "description" (all columns: ${SKU_COLUMNS.join(', ')}). Nothing was imported.`);
  const rows: CustomsSkuData[] = [];
  const bad: Array<{ row: number; reason: string }> = [];
  records.forEach((r, i) => {
    const c = checkSkuRow(r);
    if (typeof c === 'string') bad.push({ row: i + 2, reason: c });
    else rows.push(c);
  });
  if (bad.length)
    throw badInput(
      `${bad.length} row${bad.length === 1 ? '' : 's'} cannot be taken, so nothing was imported: ${bad
        .slice(0, 5)
        .map((b) => `row ${b.row}: ${b.reason}`)
        .join('; ')}${bad.length > 5 ? '; …' : ''}. Fix ${bad.length === 1 ? 'it' : 'them'} and import the file again.`,
      bad.map((b) => ({ path: `row ${b.row}`, message: b.reason })),
    );
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'customs.skus_imported', subject: null, payload: { rows, source } }));
  return { imported: rows.length, rows };
}

export const customsSkus = (ctx: ServiceContext) => ctx.store.read.pack.customsSkus();
