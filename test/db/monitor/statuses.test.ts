import { describe, expect, it } from 'vitest';
import { normalizeAggregatorStage, normalizeCarrierCode, normalizeText } from '../../../db/monitor/statuses';
import { parseScanFile } from '../../../electron/capabilities/monitor/sources/file';

describe('normalization to one status set', () => {
  it('maps every carrier API code to its status, and refuses an unknown code by name', () => {
    const codes: Record<string, string> = {
      EDI: 'info_received',
      PU: 'accepted',
      AF: 'in_transit',
      DF: 'in_transit',
      CC: 'in_transit',
      WC: 'out_for_delivery',
      OK: 'delivered',
      NH: 'failed_attempt',
      OH: 'exception',
      RT: 'returned',
    };
    for (const [code, status] of Object.entries(codes)) expect(normalizeCarrierCode(code)).toEqual({ ok: true, status });
    expect(normalizeCarrierCode(' pu ')).toEqual({ ok: true, status: 'accepted' });
    expect(normalizeCarrierCode('ZZ')).toEqual({ ok: false, reason: 'unknown carrier event code "ZZ"' });
  });

  it('maps aggregator stages', () => {
    expect(normalizeAggregatorStage('PickedUp')).toEqual({ ok: true, status: 'accepted' });
    expect(normalizeAggregatorStage('DeliveryFailure')).toEqual({ ok: true, status: 'failed_attempt' });
    expect(normalizeAggregatorStage('Returning')).toEqual({ ok: true, status: 'returned' });
    expect(normalizeAggregatorStage('Teleported').ok).toBe(false);
  });

  it.each([
    ['Acceptance at origin post office', 'accepted'],
    ['Item picked up by courier', 'accepted'],
    ['Departed from sorting centre', 'in_transit'],
    ['Customs clearance completed', 'in_transit'],
    ['Out for delivery', 'out_for_delivery'],
    ['Delivered, signed by J. SMITH', 'delivered'],
    ['Delivery attempted - recipient not home', 'failed_attempt'],
    ['Not delivered: notice left', 'failed_attempt'],
    ['Held by customs', 'exception'],
    ['Returned to sender', 'returned'],
    ['Electronic information received', 'info_received'],
    ['in_transit', 'in_transit'],
  ])('reads the words "%s" as %s', (text, status) => {
    expect(normalizeText(text)).toEqual({ ok: true, status });
  });

  it('refuses words it does not know instead of guessing', () => {
    expect(normalizeText('Parcel feels happy')).toEqual({
      ok: false,
      reason: '"Parcel feels happy" is not a scan status this console knows (e.g. accepted, in transit, delivered)',
    });
  });
});

describe('scan files (CSV a carrier e-mails)', () => {
  it('reads local times in the given zone, ISO times with their offset, and rejects bad rows with the row number', () => {
    const csv = [
      'Tracking Number,Event,Scan Time,Location',
      'lx 100000001 cn,Accepted,2026-11-27 10:00,Shenzhen',
      'LX100000001CN,Departed facility,2026-11-28T02:30:00+08:00,Guangzhou',
      'LX100000001CN,Mystery,2026-11-28 10:00,',
      'LX100000001CN,Delivered,yesterday,',
    ].join('\n');
    const r = parseScanFile(csv, 'Asia/Shanghai');
    expect(r.scans).toEqual([
      { trackingNumber: 'LX100000001CN', status: 'accepted', scannedAt: '2026-11-27T02:00:00.000Z', location: 'Shenzhen', detail: 'Accepted' },
      { trackingNumber: 'LX100000001CN', status: 'in_transit', scannedAt: '2026-11-27T18:30:00.000Z', location: 'Guangzhou', detail: 'Departed facility' },
    ]);
    expect(r.rejected.map((x) => x.row)).toEqual([4, 5]);
    expect(r.rejected[1].reason).toContain('is not a time');
  });

  it('says which header is missing', () => {
    const r = parseScanFile('number,when\nX,2026-11-27 10:00', 'UTC');
    expect(r.rejected).toEqual([
      { row: 1, reason: 'the header has no status, time column: name them e.g. tracking_number, status, scanned_at (location optional)' },
    ]);
  });
});
