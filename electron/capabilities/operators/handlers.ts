import type { Capability } from '../../app/capability';
import { ApiError } from '../../core/errors';
import { renderBarcodePng } from '../devices/labels/barcode';
import { changeOperator, createOperator, reader, saveSignInSettings, signInSettings, unlockOperator } from './manage';
import { createToken, revokeToken } from './tokens';
import { auditList } from './audit';
import { dayFigures, figuresCsv } from './figures';
import { DEMO_OPERATORS } from './demo';
import { notifySettings, raiseTrouble, saveNotifySettings, startNotifyWatch, webhookJobHandler } from './notify';
import { actingAs } from '../../core/acting';
import { showDesktopNotices } from './desktop-notices';
import { badgeSheetPdf } from './badge-sheet';
import { siteInfo } from '../../core/context';
import { ROLE_LABEL } from '../../contract/roles';

const badgePng = async (badge: string) => (await renderBarcodePng(badge, { scale: 3, heightMm: 14 })).png.toString('base64');

export const operatorsCapability: Capability = {
  name: 'operators',
  handlers: ({ ctx, demo, sessions, site }) => ({
    'operators.session': async ({ active }) => {
      if (active) sessions.activity();
      const op = sessions.current();
      // A station joining a site makes no admin of its own before it has the site's operators: they would clash.
      const none = reader(ctx).count() === 0;
      const siteWait = none ? site.operatorsPending() : null;
      return {
        operator: op && { id: op.id, name: op.name, role: op.role },
        since: op ? sessions.since() : null,
        idleLeftSec: op ? sessions.idleLeft() : null,
        firstAdmin: none && !siteWait,
        siteWait,
        notice: op ? null : sessions.notice,
        demo: demo && !op ? await Promise.all(DEMO_OPERATORS.map(async (o) => ({ ...o, pngBase64: await badgePng(o.badge) }))) : [],
      };
    },
    'operators.signIn': (input) => sessions.signIn(input),
    'operators.signOut': () => sessions.signOut(),
    'operators.firstAdmin': async (input) => {
      if (reader(ctx).count() > 0) throw new ApiError('CONFLICT', 'This site has operators already: sign in with your badge, or ask an admin.');
      const wait = site.operatorsPending();
      if (wait) throw new ApiError('CONFLICT', `${wait} Then sign in with a badge of the site: no first admin is made here.`);
      const operator = await actingAs({ actor: input.id, name: input.name, role: 'admin' }, () => createOperator(ctx, { ...input, role: 'admin' }));
      await sessions.signIn({ code: operator.badge, pin: input.pin });
      return { operator };
    },
    'operators.list': () => reader(ctx).list(),
    'operators.create': (input) => createOperator(ctx, input),
    'operators.change': (input) => changeOperator(ctx, input),
    'operators.unlock': ({ id }) => unlockOperator(ctx, id),
    'operators.badges': async ({ ids }) =>
      Promise.all(
        reader(ctx)
          .list()
          .filter((o) => o.active && (!ids || ids.includes(o.id)))
          .map(async (o) => ({ id: o.id, name: o.name, role: o.role, badge: o.badge, pngBase64: await badgePng(o.badge) })),
      ),
    'operators.badgeSheet': async ({ ids }) => {
      const ops = reader(ctx)
        .list()
        .filter((o) => o.active && (!ids || ids.includes(o.id)));
      const site = siteInfo(ctx).name;
      const pdf = await badgeSheetPdf(
        site,
        ops.map((o) => ({ name: o.name, role: ROLE_LABEL[o.role], badge: o.badge })),
      );
      return { fileName: `badges-${site.replace(/[^\w-]+/g, '-').toLowerCase()}.pdf`, pdfBase64: pdf.toString('base64'), operators: ops.length };
    },
    'operators.settings': () => signInSettings(ctx),
    'operators.settings.save': (s) => saveSignInSettings(ctx, s),
    'tokens.list': () => reader(ctx).tokens(),
    'tokens.create': (input) => createToken(ctx, input),
    'tokens.revoke': ({ id }) => revokeToken(ctx, id),
    'audit.list': (q) => auditList(ctx, q),
    'figures.day': ({ day }) => dayFigures(ctx, day),
    'figures.csv': ({ day }) => figuresCsv(ctx, day),
    'notify.settings': () => notifySettings(ctx),
    'notify.settings.save': (s) => saveNotifySettings(ctx, s),
    'notify.recent': ({ limit }) => reader(ctx).notifications(limit),
    'notify.check': () => ({ raised: raiseTrouble(ctx) }),
  }),
  jobHandlers: ({ ctx }) => [webhookJobHandler(ctx)],
  start: (env) => {
    // Idle sign-out happens on time even when nobody calls; the screen hears it as an event.
    const idle = setInterval(() => {
      try {
        env.sessions.sweep();
      } catch (err) {
        env.faults.record('idle sign-out', err);
      }
    }, 1_000);
    idle.unref();
    const stopNotify = startNotifyWatch(env.ctx, env.site.duty.bind(env.site), (err) => env.faults.record('notifications', err));
    const stopDesktop = showDesktopNotices(env);
    return () => {
      clearInterval(idle);
      stopNotify();
      stopDesktop();
    };
  },
};
