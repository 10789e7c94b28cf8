import { importOrders } from '../../electron/capabilities/orders/import';
import { countLines, leaseExtra, lineOf, pick, progress, rep, settle, type Station } from './stations';

export interface CatchUpRun {
  /** Events the cut-off station applied on reconnecting (others' traffic of the outage). */
  applied: number;
  seconds: number;
  /** Own events undone and applied again because others' older events arrived. */
  replayed: number;
  rebuilds: number;
  /** The others' picks during the outage and the cut-off station's own. */
  othersPicks: number;
  localPicks: number;
  generateSeconds: number;
  /** Server sequence the station had to reach (the others' last event). */
  target: number;
  /** The others taking the returning station's own outage events afterwards (not in the figure). */
  othersAbsorb: { seconds: number; replayed: number; rebuilds: number } | null;
}

/**
 * The others take turns of this many picks, each turn followed by a replication cycle of every one of
 * them, so each pulls the other's turn before picking again. Picking at the same time between pulls
 * would make each pull rewind the puller's own newer events, and with the frontier held back by the
 * silent station (it counts as active for 15 minutes) that costs a full scan of the log per event
 * (see the note in the final report), which at bench speed grows with the square of the outage.
 */
const TURN = 50;

/**
 * `cut` is cut off (its replicator stopped) while `others` pick `events` orders between them as fast as
 * they can, replicating to each other between turns (and on their own timers); `cut` picks `localPicks`
 * of its own meanwhile. Then it reconnects, and the clock runs until it has pulled the last of the
 * others' events.
 */
export async function measureCatchUp(others: Station[], cut: Station, opts: { events: number; localPicks: number }): Promise<CatchUpRun> {
  const all = [...others, cut];
  const total = opts.events + opts.localPicks;
  const orders = Array.from({ length: total }, (_, i) => ({
    name: `CU${i}`,
    line: lineOf(i),
    shipTo: { name: 'Bench Buyer', address1: '1 Main St', city: 'Austin', zip: '78701', country: 'US' },
    items: [{ sku: `CU-${i}`, title: 'Bench item', quantity: 1 }],
  }));
  const r = await importOrders(others[0].app.ctx, { format: 'json', text: JSON.stringify(orders), store: 'bench' });
  if (r.imported !== total) throw new Error(`site bench: imported ${r.imported}/${total} orders: ${JSON.stringify(r.rejected.slice(0, 3))}`);
  await settle(all);

  // Numbers for an hour's burst: the others split the outage's orders, the cut-off station takes the rest.
  const share = others.map((_, s) => countOwn(opts.events, others.length, s));
  for (let s = 0; s < others.length; s++) await leaseExtra(others[s], withMargin(share[s]));
  await leaseExtra(cut, withMargin(countLines(opts.localPicks, opts.events)));
  await settle(all);

  await rep(cut).stop();
  const t0 = performance.now();
  const every = Math.max(1, Math.floor(opts.events / Math.max(1, opts.localPicks)));
  let local = 0;
  for (let i = 0; i < opts.events; i++) {
    const s = ownerOf(i, others.length);
    pick(others[s], `CU${i}`);
    if ((i + 1) % every === 0 && local < opts.localPicks) pick(cut, `CU${opts.events + local++}`);
    // End of a turn: the picker pushes, the others pull before they pick again.
    if (i % TURN === TURN - 1 || i === opts.events - 1) for (let k = 0; k < others.length; k++) await rep(others[(s + k) % others.length]).cycle();
  }
  while (local < opts.localPicks) pick(cut, `CU${opts.events + local++}`);
  const generateSeconds = (performance.now() - t0) / 1000;
  progress(`outage traffic generated in ${Math.round(generateSeconds)} s`);
  await settle(others);
  const link = rep(others[0]).current();
  if (!link) throw new Error('site bench: the others lost their link');
  const target = (await link.pull(0, 0)).maxServerSeq;

  // The others stand still while the clock runs: in one process their work on the returning station's
  // late events would block this one's event loop (they are separate PCs in a warehouse).
  for (const s of others) await rep(s).stop();
  const r0 = { ...rep(cut).state };
  let done: { at: number; applied: number } | null = null;
  let off: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => {
    off = cut.app.store.onCommit(() => {
      const st = rep(cut).state;
      if (!done && st.pulledServerSeq >= target) {
        done = { at: performance.now(), applied: st.applied };
        resolve();
      }
    });
  });
  progress(`reconnecting; target server seq ${target}`);
  const start = performance.now();
  rep(cut).start();
  await Promise.race([reached, timeout(600_000, 'the cut-off station did not catch up within 10 minutes')]);
  off();
  const end = done as unknown as { at: number; applied: number };
  const st = rep(cut).state;

  // Then (BENCH_SITE_ABSORB=1) the others take the returning station's late events, its outage picks:
  // each rewinds its whole window, which costs minutes at 36,000 events (see the final report).
  let othersAbsorb: CatchUpRun['othersAbsorb'] = null;
  if (process.env.BENCH_SITE_ABSORB) {
    const before = others.map((s) => ({ ...rep(s).state }));
    const t1 = performance.now();
    for (const s of others) rep(s).start();
    await settle(all);
    othersAbsorb = {
      seconds: (performance.now() - t1) / 1000,
      replayed: others.reduce((n, s, k) => n + rep(s).state.replayed - before[k].replayed, 0),
      rebuilds: others.reduce((n, s, k) => n + rep(s).state.rebuilds - before[k].rebuilds, 0),
    };
  }
  return {
    applied: end.applied - r0.applied,
    seconds: (end.at - start) / 1000,
    replayed: st.replayed - r0.replayed,
    rebuilds: st.rebuilds - r0.rebuilds,
    othersPicks: opts.events,
    localPicks: local,
    generateSeconds,
    target,
    othersAbsorb,
  };
}

/** Lines of the orders station `s` of `n` picks when they take turns over `events` orders. */
function countOwn(events: number, n: number, s: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < events; i++) if (ownerOf(i, n) === s) out[lineOf(i)] = (out[lineOf(i)] ?? 0) + 1;
  return out;
}

/** The others pick in turns of TURN orders each. */
const ownerOf = (i: number, n: number) => Math.floor(i / TURN) % n;

const withMargin = (perLine: Record<string, number>) => Object.fromEntries(Object.entries(perLine).map(([l, n]) => [l, n + 20]));

function timeout(ms: number, message: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`site bench: ${message}`)), ms).unref());
}
