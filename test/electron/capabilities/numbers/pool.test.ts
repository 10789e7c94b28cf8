import { describe, expect, it } from 'vitest';
import { parsePoolCsv } from '../../../../electron/capabilities/numbers/pool';

describe('parsePoolCsv', () => {
  it('reads one number per line and skips blank lines', () => {
    const r = parsePoolCsv('1Z999AA10123456784\n\n  RR123456785CN  \r\n123456789012\n');
    expect(r.numbers).toEqual([
      { number: '1Z999AA10123456784', format: 'ups1z' },
      { number: 'RR123456785CN', format: 's10' },
      { number: '123456789012', format: 'fedex12' },
    ]);
    expect(r.rejected).toEqual([]);
  });

  it('skips a header row and takes the first CSV column', () => {
    const text = '\uFEFFTracking Number,Weight\n"1Z 999 AA1 0123 4567 84",1.2\n1234567891;x\n9205590164917312345677\tfoo\n';
    const r = parsePoolCsv(text);
    expect(r.numbers.map((n) => n.number)).toEqual(['1Z999AA10123456784', '1234567891', '9205590164917312345677']);
    expect(r.rejected).toEqual([]);
  });

  it('does not mistake a first data row for a header', () => {
    const r = parsePoolCsv('1234567898\n1234567891');
    expect(r.numbers).toHaveLength(1);
    expect(r.rejected).toEqual([{ line: 1, value: '1234567898', reason: expect.stringContaining('DHL Express check digit') }]);
  });

  it('rejects duplicates (after normalization) and invalid numbers with their line', () => {
    const r = parsePoolCsv('number\nRR123456785CN\nRR123456786CN\nrr 123456785 cn\n\nhello\n');
    expect(r.numbers).toEqual([{ number: 'RR123456785CN', format: 's10' }]);
    expect(r.rejected).toEqual([
      { line: 3, value: 'RR123456786CN', reason: expect.stringContaining('check digit should be 5, got 6') },
      { line: 4, value: 'rr 123456785 cn', reason: 'duplicate of line 2' },
      { line: 6, value: 'hello', reason: expect.stringContaining('not a recognized tracking number') },
    ]);
  });

  it('handles quoted fields with separators and escaped quotes', () => {
    const r = parsePoolCsv('"id"\n"123456789012","a,b"\n');
    expect(r.numbers).toEqual([{ number: '123456789012', format: 'fedex12' }]);
  });

  it('returns nothing for an empty file', () => {
    expect(parsePoolCsv('')).toEqual({ numbers: [], rejected: [] });
  });
});
