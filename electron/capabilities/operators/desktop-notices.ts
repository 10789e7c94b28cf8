import type { AppEnv } from '../../app/capability';
import { allows } from '../../contract/roles';
import type { StoredEvent } from '../../../db/event-types';

/**
 * The desktop app shows supervisor notifications from the main process (the shell's `notify`), not
 * from the page: each `notify.raised` committed here or pulled from the site, while a supervisor (or
 * an admin) is signed in at this station. Browser mode has no shell; the page notifies there.
 */
export function showDesktopNotices(env: AppEnv): () => void {
  const shell = env.shell;
  if (!shell) return () => undefined;
  return env.ctx.store.onCommit((events) => {
    const raised = events.filter((e): e is StoredEvent<'notify.raised'> => e.type === 'notify.raised');
    if (!raised.length) return;
    const op = env.sessions.current();
    if (!op || !allows(op.role, 'supervisor')) return;
    for (const e of raised) shell.notify({ title: e.payload.title, body: e.payload.body, screen: e.payload.screen, tag: `firstscan-${e.id}` });
  });
}
