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
  it('answers as Intl does in every zone, across each change of clocks (it asks Intl once a day, not once a time)', () => {
    const parts = (ms: number, zone: string, o: Intl.DateTimeFormatOptions) =>
      Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', ...o }).formatToParts(ms).map((x) => [x.type, x.value]));
    const reference = (ms: number, zone: string) => {
      const p = parts(ms, zone, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
      return `${p.weekday} ${p.day} ${p.month} ${String(Number(p.hour) % 24).padStart(2, '0')}:${p.minute}`;
    };
    // The zone's wall clock minus UTC: a day whose two ends differ is a day its clocks change.
    const wallMinus = (ms: number, zone: string) => {
      const p = parts(ms, zone, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
      return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute) - Math.floor(ms / 60_000) * 60_000;
    };
    // Half-hour summer time, a quarter-hour zone, both hemispheres, a zone that dropped summer time in 2019.
    const zones = ['Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo', 'Asia/Kathmandu'];
    const DAY = 86_400_000;
    const first = Date.parse('2018-01-01T00:00:00Z');
    let changes = 0;
    for (const zone of zones) {
      const f = { zone, clock: '24h' as const };
      for (let day = first; day < first + 4 * 365 * DAY; day += DAY) {
        const some = day + (((day / DAY) * 7_919_000) % DAY);
        expect(dateTimeOf(some, f), `${zone} ${new Date(some).toISOString()}`).toBe(reference(some, zone));
        if (wallMinus(day, zone) === wallMinus(day + DAY - 60_000, zone)) continue;
        changes += 1;
        // A day its clocks change: every 5 minutes of it.
        for (let t = day; t < day + DAY; t += 300_000) expect(dateTimeOf(t, f), `${zone} ${new Date(t).toISOString()}`).toBe(reference(t, zone));
      }
    }
    expect(changes).toBeGreaterThan(25);
    const LON = { zone: 'Europe/London', clock: '24h' as const };
    // The clocks go forward at 01:00 UTC on 29 March 2026: the minutes either side are an hour apart on the wall.
    expect(timeOf('2026-03-29T00:59:59Z', LON)).toBe('00:59');
    expect(timeOf('2026-03-29T01:00:00Z', LON)).toBe('02:00');
    expect(timeOf('2026-10-25T00:59:59Z', LON)).toBe('01:59');
    expect(timeOf('2026-10-25T01:00:00Z', LON)).toBe('01:00');
    expect(timeOf('2026-03-29T00:59:01Z', SH)).toBe('08:59');
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
