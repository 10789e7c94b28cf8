/**
 * The built desktop main (out/main/index.js, built here if stale) boots under Node with the
 * recording stand-in for `electron` (test/support/electron-double): no Electron binary is needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelNames } from '../../../electron/contract/channels';
import { META_CSP, SHELL_CSP } from '../../../electron/shell/csp';
import { acquireDataLock, lockFile } from '../../../electron/core/data-lock';
import { KeyFileSealer } from '../../../electron/core/secrets';
import { SealedFileStore } from '../../../electron/core/secrets/store';
import { ensureBuilt, root, StationProcess, type Recorded } from '../../support/station-process';
import { createApp } from '../../../electron/app/create';
import { upsLine, upsRange } from '../../support/setups';

const dirs: string[] = [];
const running: StationProcess[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'fs-boot-'));
  dirs.push(d);
  return d;
};
const launch = (dataDir: string, env: Record<string, string> = {}) => {
  const s = new StationProcess(dataDir, env);
  running.push(s);
  return s;
};
const loaded = (s: StationProcess) => s.waitFor((m) => m.type === 'loaded');

beforeAll(() => ensureBuilt(), 300_000);
afterAll(() => {
  for (const s of running) s.kill();
  if (!process.env.KEEP_BOOT_DIRS) for (const d of dirs) for (const x of [d, `${d}-secrets`]) rmSync(x, { recursive: true, force: true });
});

/** Every role and accelerator anywhere in the menu. */
function menuWords(menu: Recorded['menu']): string[] {
  return (menu ?? []).flatMap((i) => [i.role, i.accelerator, i.label, ...menuWords(i.submenu)]).filter((x): x is string => !!x);
}

