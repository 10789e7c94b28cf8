import { describe, expect, it } from 'vitest';
import type { LineCalendar } from '../../../../electron/capabilities/cutoffs/calendar';
import { postalS10Line, privateExpressLine, upsLine } from '../../../../electron/capabilities/cutoffs/examples';
import { nextPickup } from '../../../../electron/capabilities/cutoffs/shipdate';
import { at, MON_FRI, weekdayLine } from './fixtures';

function ship(cal: LineCalendar, iso: string) {
  const r = nextPickup(cal, at(iso));
  return { cutoff: r.cutoffAt.toISOString(), pickup: r.pickupAt.toISOString(), date: r.localDate, weekday: r.weekday, late: r.late, label: r.label };
}

const thursdayShift = (cal: LineCalendar): LineCalendar => ({ ...cal, rules: ['thursday-shift'] });

describe('nextPickup — Asia/Shanghai postal line (Mon-Fri 16:00 / 17:30, UTC+8, no DST)', () => {
  it('one minute before the cut-off rides the same day', () => {
    expect(ship(postalS10Line, '2026-03-05T07:59:00Z')).toEqual({
      cutoff: '2026-03-05T08:00:00.000Z',
      pickup: '2026-03-05T09:30:00.000Z',
      date: '2026-03-05',
      weekday: 4,
      late: false,
      label: 'ships Thu 5 Mar 17:30',
    });
  });

  it('exactly at the cut-off still makes it', () => {
    expect(ship(postalS10Line, '2026-03-05T08:00:00Z').date).toBe('2026-03-05');
  });

  it('one minute after the cut-off rides the next day and is late', () => {
    expect(ship(postalS10Line, '2026-03-05T08:01:00Z')).toMatchObject({ date: '2026-03-06', weekday: 5, late: true, label: 'ships Fri 6 Mar 17:30' });
  });

  it('Friday after the cut-off and the weekend ride Monday', () => {
    expect(ship(postalS10Line, '2026-03-06T08:01:00Z')).toMatchObject({ date: '2026-03-09', late: true, pickup: '2026-03-09T09:30:00.000Z' });
    expect(ship(postalS10Line, '2026-03-07T03:00:00Z')).toMatchObject({ date: '2026-03-09', late: false });
  });

  it('uses the local date: 01:00 Shanghai Friday is still Thursday in UTC', () => {
    expect(ship(postalS10Line, '2026-03-05T17:00:00Z')).toMatchObject({ date: '2026-03-06', late: false });
  });

  it('is unaffected by the US and UK DST weekends', () => {
    expect(ship(postalS10Line, '2026-03-07T12:00:00Z').pickup).toBe('2026-03-09T09:30:00.000Z');
    expect(ship(postalS10Line, '2026-03-28T12:00:00Z').pickup).toBe('2026-03-30T09:30:00.000Z');
    expect(ship(postalS10Line, '2026-10-31T12:00:00Z').pickup).toBe('2026-11-02T09:30:00.000Z');
  });

  it('skips a holiday (Labour Day, Friday 2026-05-01)', () => {
    expect(ship(postalS10Line, '2026-04-30T08:30:00Z')).toMatchObject({ date: '2026-05-04', late: true });
  });

  it('an extra Saturday pickup takes Friday-evening parcels', () => {
    const cal = { ...postalS10Line, overrides: [{ date: '2026-03-07', kind: 'extra' as const, cutoff: '12:00', pickup: '13:00', reason: 'peak' }] };
    expect(ship(cal, '2026-03-06T08:30:00Z')).toMatchObject({ date: '2026-03-07', cutoff: '2026-03-07T04:00:00.000Z', label: 'ships Sat 7 Mar 13:00' });
  });

  it('a cancelled Monday pushes weekend parcels to Tuesday', () => {
    const cal = { ...postalS10Line, overrides: [{ date: '2026-03-09', kind: 'cancelled' as const, reason: 'truck' }] };
    expect(ship(cal, '2026-03-07T03:00:00Z').date).toBe('2026-03-10');
  });

  it('an extra pickup on a holiday runs (override beats holiday)', () => {
    const cal: LineCalendar = {
      ...postalS10Line,
      holidays: [{ date: '2026-03-09', name: 'Closed', scope: 'carrier' }],
      overrides: [{ date: '2026-03-09', kind: 'extra', cutoff: '10:00', pickup: '11:00', reason: 'carrier runs anyway' }],
    };
    expect(ship(cal, '2026-03-07T03:00:00Z')).toMatchObject({ date: '2026-03-09', cutoff: '2026-03-09T02:00:00.000Z' });
  });
});

