import { describe, expect, it } from 'vitest';
import { INTERVALS, nextPollAt, pollPhase, type PollFacts } from '../../../../electron/capabilities/monitor/schedule';

const H = 3_600_000;
const T0 = Date.parse('2026-11-23T09:00:00Z'); // handover
const base: PollFacts = { handedOverAt: T0, windowFrom: T0 + 72 * H, windowTo: T0 + 120 * H, trackStatus: null, firstScanAt: null, lastScanAt: null };

describe('adaptive polling schedule', () => {
  it('polls rarely before the expected first-scan window, hourly inside it, then every two hours once late', () => {
    expect(pollPhase(base, T0 + 10 * H)).toBe('before_window');
    expect(pollPhase(base, T0 + 66 * H - 1)).toBe('before_window');
    expect(pollPhase(base, T0 + 66 * H)).toBe('in_window'); // opens 6 h early
    expect(pollPhase(base, T0 + 144 * H)).toBe('in_window'); // and stays a day past the worst case
    expect(pollPhase(base, T0 + 144 * H + 1)).toBe('late_first_scan');
    const last = T0 + 80 * H;
    expect(nextPollAt(base, last, T0 + 80 * H)).toBe(T0 + 81 * H);
    expect(nextPollAt(base, T0, T0 + H)).toBe(T0 + 6 * H);
  });

  it('asks at once about a parcel never polled, and every 12 h while the carrier does not have it', () => {
    const waiting = { ...base, handedOverAt: null };
    expect(nextPollAt(waiting, null, T0)).toBe(T0);
    expect(nextPollAt(waiting, T0, T0)).toBe(T0 + INTERVALS.awaiting_handover);
  });

  it('polls a moving parcel every 6 h, a long-silent one daily, the last mile every 2 h', () => {
    const moving = { ...base, trackStatus: 'in_transit' as const, firstScanAt: T0 + 30 * H, lastScanAt: T0 + 40 * H };
    expect(pollPhase(moving, T0 + 50 * H)).toBe('moving');
    expect(pollPhase(moving, T0 + 40 * H + 72 * H)).toBe('long_transit');
    expect(nextPollAt(moving, T0 + 120 * H, T0 + 120 * H)).toBe(T0 + 144 * H);
    expect(pollPhase({ ...moving, trackStatus: 'out_for_delivery' }, T0 + 50 * H)).toBe('last_mile');
  });

  it('never polls a delivered or returned parcel again', () => {
    for (const s of ['delivered', 'returned'] as const) {
      const done = { ...base, trackStatus: s, firstScanAt: T0, lastScanAt: T0 };
      expect(pollPhase(done, T0)).toBe('never');
      expect(nextPollAt(done, null, T0)).toBeNull();
    }
  });
});
