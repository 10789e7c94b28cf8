import { describe, expect, it } from 'vitest';
import { postalS10Line, upsLine } from '../../../../electron/capabilities/cutoffs/examples';
import { defaultWindows, expectedFirstScan, type FirstScanWindow } from '../../../../electron/capabilities/cutoffs/window';
import { at, MON_FRI } from './fixtures';

const HOUR = 3_600_000;
const postalUs = defaultWindows['postal-us'];
const fridayShanghaiPickup = at('2026-03-06T09:30:00Z'); // Fri 6 Mar 17:30 +08:00

function scan(window: FirstScanWindow, pickupIso: string, cal = postalS10Line) {
  const r = expectedFirstScan(cal, window, at(pickupIso));
  return { earliest: r.earliest.toISOString(), latest: r.latest.toISOString(), label: r.label };
}

describe('expectedFirstScan', () => {
  it('counts only carrier working hours: a Friday pickup waits out the weekend', () => {
    expect(scan(postalUs, '2026-03-06T09:30:00Z')).toEqual({
      earliest: '2026-03-11T09:30:00.000Z',
      latest: '2026-03-13T09:30:00.000Z',
      label: 'first scan Wed 11 Mar 17:30 – Fri 13 Mar 17:30',
    });
  });

  it('counts every hour when countsNonWorkingDays is true', () => {
    const r = expectedFirstScan(postalS10Line, { ...postalUs, countsNonWorkingDays: true }, fridayShanghaiPickup);
    expect(r.earliest.getTime() - fridayShanghaiPickup.getTime()).toBe(72 * HOUR);
    expect(r.latest.getTime() - fridayShanghaiPickup.getTime()).toBe(120 * HOUR);
  });

  it('a carrier holiday does not count, a site holiday does', () => {
    const carrier = { ...postalS10Line, holidays: [{ date: '2026-03-09', name: 'Carrier off', scope: 'carrier' as const }] };
    const site = { ...postalS10Line, holidays: [{ date: '2026-03-09', name: 'Warehouse off', scope: 'site' as const }] };
    expect(scan(postalUs, '2026-03-06T09:30:00Z', carrier).latest).toBe('2026-03-16T09:30:00.000Z');
    expect(scan(postalUs, '2026-03-06T09:30:00Z', site).latest).toBe('2026-03-13T09:30:00.000Z');
  });

  it('a weekend pickup starts counting at Monday 00:00 local', () => {
    const r = scan({ bestHours: 1, worstHours: 2, countsNonWorkingDays: false, carrierWorkdays: MON_FRI }, '2026-03-07T05:00:00Z');
    expect(r.earliest).toBe('2026-03-08T17:00:00.000Z'); // Mon 9 Mar 01:00 +08:00
  });

  it('Los Angeles across spring-forward: Friday PST pickup, first scan Monday PDT', () => {
    const express: FirstScanWindow = { bestHours: 12, worstHours: 24, countsNonWorkingDays: false, carrierWorkdays: MON_FRI };
    // Fri 6 Mar 18:00 PST: 6 h left on Friday, then 18 h of Monday 9 Mar (PDT).
    expect(scan(express, '2026-03-07T02:00:00Z', upsLine).latest).toBe('2026-03-10T01:00:00.000Z');
  });

  it('throws when the carrier never works', () => {
    expect(() => expectedFirstScan(postalS10Line, { ...postalUs, carrierWorkdays: [] }, fridayShanghaiPickup)).toThrow(/carrierWorkdays/);
  });
});

describe('defaultWindows (Table 3)', () => {
  it('a Friday 17:30 Shanghai pickup lands inside the observed "Fri PM" worst case', () => {
    for (const key of ['express-us', 'private-line-us', 'postal-us', 'private-line-uk', 'postal-eu'] as const) {
      const w = defaultWindows[key];
      const hours = (expectedFirstScan(postalS10Line, w, fridayShanghaiPickup).latest.getTime() - fridayShanghaiPickup.getTime()) / HOUR;
      expect(hours, key).toBeGreaterThanOrEqual(w.observedFridayPmHours[0]);
      expect(hours, key).toBeLessThanOrEqual(w.observedFridayPmHours[1]);
    }
  });

  it('US 3PL: the Mon-Fri model over-estimates a Friday 18:00 pickup (64 h vs observed 36-48 h), erring late', () => {
    const pickup = at('2026-03-14T02:00:00Z'); // Fri 13 Mar 18:00 PDT
    const hours = (expectedFirstScan(upsLine, defaultWindows['us-3pl'], pickup).latest.getTime() - pickup.getTime()) / HOUR;
    expect(hours).toBe(64);
  });
});
