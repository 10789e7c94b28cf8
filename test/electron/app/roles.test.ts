import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, signInAs } from '../../support/app';
import { invoke } from '../../../electron/app/invoke';
import { channelNames, channels } from '../../../electron/contract/channels';
import { below, ROLES, type Need } from '../../../electron/contract/roles';
import { sqliteOf } from '../../../db/core/handle';

let app: Awaited<ReturnType<typeof demoApp>>;
beforeAll(async () => {
  app = await demoApp({ runJobs: false, demoOrders: 5, signIn: false });
});
afterAll(async () => app?.dispose());

describe('every channel names the least role it needs', () => {
  it('has a declared role, one of anyone / picker / dispatch lead / supervisor / admin', () => {
    const undeclared = channelNames.filter((c) => !(['anyone', ...ROLES] as string[]).includes((channels[c] as { role?: Need }).role ?? ''));
    expect(undeclared).toEqual([]);
    // What needs no sign-in stays short: the sign-in itself, who/where this console is, health, the test clock.
    expect(channelNames.filter((c) => channels[c].role === 'anyone').sort()).toEqual(
      ['app.info', 'clock.set', 'operators.firstAdmin', 'operators.session', 'operators.signIn', 'operators.signOut', 'station.health'].sort(),
    );
  });

  it('refuses every channel that needs a sign-in while nobody is signed in: 403 naming the role', async () => {
    await invoke(app.handlers, 'operators.signOut', {});
    for (const c of channelNames.filter((n) => channels[n].role !== 'anyone')) {
      const r = await invoke(app.handlers, c, {});
      expect(r, c).toMatchObject({ ok: false, status: 403, error: { code: 'FORBIDDEN', need: channels[c].role } });
      if (!r.ok) expect(r.error.message).toMatch(/^Sign in first: .+ needs an? (picker|dispatch lead|supervisor|admin)\. Scan your badge\.$/);
    }
  });

  it('refuses each channel for the role just below the one it names, and lets that role through', async () => {
    for (const role of ROLES) {
      const op = await signInAs(app, role);
      const refusedHere = channelNames.filter((c) => below(channels[c].role) === role);
      for (const c of refusedHere) {
        const r = await invoke(app.handlers, c, {});
        expect(r, `${c} as ${role}`).toMatchObject({ ok: false, status: 403, error: { code: 'FORBIDDEN', need: channels[c].role, role } });
        if (!r.ok) expect(r.error.message).toContain(`${op.name} is`);
      }
      // The channels of exactly this role are not refused for it (their input may still be wrong: 400/404 is fine).
      for (const c of channelNames.filter((n) => channels[n].role === role)) {
        const r = await invoke(app.handlers, c, {});
        if (!r.ok) expect(r.status, `${c} as ${role}: ${r.error.message}`).not.toBe(403);
      }
    }
  });
});

describe('the actor on every event', () => {
  it('is the signed-in operator, at this station', async () => {
    // A station of its own: the channel sweep above may have issued every open order (a batch run).
    const own = await demoApp({ runJobs: false, demoOrders: 5, signIn: false });
    try {
      await signInAs(own, 'picker');
      const r = await invoke(own.handlers, 'pick.scan', { code: '#1001' });
      expect(r).toMatchObject({ ok: true, data: { outcome: 'issued', parcel: { pickedBy: 'ana' } } });
      const last = sqliteOf(own.store).prepare("SELECT actor, station FROM events WHERE type = 'parcel.picked' ORDER BY seq DESC LIMIT 1").get();
      expect(last).toEqual({ actor: 'ana', station: own.ctx.stationId });
    } finally {
      await own.dispose();
    }
  });

  it('a picker cannot change a calendar; the refusal says who can', async () => {
    await signInAs(app, 'picker');
    const r = await invoke(app.handlers, 'cutoffs.undo', { lineId: 'postal-s10', reason: 'try' });
    expect(r).toMatchObject({ ok: false, status: 403, error: { need: 'supervisor', role: 'picker' } });
    if (!r.ok) expect(r.error.message).toBe('Ana Lopez is a picker: cutoffs.undo needs a supervisor or above. Ask a supervisor to sign in (scan their badge).');
  });
});
