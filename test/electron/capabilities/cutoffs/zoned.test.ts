import { describe, expect, it } from 'vitest';
import { epochDay } from '../../../../electron/capabilities/cutoffs/civil';
import { localDayOf, resolveWallTime } from '../../../../electron/capabilities/cutoffs/zoned';

const resolve = (zone: string, date: string, hh: number, mm = 0) => {
  const r = resolveWallTime(zone, epochDay(date), hh * 60 + mm);
  return { iso: new Date(r.ms).toISOString(), kind: r.kind };
};

describe('resolveWallTime', () => {
  it('Asia/Shanghai is UTC+8 all year', () => {
    expect(resolve('Asia/Shanghai', '2026-01-15', 16)).toEqual({ iso: '2026-01-15T08:00:00.000Z', kind: 'exact' });
    expect(resolve('Asia/Shanghai', '2026-07-15', 16)).toEqual({ iso: '2026-07-15T08:00:00.000Z', kind: 'exact' });
  });

  it('a time in the spring-forward gap resolves to the first instant after the gap', () => {
    expect(resolve('America/Los_Angeles', '2026-03-08', 2, 30)).toEqual({ iso: '2026-03-08T10:00:00.000Z', kind: 'gap' });
    expect(resolve('Europe/London', '2026-03-29', 1, 30)).toEqual({ iso: '2026-03-29T01:00:00.000Z', kind: 'gap' });
  });

  it('a repeated fall-back time resolves to its first occurrence', () => {
    expect(resolve('America/Los_Angeles', '2026-11-01', 1, 30)).toEqual({ iso: '2026-11-01T08:30:00.000Z', kind: 'ambiguous' });
    expect(resolve('Europe/London', '2026-10-25', 1, 30)).toEqual({ iso: '2026-10-25T00:30:00.000Z', kind: 'ambiguous' });
  });

  it('times right around the transitions are exact', () => {
    expect(resolve('America/Los_Angeles', '2026-03-08', 1, 59)).toEqual({ iso: '2026-03-08T09:59:00.000Z', kind: 'exact' });
    expect(resolve('America/Los_Angeles', '2026-03-08', 3)).toEqual({ iso: '2026-03-08T10:00:00.000Z', kind: 'exact' });
    expect(resolve('Europe/London', '2026-10-25', 2)).toEqual({ iso: '2026-10-25T02:00:00.000Z', kind: 'exact' });
  });
});

describe('localDayOf', () => {
  it('uses the local date, not the UTC date', () => {
    expect(localDayOf(Date.parse('2026-03-05T17:00:00Z'), 'Asia/Shanghai')).toBe(epochDay('2026-03-06'));
    expect(localDayOf(Date.parse('2026-03-06T03:00:00Z'), 'America/Los_Angeles')).toBe(epochDay('2026-03-05'));
  });
});
