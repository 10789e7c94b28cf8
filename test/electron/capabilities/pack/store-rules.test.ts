import { afterEach, describe, expect, it } from 'vitest';
import { api, demoApp } from '../../../support/app';
import { invoke } from '../../../../electron/app/invoke';

type App = Awaited<ReturnType<typeof demoApp>>;
let app: App | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const rule = (scope: string, itemsPerParcel: number | null = null) => ({ scope, verify: false, itemsPerParcel, needsWeight: true, needsCustoms: false });

describe('store pack rules', () => {
  it('are saved for a known store, refused for an unknown one or a bad count with what to do, and removed', async () => {
    app = await demoApp({ runJobs: false });
    const unknown = await invoke(app.handlers, 'pack.rulesSave', rule('store:nope'));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toMatch(/Store "nope" not found\. Choose a store from the list/);
    const zero = await invoke(app.handlers, 'pack.rulesSave', rule('store:demo-store', 0));
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.error.issues).toEqual([{ path: 'itemsPerParcel', message: 'at least 1 item per parcel, or leave it empty for one parcel' }]);

    await api(app, 'pack.rulesSave', rule('store:demo-store', 2));
    // An order of the store (its line has no rule) now goes to the bench.
    expect((await api(app, 'pick.scan', { code: '#1001' })).outcome).toBe('pack');
    const out = await api(app, 'pack.rulesRemove', { scope: 'store:demo-store' });
    expect(out.message).toMatch(/one-scan pick again/);
    expect(await api(app, 'pack.rules', {})).toEqual([]);
    expect((await api(app, 'pick.scan', { code: '#1002' })).outcome).toBe('issued');
    const again = await invoke(app.handlers, 'pack.rulesRemove', { scope: 'store:demo-store' });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Nothing was removed/) });
    expect(app.store.read.events.about(['store:demo-store']).map((e) => e.type)).toEqual(['pack.rules_saved', 'pack.rules_removed']);
  });
});