describe('nextPickup — America/Los_Angeles UPS line (Mon-Fri 17:00 / 18:00)', () => {
  it('before the spring-forward weekend (PST, UTC-8)', () => {
    expect(ship(upsLine, '2026-03-07T00:59:00Z')).toMatchObject({ date: '2026-03-06', cutoff: '2026-03-07T01:00:00.000Z', pickup: '2026-03-07T02:00:00.000Z' });
  });

  it('after the Friday cut-off rides Monday in PDT (UTC-7)', () => {
    expect(ship(upsLine, '2026-03-07T01:01:00Z')).toMatchObject({
      date: '2026-03-09',
      cutoff: '2026-03-10T00:00:00.000Z',
      pickup: '2026-03-10T01:00:00.000Z',
      label: 'ships Mon 9 Mar 18:00',
      late: true,
    });
  });

  it('across the fall-back weekend (PDT -> PST)', () => {
    expect(ship(upsLine, '2026-10-30T23:59:00Z').cutoff).toBe('2026-10-31T00:00:00.000Z');
    expect(ship(upsLine, '2026-10-31T00:01:00Z')).toMatchObject({ date: '2026-11-02', cutoff: '2026-11-03T01:00:00.000Z' });
  });

  it('skips Thanksgiving', () => {
    expect(ship(upsLine, '2026-11-26T02:00:00Z')).toMatchObject({ date: '2026-11-27' });
  });

  it('a Sunday 02:30 cut-off on the spring-forward day resolves to 03:00 PDT', () => {
    const cal = weekdayLine('America/Los_Angeles', [7], '02:30', '03:15');
    expect(ship(cal, '2026-03-08T09:59:00Z')).toMatchObject({ date: '2026-03-08', cutoff: '2026-03-08T10:00:00.000Z', pickup: '2026-03-08T10:15:00.000Z' });
    expect(ship(cal, '2026-03-15T09:00:00Z').cutoff).toBe('2026-03-15T09:30:00.000Z');
  });

  it('a Sunday 01:30 cut-off on the fall-back day is the first 01:30 (PDT)', () => {
    const cal = weekdayLine('America/Los_Angeles', [7], '01:30', '04:00');
    expect(ship(cal, '2026-11-01T08:30:00Z').cutoff).toBe('2026-11-01T08:30:00.000Z');
    // 01:10 PST is the second pass through 01:xx: the 01:30 PDT cut-off has gone.
    expect(ship(cal, '2026-11-01T09:10:00Z')).toMatchObject({ date: '2026-11-08', late: true });
  });
});

