// Two weeks of a warehouse on the demo site, driven through the console's own channels on a test
// clock: picks each morning, a handover per line each afternoon, carrier scans coming back after
// each route's first-scan window, a few parcels that never scan. Used by the self-assessment test
// and its e2e walk (the same calls over HTTP).

const H = 3_600_000;
/** Monday 23 Nov 2026, 09:00 in Shanghai (the demo warehouse). */
export const ACTIVITY_START = Date.parse('2026-11-23T01:00:00Z');

export interface ActivityDriver {
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  setClock(ms: number): Promise<void>;
  /** Let the outbox run what is due (a drain in unit tests; a short wait for a live console). */
  settle(): Promise<void>;
}

/** Hours from handover to the carrier's first scan, per line of the demo (express fast, postal slow, weekends slower). */
function firstScanHours(lineId: string, weekday: number, i: number): number | null {
  if (i % 17 === 5) return null; // never scanned: the monitor flags it
  const spread = (i * 7) % 10;
  if (lineId === 'postal-s10') return 30 + spread * 3 + (weekday >= 5 ? 48 : 0);
  if (lineId === 'express-dhl') return 3 + spread * 0.5;
  return 8 + spread;
}

export async function generateActivity(d: ActivityDriver, days = 14, perDay = 6): Promise<{ picked: number; scanned: number }> {
  let order = 1001;
  let picked = 0;
  let scanned = 0;
  const pending: Array<{ number: string; at: number }> = [];
  // Parcels waiting for their line's next pickup (Saturday's wait for Monday).
  const byLine = new Map<string, string[]>();
  const fire = async (now: number) => {
    for (const s of pending.filter((x) => x.at <= now)) {
      await d.call('monitor.demo.scan', { query: s.number, status: 'accepted', hoursAgo: (now - s.at) / H });
      scanned++;
    }
    pending.splice(0, pending.length, ...pending.filter((x) => x.at > now));
  };
  for (let day = 0; day < days; day++) {
    const morning = ACTIVITY_START + day * 24 * H;
    const weekday = ((day % 7) + 1) as number; // 1 = Monday
    await d.setClock(morning);
    await fire(morning);
    const n = weekday === 7 ? 0 : perDay + (day % 3);
    for (let i = 0; i < n; i++) {
      await d.setClock(morning + i * 20 * 60_000);
      const r = await d.call<{ outcome: string; parcel?: { lineId: string; trackingNumber: string } }>('pick.scan', { code: `#${order++}` });
      if (r.outcome !== 'issued' || !r.parcel) continue;
      picked++;
      byLine.set(r.parcel.lineId, [...(byLine.get(r.parcel.lineId) ?? []), r.parcel.trackingNumber]);
      await d.settle();
    }
    const pickup = morning + 8 * H;
    await d.setClock(pickup);
    await fire(pickup);
    if (weekday <= 5) {
      let i = 0;
      for (const [lineId, numbers] of byLine) {
        const m = await d.call<{ id: string }>('dispatch.open', { lineId });
        for (const code of numbers) await d.call('dispatch.scan', { manifestId: m.id, code });
        const closed = await d.call<{ manifest: { number: string } }>('dispatch.close', { manifestId: m.id });
        await d.call('dispatch.handover', { code: closed.manifest.number, driver: 'Li Wei', via: 'lead_confirm' });
        for (const number of numbers) {
          const h = firstScanHours(lineId, weekday, i++ + day * 10);
          if (h !== null) pending.push({ number, at: pickup + h * H });
        }
      }
      byLine.clear();
    }
    await d.settle();
    await d.setClock(pickup + 6 * H);
    await fire(pickup + 6 * H);
    await d.call('monitor.pass', {});
    await d.settle();
  }
  return { picked, scanned };
}
