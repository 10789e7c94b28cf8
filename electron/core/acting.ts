import { AsyncLocalStorage } from 'node:async_hooks';

/** Who a call acts for: a signed-in operator, an integrator's token, or a system actor. */
export interface Acting {
  /** Written on every event of the call: an operator id, `token:<name>`, or a system name. */
  actor: string;
  name: string;
  role: 'picker' | 'dispatch' | 'supervisor' | 'admin';
}

const current = new AsyncLocalStorage<Acting>();

/** Run `fn` (and whatever it starts) as `who`: `actorOf(ctx)` answers `who.actor` inside it. */
export function actingAs<T>(who: Acting, fn: () => T): T {
  return current.run(who, fn);
}

export function acting(): Acting | undefined {
  return current.getStore();
}