describe('nextPickup — Europe/London (Mon-Fri 16:00 / 17:00)', () => {
  const london = weekdayLine('Europe/London', MON_FRI, '16:00', '17:00');

  it('spring forward: Friday in GMT, Monday in BST', () => {
    expect(ship(london, '2026-03-27T15:59:00Z').cutoff).toBe('2026-03-27T16:00:00.000Z');
    expect(ship(london, '2026-03-27T16:01:00Z')).toMatchObject({ date: '2026-03-30', cutoff: '2026-03-30T15:00:00.000Z', label: 'ships Mon 30 Mar 17:00' });
  });

  it('fall back: Friday in BST, Monday in GMT', () => {
    expect(ship(london, '2026-10-23T14:59:00Z').cutoff).toBe('2026-10-23T15:00:00.000Z');
    expect(ship(london, '2026-10-23T15:01:00Z')).toMatchObject({ date: '2026-10-26', cutoff: '2026-10-26T16:00:00.000Z' });
  });

  it('Sunday 01:30 on the spring-forward day (gap) and the fall-back day (repeated)', () => {
    const sunday = weekdayLine('Europe/London', [7], '01:30', '05:00');
    expect(ship(sunday, '2026-03-29T00:00:00Z').cutoff).toBe('2026-03-29T01:00:00.000Z');
    expect(ship(sunday, '2026-10-25T00:00:00Z').cutoff).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('nextPickup — rule thursday-shift', () => {
  const postal = thursdayShift(postalS10Line);

  it("before Thursday's cut-off nothing changes", () => {
    expect(ship(postal, '2026-03-05T07:59:00Z').date).toBe('2026-03-05');
    expect(ship(postal, '2026-03-02T07:00:00Z').date).toBe('2026-03-02');
  });

  it("after Thursday's cut-off ships Monday, not Friday", () => {
    expect(ship(postal, '2026-03-05T08:01:00Z')).toMatchObject({ date: '2026-03-09', late: true, label: 'ships Mon 9 Mar 17:30' });
  });

  it('Friday morning production also ships Monday (Friday pickup takes no new parcels)', () => {
    expect(ship(postal, '2026-03-06T02:00:00Z')).toMatchObject({ date: '2026-03-09', late: true });
  });

  it('weekend picks are unchanged', () => {
    expect(ship(postal, '2026-03-07T03:00:00Z')).toEqual(ship(postalS10Line, '2026-03-07T03:00:00Z'));
  });

  it('Monday holiday: ships on the first pickup after it', () => {
    const cal = { ...postal, holidays: [{ date: '2026-03-09', name: 'Closed', scope: 'carrier' as const }] };
    expect(ship(cal, '2026-03-05T08:01:00Z').date).toBe('2026-03-10');
    expect(ship(cal, '2026-03-06T02:00:00Z').date).toBe('2026-03-10');
  });

  it("Thursday holiday: Wednesday's cut-off becomes the last of the week", () => {
    const cal = { ...postal, holidays: [{ date: '2026-03-05', name: 'Closed', scope: 'site' as const }] };
    expect(ship(cal, '2026-03-04T08:01:00Z').date).toBe('2026-03-09');
  });

  it('Mon-Sat express line: Friday and Saturday pickups take no new parcels', () => {
    const express = thursdayShift(privateExpressLine);
    expect(ship(privateExpressLine, '2026-03-05T10:01:00Z').date).toBe('2026-03-06');
    expect(ship(express, '2026-03-05T10:01:00Z').date).toBe('2026-03-09');
    expect(ship(privateExpressLine, '2026-03-06T10:01:00Z').date).toBe('2026-03-07');
    expect(ship(express, '2026-03-06T10:01:00Z').date).toBe('2026-03-09');
  });

  it('extra weekend pickups after Thursday take no new parcels either', () => {
    const cal: LineCalendar = { ...postal, overrides: [{ date: '2026-03-08', kind: 'extra', cutoff: '12:00', pickup: '13:00', reason: 'peak' }] };
    expect(ship(cal, '2026-03-07T03:00:00Z').date).toBe('2026-03-09');
  });

  it('a week with no pickup Mon-Thu keeps its Friday pickup', () => {
    const holidays = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12'].map((date) => ({ date, name: 'Closed', scope: 'site' as const }));
    expect(ship({ ...postal, holidays }, '2026-03-07T03:00:00Z').date).toBe('2026-03-13');
  });
});

describe('nextPickup — errors and effectiveFrom', () => {
  it('throws a clear error when nothing ships within 60 days', () => {
    const cal = { ...postalS10Line, effectiveFrom: '2026-06-01' };
    expect(() => nextPickup(cal, at('2026-01-05T00:00:00Z'))).toThrow(/no pickup within 60 days after 2026-01-05T00:00:00.000Z/);
  });

  it('a calendar has no pickups before effectiveFrom', () => {
    const cal = { ...postalS10Line, effectiveFrom: '2026-06-01' };
    expect(ship(cal, '2026-05-20T00:00:00Z').date).toBe('2026-06-01');
  });

  it('rejects an invalid Date', () => {
    expect(() => nextPickup(postalS10Line, new Date('nope'))).toThrow(/invalid Date/);
  });
});
