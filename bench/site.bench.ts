import { startTestPg } from '../test/support/pg';
import { measureReplication } from './site/latency';
import { idleWrites, notifyFloor } from './site/idle';
import { measureCatchUp } from './site/catchup';
import { measureJoin } from './site/join';
import { closeStation, count, joinStation, progress, rep, settle, type Station } from './site/stations';
import { fingerprint } from '../db/fingerprint';
import { percentile, round, summarize } from './stats';
import type { Bench, BenchResult } from './types';
import { sqliteOf } from '../db/core/handle';

const REPL_SECONDS = Number(process.env.BENCH_SITE_REPL_S ?? 30);
const PER_SECOND = 5;
/** One hour of the two other stations at 5 events/s each. */
const CATCHUP_EVENTS = Number(process.env.BENCH_SITE_CATCHUP_EVENTS ?? 36_000);
const CATCHUP_LOCAL = 100;
const JOIN_EVENTS = Number(process.env.BENCH_SITE_JOIN_EVENTS ?? 1_000_000);
const IDLE_SECONDS = Number(process.env.BENCH_SITE_IDLE_S ?? 60);
/** BENCH_SITE_QUICK=1: replication latency and idle writes only (no catch-up, no join). */
const QUICK = process.env.BENCH_SITE_QUICK === '1';

