// The third kind of source: a CSV of scans a carrier e-mails. Columns are found by their header;
// times without an offset are read in the zone the file says (default: the warehouse's).
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { normalizeText } from '../../../../db/monitor/statuses';
import type { SourceScan } from './types';

const COLUMNS: Record<'number' | 'status' | 'time' | 'location', string[]> = {
  number: ['tracking_number', 'tracking number', 'tracking', 'number', 'waybill', 'tracking no', 'tracking no.'],
  status: ['status', 'event', 'description', 'scan', 'event description'],
  time: ['scanned_at', 'scan time', 'time', 'date', 'event time', 'datetime', 'timestamp'],
  location: ['location', 'place', 'city', 'facility'],
};

export interface FileRows {
  scans: SourceScan[];
  rejected: Array<{ row: number; reason: string }>;
}

function parseTime(text: string, zone: string): string | null {
  const t = text.trim();
  let d = DateTime.fromISO(t, { zone, setZone: true });
  if (!d.isValid) d = DateTime.fromFormat(t, 'yyyy-MM-dd HH:mm:ss', { zone });
  if (!d.isValid) d = DateTime.fromFormat(t, 'yyyy-MM-dd HH:mm', { zone });
  if (!d.isValid) d = DateTime.fromFormat(t, 'dd/MM/yyyy HH:mm', { zone });
  return d.isValid ? d.toUTC().toISO() : null;
}

export function parseScanFile(csv: string, zone: string): FileRows {
  const records = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  const out: FileRows = { scans: [], rejected: [] };
  if (!records.length) return { scans: [], rejected: [{ row: 1, reason: 'the file is empty' }] };
  const header = records[0].map((h) => h.toLowerCase());
  const col = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, header.findIndex((h) => names.includes(h))])) as Record<
    keyof typeof COLUMNS,
    number
  >;
  const missing = (['number', 'status', 'time'] as const).filter((k) => col[k] < 0);
  if (missing.length)
    return {
      scans: [],
      rejected: [{ row: 1, reason: `the header has no ${missing.join(', ')} column: name them e.g. tracking_number, status, scanned_at (location optional)` }],
    };
  records.slice(1).forEach((r, i) => {
    const row = i + 2;
    const number = (r[col.number] ?? '').replace(/\s+/g, '').toUpperCase();
    if (!number) return out.rejected.push({ row, reason: 'no tracking number' });
    const st = normalizeText(r[col.status] ?? '');
    if (!st.ok) return out.rejected.push({ row, reason: st.reason });
    const at = parseTime(r[col.time] ?? '', zone);
    if (!at) return out.rejected.push({ row, reason: `"${r[col.time] ?? ''}" is not a time: use 2026-11-27 14:05 or ISO-8601` });
    out.scans.push({
      trackingNumber: number,
      status: st.status,
      scannedAt: at,
      location: col.location >= 0 ? r[col.location] || null : null,
      detail: r[col.status],
    });
  });
  return out;
}
