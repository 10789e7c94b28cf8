import type { Capability } from '../../app/capability';
import { readCredentials } from './credentials';
import { Replicator } from './replicator';
import { siteJobGate } from './gate';
import { settleConflict } from './settle';
import type { AppEnv } from '../../app/capability';

const replicators = new WeakMap<AppEnv, Replicator>();

/** Site mode: present when the station joined a site (`cli site join`); a single station needs none of it. */
export const siteCapability: Capability = {
  name: 'site',
  async start(env) {
    const creds = readCredentials(env.dataDir);
    if (!creds) return;
    const { connectSite } = await import('../../../db/site/server/index');
    const { store } = env.ctx;
    const rep = new Replicator(store, env.ctx.clock, creds, connectSite, {
      version: env.version,
      name: (store.read.settings.scope(store.station).name as string | undefined) ?? null,
    });
    replicators.set(env, rep);
    env.site.duty = (name) => rep.holds(name);
    env.site.setJobGate(siteJobGate(store.station, rep));
    env.site.operatorsPending = () =>
      rep.state.pulledOnce
        ? null
        : rep.state.error
          ? `This station joined a site and has not reached the site server yet (${rep.state.error}). Its operators come from there: check the network, the server will be asked again.`
          : 'This station joined a site and is fetching its operators from the site server.';
    const off = store.onCommit((events) => {
      if (events.some((e) => e.station === store.station)) rep.wake();
    });
    rep.start();
    return async () => {
      off();
      env.site.setJobGate(null);
      await rep.stop();
    };
  },
  handlers: (env) => ({
    'site.status': () => {
      const rep = replicators.get(env);
      const { store } = env.ctx;
      const site = store.read.site;
      const s = rep?.state;
      return {
        mode: rep ? ('site' as const) : ('single' as const),
        station: store.station,
        siteId: rep ? (readCredentials(env.dataDir)?.siteId ?? null) : null,
        connected: s?.connected ?? false,
        error: s?.error ?? null,
        lastPushAt: s?.lastPushAt ?? null,
        lastPullAt: s?.lastPullAt ?? null,
        lagMs: s?.lagMs ?? null,
        unpushed: rep?.unpushedCount() ?? 0,
        pulledServerSeq: s?.pulledServerSeq ?? 0,
        applied: s?.applied ?? 0,
        replayed: s?.replayed ?? 0,
        rebuilds: s?.rebuilds ?? 0,
        duties: s?.duties ?? [],
        clockOffsetMs: s?.clockOffsetMs ?? 0,
        blocks: site.ownRemaining(store.station),
        stations: s?.stations ?? [],
        openConflicts: site.conflicts('open').length,
        now: env.ctx.clock.now().toISOString(),
      };
    },
    'site.fingerprint': () => env.ctx.store.read.site.fingerprint(),
    'site.conflicts': ({ status }) => env.ctx.store.read.site.conflicts(status),
    'site.settle': (input) => settleConflict(env.ctx, input),
  }),
};

/** The replicator of a running app (tests, bench). */
export const replicatorOf = (env: AppEnv) => replicators.get(env) ?? null;