/** Site mode over a real (durable) PostgreSQL, three stations in this process with their own data dirs. */
export const siteBench: Bench = {
  name: 'site',
  async run() {
    const pg = await startTestPg({ durable: true });
    const stations: Station[] = [];
    try {
      const site = await pg.newSite();
      const demoOrders = Math.max(1000, 3 * PER_SECOND * REPL_SECONDS + 100);
      stations.push(await joinStation(site, 'Pick 1', { demoOrders }));
      stations.push(await joinStation(site, 'Pick 2'));
      stations.push(await joinStation(site, 'Pick 3'));
      await settle(stations);

      // Idle first: three stations joined and settled, nobody picking, for a minute.
      progress('three stations joined; idle writes');
      await new Promise((r) => setTimeout(r, 3000));
      const admin = await pg.admin(site.database);
      const idle = await idleWrites(admin, stations.length, IDLE_SECONDS);

      progress('replication latency, receivers idle');
      const repl = await measureReplication(stations, {
        seconds: REPL_SECONDS,
        perSecond: PER_SECOND,
        senders: 1,
        code: (i, k) => `#${1001 + k * stations.length + i}`,
      });
      const lat = summarize(repl.samples);
      const p95 = percentile(
        [...repl.samples].sort((a, b) => a - b),
        95,
      );
      await settle(stations);
      const floorSamples = await notifyFloor(admin, await pg.admin(site.database), 50);
      const floor = summarize(floorSamples);
      const floor95 = percentile(
        [...floorSamples].sort((a, b) => a - b),
        95,
      );
      const first: BenchResult[] = [
        {
          key: 'site.repl_p50_ms',
          value: round(lat.p50, 1),
          unit: 'ms',
          target: 'info',
          note: `${repl.samples.length} (event, receiver) pairs, ${repl.events} events (${repl.picks} picks) at 1 station x ${PER_SECOND}/s for ${round(repl.seconds, 1)} s, 2 receivers idle; receivers pull on the server's notice (LISTEN/NOTIFY), poll every 2 s as a fallback`,
        },
        {
          key: 'site.repl_p95_ms',
          value: round(p95, 1),
          unit: 'ms',
          target: '<= 50',
          pass: p95 <= 50 && repl.missing === 0,
          note: `receiving stations idle; p99 ${round(lat.p99, 1)} ms, max ${round(lat.max, 1)} ms; ${repl.missing} pairs never arrived; floor (a bare NOTIFY heard on another connection, same run) p50 ${round(floor.p50, 1)} ms, p95 ${round(floor95, 1)} ms, p95 ratio ${round(p95 / Math.max(floor95, 0.1), 1)}; durable PostgreSQL on loopback; commit at the picker -> applied and announced at the receiver`,
        },
        {
          key: 'site.idle_commits_per_s',
          value: round(idle.perStation, 3),
          unit: 'commits/s',
          target: '<= 0.5',
          pass: idle.perStation <= 0.5,
          note: `per station: ${idle.writes} writing transactions at the server in ${round(idle.seconds, 1)} s with 3 stations joined and idle (transaction ids handed out; reads take none)`,
        },
      ];
      if (QUICK) return first;

      const [a, b, c] = stations;
      progress('catch-up');
      const cu = await measureCatchUp([a, b], c, { events: CATCHUP_EVENTS, localPicks: CATCHUP_LOCAL });
      // The returning station holds the whole site: every event on the server, no number twice.
      await rep(c).cycle();
      const serverEvents = (await rep(c).current()!.pull(0, 0)).maxServerSeq;
      const held = fingerprint(sqliteOf(c.app.store));
      const numbers = sqliteOf(c.app.store).prepare('SELECT count(*) AS n, count(DISTINCT tracking_number) AS d FROM parcels').get() as {
        n: number;
        d: number;
      };
      const conflicts = count(c, 'site_conflicts');
      let converged: boolean | null = null;
      if (cu.othersAbsorb) {
        const prints = stations.map((s) => fingerprint(sqliteOf(s.app.store)));
        converged = prints.every((p) => p.hash === prints[0].hash);
      }
      for (const s of stations.splice(0)) await closeStation(s);

      progress(`catch-up ${Math.round(cu.applied / cu.seconds)} events/s; join`);
      const join = await measureJoin(await pg.newSite(), { events: JOIN_EVENTS });
      const joinOk = join.joined.orders === join.expected.orders && join.joined.parcels === join.expected.parcels;
      if (!joinOk) throw new Error(`site bench: the joined station holds ${JSON.stringify(join.joined)}, expected ${JSON.stringify(join.expected)}`);

      const eps = cu.applied / cu.seconds;
      const results: BenchResult[] = [
        ...first,
        {
          key: 'site.catchup_eps',
          value: Math.round(eps),
          unit: 'events/s',
          target: '>= 5000',
          pass: eps >= 5000,
          note:
            `${cu.applied} events in ${round(cu.seconds, 2)} s (reconnect to last pulled); ${cu.othersPicks} picks at 2 stations generated in ${round(cu.generateSeconds, 1)} s ` +
            `in turns of 50 with a replication cycle between turns (blocks leased ahead through each station's link), ${cu.localPicks} local picks meanwhile; ` +
            `replayed ${cu.replayed}, full rebuilds ${cu.rebuilds}; it then holds ${held.events} events (server seq ${serverEvents}), ${numbers.n} parcels / ${numbers.d} distinct numbers, ${conflicts} conflicts; ` +
            (cu.othersAbsorb
              ? `the others took its late events in ${round(cu.othersAbsorb.seconds, 1)} s (replayed ${cu.othersAbsorb.replayed}, rebuilds ${cu.othersAbsorb.rebuilds}), 3 stations ${converged ? 'converged' : 'DID NOT converge'}`
              : 'the others taking its late events is not run (BENCH_SITE_ABSORB=1)'),
        },
        {
          key: 'site.join_s',
          value: round(join.seconds, 2),
          unit: 's',
          target: '<= 60',
          pass: join.seconds <= 60,
          note:
            `${join.applied} events at ${Math.round(join.applied / join.seconds)} events/s; site of ${join.siteEvents} events (${join.expected.orders} orders, ${join.expected.parcels} parcels) ` +
            `pushed in ${round(join.generateSeconds, 1)} s; joined counts match; fingerprint ${join.sameFingerprint ? 'equals' : 'DIFFERS from'} the generator's`,
        },
      ];
      const catchup = results.find((r) => r.key === 'site.catchup_eps')!;
      if (converged === false || numbers.n !== numbers.d) catchup.pass = false;
      if (!join.sameFingerprint) results.find((r) => r.key === 'site.join_s')!.pass = false;
      return results;
    } finally {
      for (const s of stations) await closeStation(s);
      await pg.stop();
    }
  },
};
