import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App } from '../../../../electron/app/create';
import { invoke } from '../../../../electron/app/invoke';
import { replicatorOf } from '../../../../electron/capabilities/site/handlers';
import { DEMO_OPERATORS } from '../../../../electron/capabilities/operators/demo';
import { startTestSite, type TestSite } from '../../../support/pg';
import { startTcpProxy, type TcpProxy } from '../../../support/tcp-proxy';
import { joinedStation } from '../../../support/site-station';

// A station joining a site must not make an admin of its own before it has the site's operators
// (they would clash with the site's): the sign-in waits for the first pull, then the site's admins sign in.
let site: TestSite;
let proxy: TcpProxy;
const apps: App[] = [];
let joiner: App;

async function joined(name: string, opts: { demo?: boolean; port?: number } = {}): Promise<App> {
  const app = await joinedStation(site, name, {
    prefix: 'fs-first-admin-',
    demoOrders: opts.demo ? 5 : undefined,
    creds: opts.port ? { host: '127.0.0.1', port: opts.port } : undefined,
  });
  apps.push(app);
  return app;
}

const session = async (app: App) => {
  const r = await invoke(app.handlers, 'operators.session', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.data as { operator: { id: string; role: string } | null; firstAdmin: boolean; siteWait: string | null };
};
const firstAdmin = (app: App) => invoke(app.handlers, 'operators.firstAdmin', { id: 'local', name: 'Local Admin', pin: '9090' });

beforeAll(async () => {
  site = await startTestSite();
  proxy = await startTcpProxy(site.pg.port);
  proxy.cut(); // the joining station's cable is out: it cannot pull yet
  joiner = await joined('Pick 9', { port: proxy.port });
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close().catch(() => undefined);
  await proxy?.close();
  await site?.stop();
});

describe('site mode: the first admin', () => {
  it('before its first pull a joined station offers no first admin, says why, and refuses one made over the API', async () => {
    const s = await session(joiner);
    expect(s.firstAdmin).toBe(false);
    expect(s.siteWait).toMatch(/joined a site/);
    const r = await firstAdmin(joiner);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CONFLICT');
      expect(r.error.message).toMatch(/no first admin is made here/);
    }
    expect(joiner.store.read.operators.count()).toBe(0);
  });

  it('after pulling a site that has no operators at all, the first admin is offered', async () => {
    proxy.restore();
    await replicatorOf(joiner.env)!.cycle();
    await expect.poll(async () => (await session(joiner)).firstAdmin, { timeout: 30_000 }).toBe(true);
    expect((await session(joiner)).siteWait).toBeNull();
  });

  it("once the site's operators are pulled, its admins sign in and no local first admin can be made", async () => {
    // Another station of the site has the demo's operators; they go up to the server.
    const other = await joined('Pick 1', { demo: true });
    await replicatorOf(other.env)!.cycle();
    await replicatorOf(joiner.env)!.cycle();
    await expect.poll(() => joiner.store.read.operators.count(), { timeout: 30_000 }).toBe(DEMO_OPERATORS.length);

    const s = await session(joiner);
    expect(s).toMatchObject({ firstAdmin: false, siteWait: null, operator: null });
    const refused = await firstAdmin(joiner);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/operators already/);

    const ada = DEMO_OPERATORS.find((o) => o.role === 'admin')!;
    const pinNeeded = await invoke(joiner.handlers, 'operators.signIn', { code: ada.badge });
    expect(pinNeeded).toMatchObject({ ok: true, data: { outcome: 'pin_needed' } });
    const signed = await invoke(joiner.handlers, 'operators.signIn', { code: ada.badge, pin: ada.pin! });
    expect(signed).toMatchObject({ ok: true, data: { outcome: 'signed_in', operator: { id: ada.id, role: 'admin' } } });
  });
});
