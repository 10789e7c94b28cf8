import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp, signInAs } from '../../../support/app';
import { invoke } from '../../../../electron/app/invoke';
import { SettableClock } from '../../../../electron/core/clock';

type App = Awaited<ReturnType<typeof demoApp>>;
let app: App | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

/** #1005 and #1006 at the bench: every item must be scanned, so printing short needs a supervisor. */
async function benchWithShortCount(testClock = new SettableClock()) {
  const a = (app = await demoApp({ runJobs: false, signIn: 'supervisor', testClock }));
  const [o, next] = ['#1005', '#1006'].map((n) => a.store.read.orders.byName(n)[0]);
  for (const lineId of new Set([o.lineId!, next.lineId!]))
    await api(a, 'pack.rulesSave', { scope: `line:${lineId}`, verify: true, itemsPerParcel: null, needsWeight: false, needsCustoms: false });
  const picker = await signInAs(a, 'picker');
  expect((await api(a, 'pick.scan', { code: '#1005' })).outcome).toBe('pack');
  return { a, o, next, picker };
}

const session = async (a: App) => api(a, 'operators.session', {});

describe('a supervisor’s override at the bench is a one-off', () => {
  it('the bench goes back to the picker the supervisor took it from, who packs on and may not override', async () => {
    const { a, o, next, picker } = await benchWithShortCount();
    const supervisor = await signInAs(a, 'supervisor');
    expect((await session(a)).operator?.name).toBe(supervisor.name);

    const out = await api(a, 'pack.label', { orderId: o.id, override: { reason: 'label torn off, counted by eye' } });
    expect(out.parcels).toHaveLength(1);
    expect(out.message).toContain(`${supervisor.name}’s override is done: the bench is ${picker.name}’s again.`);
    expect(out.handBack).toEqual({ supervisor: supervisor.name, operator: { id: picker.id, name: picker.name } });
    expect((await session(a)).operator).toMatchObject({ id: picker.id, name: picker.name, role: 'picker' });

    // The audit trail: the override is the supervisor's; they signed out for it; the picker came back.
    const overridden = a.store.read.events.about([o.id]).find((e) => e.type === 'pack.overridden');
    expect(overridden?.actor).toBe(supervisor.id);
    const supEvents = a.store.read.events.about([supervisor.id]).map((e) => [e.type, e.payload]);
    expect(supEvents).toContainEqual(['operator.signed_in', expect.objectContaining({ replaced: picker.id })]);
    expect(supEvents.at(-1)).toEqual(['operator.signed_out', expect.objectContaining({ reason: 'override' })]);
    expect(a.store.read.events.about([picker.id]).at(-1)?.payload).toMatchObject({ via: 'handback' });

    // The next order is the picker's, and an override is a supervisor's again.
    expect((await api(a, 'pick.scan', { code: '#1006' })).outcome).toBe('pack');
    const refused = await invoke(a.handlers, 'pack.label', { orderId: next.id, override: { reason: 'again' } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'FORBIDDEN', need: 'supervisor', role: 'picker' });
  });

  it('a picker who left the bench longer than the idle time ago is not signed back in: the station signs out and asks for their badge', async () => {
    const clock = new SettableClock();
    const { a, o, picker } = await benchWithShortCount(clock);
    const supervisor = await signInAs(a, 'supervisor');
    // The supervisor works the bench for 20 minutes (the site signs an idle operator out after 15).
    clock.advance(20 * 60_000);
    const out = await api(a, 'pack.label', { orderId: o.id, override: { reason: 'label torn off, counted by eye' } });
    expect(out.handBack).toEqual({ supervisor: supervisor.name, operator: null });
    const s = await session(a);
    expect(s.operator).toBeNull();
    expect(s.notice).toBe(`${supervisor.name}’s override is done and ${supervisor.name} is signed out. ${picker.name}, scan your badge to go on at the bench.`);
    // The next one to sign in clears it.
    await signInAs(a, 'dispatch');
    await api(a, 'operators.signOut', {});
    expect((await session(a)).notice).toBeNull();
  });

  it('a supervisor who signed in at a free bench and packs there stays signed in after an override', async () => {
    const { a, o } = await benchWithShortCount();
    await api(a, 'operators.signOut', {});
    const supervisor = await signInAs(a, 'supervisor');
    const out = await api(a, 'pack.label', { orderId: o.id, override: { reason: 'label torn off, counted by eye' } });
    expect(out.handBack).toBeUndefined();
    expect((await session(a)).operator?.id).toBe(supervisor.id);
  });
});