describe('the built desktop main', () => {
  let s: StationProcess;
  let dir: string;
  let rec: Recorded;
  beforeAll(async () => {
    dir = temp();
    s = launch(dir);
    await loaded(s);
    rec = await s.report();
  }, 120_000);

  it('boots with no unhandled rejection into one locked-down window that loads the console', () => {
    expect(rec.unhandled).toEqual([]);
    expect(rec.dialogs).toEqual([]);
    expect(rec.windows).toHaveLength(1);
    const wp = rec.windows[0].options.webPreferences!;
    expect(wp).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(wp.preload).toBe(join(root, 'out', 'preload', 'index.cjs'));
    expect(existsSync(wp.preload as string)).toBe(true);
    expect(rec.loads).toEqual([expect.objectContaining({ file: join(root, 'out', 'renderer', 'index.html') })]);
  });

  it('registers every contract channel with ipcMain.handle, takes the single-instance lock and the data folder', () => {
    expect([...rec.ipc].sort()).toEqual([...channelNames].sort());
    expect(rec.singleInstanceLock).toBe(1);
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: s.child.pid, entry: 'desktop app' });
  });

  it('sets its own menu: no reload, no developer tools, no close-window shortcut', () => {
    expect(rec.menu).not.toBeNull();
    const words = menuWords(rec.menu);
    expect(words).toContain('Quit Firstscan');
    expect(words).toContain('paste');
    for (const banned of ['reload', 'forceReload', 'toggleDevTools', 'close', 'viewMenu', 'windowMenu', 'CmdOrCtrl+W', 'CmdOrCtrl+R'])
      expect(words).not.toContain(banned);
  });

  it('sends the CSP header, denies permission requests, and the page carries the same policy as a meta tag', () => {
    expect(rec.csp).toBe(SHELL_CSP);
    expect(rec.permissionDenied).toBe(true);
    for (const html of [join(root, 'renderer', 'index.html'), join(root, 'out', 'renderer', 'index.html')]) {
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(html, 'utf8'));
      expect(meta?.[1]).toBe(META_CSP);
    }
  });

  it('answers the console frame over IPC and refuses any other frame', async () => {
    const info = await s.invoke('app.info');
    expect(info).toMatchObject({ ok: true, data: { mode: 'electron', demo: true } });
    expect(await s.invoke('app.info', {}, 'other')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The emulated demo store runs inside the app: the schema was found in the tree.
    const sync = await s.invoke('shopify.status');
    expect(sync.ok).toBe(true);
    expect(sync.data.stores.map((x: { id: string }) => x.id)).toContain('demo-store');
  });

  it('keeps the window on the console page: no navigation away, no pop-ups inside the app', async () => {
    const page = new URL(`file://${join(root, 'out', 'renderer', 'index.html')}`).href;
    expect(await s.emit('webContents', 'will-navigate', ['$event', 'file:///etc/passwd'])).toMatchObject({ prevented: true });
    expect(await s.emit('webContents', 'will-navigate', ['$event', 'file:///tmp/dropped-label.html'])).toMatchObject({ prevented: true });
    expect(await s.emit('webContents', 'will-navigate', ['$event', 'https://example.com/'])).toMatchObject({ prevented: true });
    expect(await s.emit('webContents', 'will-redirect', ['$event', 'https://example.com/'])).toMatchObject({ prevented: true });
    expect(await s.emit('webContents', 'will-navigate', ['$event', `${page}#/dispatch`])).toMatchObject({ prevented: false });
    expect(await s.openWindow('https://help.shopify.com/')).toMatchObject({ action: 'deny', external: 'https://help.shopify.com/' });
    expect(rec.windows[0].options.webPreferences).toMatchObject({ navigateOnDragDrop: false });
  });

  it('a second launch brings the first window forward', async () => {
    const before = (await s.report()).focus;
    await s.emit('app', 'second-instance', ['$event', [], root]);
    expect((await s.report()).focus).toBe(before + 1);
  });

  it('a crashed console page is reloaded and recorded as an event', async () => {
    await s.emit('webContents', 'render-process-gone', ['$event', { reason: 'crashed', exitCode: 139 }]);
    await s.waitFor((m) => m.type === 'loaded' && s.messages.filter((x) => x.type === 'loaded').length === 2);
    expect((await s.report()).loads).toHaveLength(2);
    const events = (await s.invoke('events.export', { limit: 100_000 })).data as Array<{ type: string; payload: { reason: string; detail: string } }>;
    expect(events.filter((e) => e.type === 'station.console_recovered').map((e) => e.payload)).toEqual([
      expect.objectContaining({ reason: 'render-process-gone', detail: 'crashed (exit code 139)' }),
    ]);
    expect(readFileSync(join(dir, 'logs', 'firstscan.log'), 'utf8')).toMatch(/console page render-process-gone: crashed/);
  });

  it('kiosk, fullscreen and start at login apply to the window; diagnostics open detached', async () => {
    const r = await s.invoke('desktop.settings', { kiosk: true, fullscreen: false, startAtLogin: false });
    expect(r).toMatchObject({ ok: true, data: { shell: 'electron', settings: { kiosk: true } } });
    expect((await s.report()).kiosk.at(-1)).toBe(true);
    expect(await s.invoke('desktop.diagnostics')).toMatchObject({ ok: true, data: { opened: true } });
    expect((await s.report()).devtools).toBe(1);
    const st = await s.invoke('desktop.status');
    expect(st.data).toMatchObject({ secrets: { kind: 'os-keystore' }, dataDir: dir, logFile: join(dir, 'logs', 'firstscan.log') });
  });

  it("supervisor notifications come from the main process (Electron's Notification); a click brings the console forward on the screen that fixes it", async () => {
    // A new line with two numbers left: the next look for trouble raises "running low".
    const saved = await s.invoke('lines.save', upsLine('low-line', 'Low line'));
    expect(saved.error).toBeUndefined();
    const range = await s.invoke('ranges.add', upsRange('low-line', 1, 2));
    expect(range.error).toBeUndefined();
    const checked = await s.invoke('notify.check');
    expect(checked.data.raised).toBeGreaterThanOrEqual(1);
    await s.waitFor((m) => m.type === 'notification');
    const before = await s.report();
    expect(before.notifications).toContainEqual(
      expect.objectContaining({
        title: 'Low line: tracking numbers running low',
        body: expect.stringMatching(/^2 numbers left .*Add a range from the carrier in Setup → Lines\./),
      }),
    );
    await s.clickNotification(before.notifications.findIndex((n) => n.title.startsWith('Low line')));
    const after = await s.report();
    expect(after.focus).toBe(before.focus + 1);
    expect(after.pushes).toContainEqual({ name: 'notice.open', data: { screen: 'setup' } });
  });

  it('quits cleanly and frees the data folder', async () => {
    expect(await s.quit()).toBe(0);
    expect(existsSync(lockFile(dir))).toBe(false);
    expect(readFileSync(join(dir, 'logs', 'firstscan.log'), 'utf8')).toMatch(/console loaded[\s\S]*stopped/);
  });
});

