import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { createApp, type App } from '../app/create';
import { guardProcess } from '../app/faults';
import { bindIpc } from './ipc';
import { printPdfSilently } from './silent-print';
import { useSilentPdfPrinter } from '../../native/printers/transports';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

let core: App | null = null;

async function boot(): Promise<void> {
  const dataDir = process.env.FIRSTSCAN_DATA ?? join(app.getPath('userData'), 'station');
  useSilentPdfPrinter(printPdfSilently);
  core = await createApp({ dataDir, mode: 'electron' });
  const faults = core.faults;
  guardProcess((where, err) => faults.record(where, err));

  session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));

  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    backgroundColor: '#0b0f14',
    title: 'Firstscan',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });

  const devUrl = process.env.ELECTRON_RENDERER_URL;
  const origin = devUrl ? new URL(devUrl).origin : 'file://';
  win.webContents.on('will-navigate', (e, url) => {
    if (!(devUrl ? url.startsWith(origin) : url.startsWith('file://'))) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  app.on('web-contents-created', (_e, wc) => wc.on('will-attach-webview', (ev) => ev.preventDefault()));

  bindIpc(core.handlers, win, origin);
  core.pushes.on('push', (name, data) => {
    if (!win.isDestroyed()) win.webContents.send('push', name, data);
  });

  if (devUrl) await win.loadURL(devUrl);
  else await win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

app.whenReady().then(boot, (e) => {
  console.error(e);
  app.quit();
});

app.on('window-all-closed', () => app.quit());
app.on('before-quit', (e) => {
  if (!core) return;
  e.preventDefault();
  const c = core;
  core = null;
  void c.close().finally(() => app.quit());
});
