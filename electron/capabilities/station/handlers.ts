import type { Capability } from '../../app/capability';
import { redact } from '../../../db/operators/redact';
import { ApiError } from '../../core/errors';
import { DiskFullError } from '../../../db/core/disk';
import { actorOf, siteInfo, stationSettings } from '../../core/context';
import { getStation, saveStation } from './station';
import { retentionJobHandler, retentionView, saveHorizon, startRetentionSchedule, startRun } from './retention';
import { channels } from '../../contract/channels';

/** The one table of roles (each channel's `role` in the contract), as the screens receive it. */
const channelRoles = Object.fromEntries(Object.entries(channels).map(([name, c]) => [name, c.role]));

export const stationCapability: Capability = {
  name: 'station',
  jobHandlers: ({ ctx }) => [retentionJobHandler(ctx)],
  start: ({ ctx, site }) => startRetentionSchedule(ctx, () => site.duty('retention')),
  handlers: ({ ctx, mode, demo, version, testClock, faults }) => ({
    'station.health': () => {
      ctx.store.disk.refuses(); // a look at the disk (at most twice a second): the banner shows a full disk before a pick finds it
      const disk = ctx.store.disk.status();
      return {
        disk: {
          ...disk,
          message: disk.full
            ? new DiskFullError(disk.drive).message.replace(', then scan again.', ': picks wait until there is room; screens keep working.')
            : null,
        },
        faults: { count: faults.count, recent: faults.list().slice(0, 5) },
      };
    },
    'clock.set': ({ at, running }) => {
      if (!testClock) throw new ApiError('FORBIDDEN', 'The clock can only be moved on a console started with --test-clock.');
      if (running) testClock.runFrom(new Date(at));
      else testClock.set(new Date(at));
      return { now: ctx.clock.now().toISOString() };
    },
    'app.info': () => {
      const site = siteInfo(ctx);
      return {
        version,
        mode,
        demo,
        station: { id: ctx.stationId, name: stationSettings(ctx).name },
        site: { name: site.name, zone: site.zone, clock: site.clock ?? '24h' },
        now: ctx.clock.now().toISOString(),
        roles: channelRoles,
      };
    },
    'site.clock.save': ({ clock }) => {
      const site = siteInfo(ctx);
      ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'site.configured', subject: null, payload: { ...site, clock } }));
      return { clock };
    },
    'station.get': () => getStation(ctx),
    'station.save': (input) => saveStation(ctx, input),
    'station.database': () => ctx.store.read.database.status(),
    'retention.get': () => retentionView(ctx),
    'retention.save': ({ horizonDays }) => saveHorizon(ctx, horizonDays),
    'retention.run': () => startRun(ctx, 'console'),
    // PIN and token hashes never leave in an export.
    'events.export': ({ afterSeq, since, limit }) => ctx.store.read.events.list({ afterSeq, since, limit }).map((e) => ({ ...e, payload: redact(e.payload) })),
  }),
};
