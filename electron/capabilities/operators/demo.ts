import type { ServiceContext } from '../../core/context';
import type { Role } from '../../../db/operators/events';
import { hashPinSync } from './pin';

/** The demo site's operators: badge codes (and the PINs of the supervisor and admin) shown on its sign-in screen. */
export const DEMO_OPERATORS: Array<{ id: string; name: string; role: Role; badge: string; pin: string | null }> = [
  { id: 'ana', name: 'Ana Lopez', role: 'picker', badge: 'OP-ANA1-4821', pin: null },
  { id: 'dan', name: 'Dan Okafor', role: 'dispatch', badge: 'OP-DAN2-7305', pin: null },
  { id: 'sam', name: 'Sam Chen', role: 'supervisor', badge: 'OP-SAM3-1962', pin: '2468' },
  { id: 'ada', name: 'Ada Park', role: 'admin', badge: 'OP-ADA4-5190', pin: '1357' },
];

/** Part of the demo's one seeding transaction. */
export function seedDemoOperators(ctx: ServiceContext): void {
  ctx.store.write('demo', ctx.clock.now(), (emit) => {
    for (const o of DEMO_OPERATORS)
      emit({
        type: 'operator.created',
        subject: o.id,
        payload: { operatorId: o.id, name: o.name, role: o.role, badge: o.badge, pinHash: o.pin ? hashPinSync(o.pin) : null },
      });
  });
}