describe('starting the desktop station', () => {
  it('a second instance on the PC hands over to the first and opens nothing', async () => {
    const s = launch(temp(), { ELECTRON_DOUBLE_SECOND: '1' });
    expect(await s.exited).toBe(0);
    const exit = s.messages.find((m) => m.type === 'exit') as { rec: Recorded } | undefined;
    expect(exit?.rec.singleInstanceLock).toBe(1);
    expect(exit?.rec.windows).toEqual([]);
  }, 60_000);

  it('a data folder held by another process: a dialog names the holder and the log, nothing unhandled', async () => {
    const dir = temp();
    const held = acquireDataLock(dir, 'cli serve');
    try {
      const s = launch(dir);
      const d = (await s.waitFor((m) => m.type === 'dialog')).opts as { message: string; detail: string };
      expect(await s.exited).toBe(1);
      expect(d.message).toBe('Firstscan is already running on this data folder');
      expect(d.detail).toContain(`cli serve, pid ${process.pid}`);
      expect(d.detail).toContain(`Log: ${join(dir, 'logs', 'firstscan.log')}`);
      expect(s.messages.filter((m) => m.type === 'unhandled')).toEqual([]);
      expect(s.messages.some((m) => m.type === 'loaded')).toBe(false);
    } finally {
      held.release();
    }
  }, 60_000);

  it('a start that fails half-way says what to do, frees the folder, and the next start completes it', async () => {
    const dir = temp();
    const bad = launch(dir, { FIRSTSCAN_SHOPIFY_SCHEMA: join(dir, 'no-such-schema.graphql') });
    const d = (await bad.waitFor((m) => m.type === 'dialog')).opts as { message: string; detail: string };
    expect(await bad.exited).toBe(1);
    expect(d.detail).toMatch(/Shopify Admin schema is missing/);
    expect(d.detail).toMatch(/Next: /);
    expect(existsSync(lockFile(dir))).toBe(false);
    const good = launch(dir);
    await loaded(good);
    const sync = await good.invoke('shopify.status');
    expect(sync.data.stores.map((x: { id: string }) => x.id)).toContain('demo-store');
    const orders = await good.invoke('pick.scan', { code: '#1001' });
    expect(orders).toMatchObject({ ok: true, data: { outcome: 'issued' } });
    expect(await good.quit()).toBe(0);
  }, 120_000);

  it('moves key-file secrets and the plaintext site password into the OS keystore on the first desktop start', async () => {
    const dir = temp();
    mkdirSync(dir, { recursive: true });
    // The station ran before and had pulled its site's operators (a joined station signs nobody in before that).
    await (await createApp({ dataDir: dir, mode: 'headless', runJobs: false, demoOrders: 0 })).close();
    new SealedFileStore(join(dir, 'secrets.enc'), new KeyFileSealer(dir)).set('shop', 'shpat_migrate_me_0123456789');
    writeFileSync(
      join(dir, 'site-credentials.json'),
      JSON.stringify({
        siteId: 'site-x',
        host: '127.0.0.1',
        port: 1,
        database: 'firstscan',
        user: 'st_x',
        password: 'pw-plain-0123456789',
        tlsFingerprint: null,
      }),
      { mode: 0o600 },
    );
    const s = launch(dir);
    await loaded(s);
    const st = await s.invoke('desktop.status');
    expect(st.data.secrets).toMatchObject({ kind: 'os-keystore' });
    expect(st.data.secrets.where).toContain('desktop keyring');
    expect(existsSync(join(dir, 'secrets.enc'))).toBe(false);
    expect(existsSync(new KeyFileSealer(dir).keyFile)).toBe(false);
    const sealed = readFileSync(join(dir, 'secrets.os.enc'));
    expect(sealed.includes(Buffer.from('shpat_migrate_me'))).toBe(false);
    expect(sealed.includes(Buffer.from('pw-plain'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'site-credentials.json'), 'utf8'))).not.toHaveProperty('password');
    const events = JSON.stringify((await s.invoke('events.export', { limit: 100_000 })).data);
    expect(events).not.toContain('shpat_migrate_me');
    expect(events).not.toContain('pw-plain');
    expect(readFileSync(join(dir, 'logs', 'firstscan.log'), 'utf8')).not.toMatch(/shpat_migrate_me|pw-plain/);
    expect(await s.quit()).toBe(0);
  }, 120_000);

  it('without an OS keystore the key file stays, and the Setup screen is told so', async () => {
    const s = launch(temp(), { ELECTRON_DOUBLE_SAFESTORAGE: 'off' });
    await loaded(s);
    const st = await s.invoke('desktop.status');
    expect(st.data.secrets.kind).toBe('key-file');
    expect(st.data.secrets.where).toMatch(/key file .*shopify\.key/);
    expect(await s.quit()).toBe(0);
  }, 120_000);
});
