import { describe, expect, it } from 'vitest';
import { dateTimeOf, parseWallTime, timeOf, wallText, whenOf } from '../../../electron/core/time-format';

const SH = { zone: 'Asia/Shanghai', clock: '24h' as const };

describe('the one time format', () => {
  it('is 24-hour in the warehouse zone by default', () => {
    expect(dateTimeOf('2026-12-06T12:10:00Z', SH)).toBe('Sun 6 Dec 20:10');
    expect(timeOf('2026-12-03T01:07:00Z', SH)).toBe('09:07');
    expect(dateTimeOf('2026-09-15T16:05:00Z', SH)).toBe('Wed 16 Sep 00:05');
  });
  it('is 12-hour when the site says so', () => {
    expect(dateTimeOf('2026-12-06T12:10:00Z', { ...SH, clock: '12h' })).toBe('Sun 6 Dec 8:10 PM');
    expect(timeOf('2026-12-06T16:30:00Z', { ...SH, clock: '12h' })).toBe('12:30 AM');
    expect(wallText('16:00', '12h')).toBe('4:00 PM');
    expect(wallText('16:00')).toBe('16:00');
  });
  it('shows the time alone today at the warehouse, the date too on other days', () => {
    const now = Date.parse('2026-12-06T15:00:00Z'); // 23:00 Sunday in Shanghai
    expect(whenOf('2026-12-06T12:10:00Z', SH, now)).toBe('20:10');
    expect(whenOf('2026-12-06T16:30:00Z', SH, now)).toBe('Mon 7 Dec 00:30');
  });
  it('reads typed times in either style', () => {
    expect(parseWallTime('16:00')).toBe('16:00');
    expect(parseWallTime('1600')).toBe('16:00');
    expect(parseWallTime('4:00 PM')).toBe('16:00');
    expect(parseWallTime('4pm')).toBe('16:00');
    expect(parseWallTime('12:15 am')).toBe('00:15');
    expect(parseWallTime('9.30')).toBe('09:30');
    expect(parseWallTime('25:00')).toBeNull();
    expect(parseWallTime('13 pm')).toBeNull();
    expect(parseWallTime('16')).toBeNull();
    expect(parseWallTime('noon')).toBeNull();
  });
});
