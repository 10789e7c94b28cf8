import { describe, expect, it } from 'vitest';
import { evaluate, type ParcelFacts } from '../../../../electron/capabilities/monitor/rules';
import { DEFAULT_RULES, thresholdsFor } from '../../../../electron/capabilities/monitor/settings';

const H = 3_600_000;
const D = 24 * H;
const iso = (ms: number) => new Date(ms).toISOString();
const T = Date.parse('2026-11-23T09:00:00Z');
const postal = thresholdsFor(DEFAULT_RULES, { id: 'postal-s10', routeType: 'postal' });
const priv = thresholdsFor(DEFAULT_RULES, { id: 'line-x', routeType: 'private' });
const handed: ParcelFacts = { pickedAt: T - 5 * H, pickupAt: T - H, handedOverAt: T, trackStatus: null, firstScanAt: null, lastScanAt: null };

describe('exception rules fire exactly at their thresholds (clock injected)', () => {
  it('no first scan: 72 h after handover on a private line, 5 days on postal', () => {
    expect(evaluate(handed, DEFAULT_RULES, priv, T + 72 * H - 1)).toBeNull();
    expect(evaluate(handed, DEFAULT_RULES, priv, T + 72 * H)).toMatchObject({ cause: 'no_first_scan', since: iso(T), firedAt: iso(T + 72 * H) });
    expect(evaluate(handed, DEFAULT_RULES, postal, T + 120 * H - 1)).toBeNull();
    expect(evaluate(handed, DEFAULT_RULES, postal, T + 120 * H)?.cause).toBe('no_first_scan');
  });

  it('no update for N days while in transit', () => {
    const moving = { ...handed, trackStatus: 'in_transit' as const, firstScanAt: T + 50 * H, lastScanAt: T + 80 * H };
    expect(evaluate(moving, DEFAULT_RULES, postal, T + 80 * H + 5 * D - 1)).toBeNull();
    expect(evaluate(moving, DEFAULT_RULES, postal, T + 80 * H + 5 * D)).toMatchObject({ cause: 'no_update', since: iso(T + 80 * H) });
  });

  it('15 days without update = lost, and it proposes a reship', () => {
    const moving = { ...handed, trackStatus: 'in_transit' as const, firstScanAt: T + 50 * H, lastScanAt: T + 80 * H };
    expect(evaluate(moving, DEFAULT_RULES, postal, T + 80 * H + 15 * D - 1)?.cause).toBe('no_update');
    expect(evaluate(moving, DEFAULT_RULES, postal, T + 80 * H + 15 * D)).toMatchObject({ cause: 'lost', proposal: 'reship' });
    // Never scanned at all: 15 days from handover.
    expect(evaluate(handed, DEFAULT_RULES, postal, T + 15 * D)).toMatchObject({ cause: 'lost', since: iso(T) });
  });

  it('failed delivery fires at once, an exception scan too', () => {
    const failed = { ...handed, trackStatus: 'failed_attempt' as const, firstScanAt: T + 50 * H, lastScanAt: T + 200 * H };
    expect(evaluate(failed, DEFAULT_RULES, postal, T + 200 * H)).toMatchObject({ cause: 'failed_delivery', firedAt: iso(T + 200 * H) });
    expect(evaluate({ ...failed, trackStatus: 'exception' }, DEFAULT_RULES, postal, T + 200 * H)?.cause).toBe('failed_delivery');
    expect(evaluate({ ...failed, trackStatus: 'delivered' }, DEFAULT_RULES, postal, T + 900 * H)).toBeNull();
  });

  it('not handed over by its pickup (plus grace), or a day after pick when no pickup is known', () => {
    const waiting: ParcelFacts = { ...handed, handedOverAt: null, pickupAt: T };
    expect(evaluate(waiting, DEFAULT_RULES, postal, T + 2 * H - 1)).toBeNull();
    expect(evaluate(waiting, DEFAULT_RULES, postal, T + 2 * H)).toMatchObject({ cause: 'not_handed_over', since: iso(T) });
    const unknown = { ...waiting, pickupAt: null };
    expect(evaluate(unknown, DEFAULT_RULES, postal, T - 5 * H + 26 * H - 1)).toBeNull();
    expect(evaluate(unknown, DEFAULT_RULES, postal, T - 5 * H + 26 * H)?.detail).toContain('no pickup known');
  });

  it('per-line overrides and disabled rules are honoured', () => {
    const rules = { ...DEFAULT_RULES, lines: { 'line-x': { noFirstScanHours: 48 } } };
    expect(evaluate(handed, rules, thresholdsFor(rules, { id: 'line-x', routeType: 'private' }), T + 48 * H)?.cause).toBe('no_first_scan');
    const off = { ...DEFAULT_RULES, noFirstScan: { ...DEFAULT_RULES.noFirstScan, enabled: false } };
    expect(evaluate(handed, off, priv, T + 100 * H)).toBeNull();
  });
});
