import { app, dialog, Menu, safeStorage, session, shell } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App } from '../app/create';
import type { DesktopSettings, DesktopShell, UpdateState } from '../app/desktop-shell';
import { recordConsoleRecovered } from '../capabilities/desktop/handlers';
import { defaultDataDir } from '../core/paths';
import { logFileFor, openLog } from '../core/log';
import { explainStartFailure } from '../core/start-failure';
import { useOsKeystore } from '../core/secrets';
import { guardProcess } from '../app/faults';
import { useSilentPdfPrinter } from '../../native/printers/transports';
import { bindIpc } from './ipc';
import { SHELL_CSP } from './csp';
import { osKeystoreSealer } from './keystore';
import { menuTemplate } from './menu';
import { setStartAtLogin } from './login-item';
import { printPdfSilently } from './silent-print';
import { startUpdates } from './updates';
import { showNotice } from './notifications';
import { createConsoleWindow, preloadPath, rendererPath, type ConsoleWindow } from './window';

// One data folder rule for the app and the CLI (FIRSTSCAN_DATA, else the per-user or, for a
// per-machine Windows install, the ProgramData folder).
const dataDir = defaultDataDir();
const log = openLog(logFileFor(dataDir));
let core: App | null = null;
let consoleWin: ConsoleWindow | null = null;
let pending: DesktopSettings | null = null;
let updateState: () => UpdateState = () => ({ state: 'off', version: null, message: 'Not checked yet.' });

process.on('unhandledRejection', (e) => log.error('unhandled rejection', e));

function applySettings(s: DesktopSettings): void {
  if (!consoleWin) {
    pending = s;
    return;
  }
  consoleWin.apply(s);
  try {
    setStartAtLogin(s.startAtLogin, { platform: process.platform, exe: process.execPath, setLoginItem: (x) => app.setLoginItemSettings(x) });
  } catch (e) {
    log.error('start at login', e);
  }
}

const desktop: DesktopShell = {
  apply: applySettings,
  openDiagnostics: () => consoleWin?.win.webContents.openDevTools({ mode: 'detach' }),
  update: () => updateState(),
  notify: (notice) =>
    showNotice(
      () => consoleWin?.win ?? null,
      notice,
      (e) => log.error('notification', e),
    ),
  logFile: log.file,
};

function updateFeed(): string | undefined {
  if (process.env.FIRSTSCAN_UPDATE_URL) return process.env.FIRSTSCAN_UPDATE_URL;
  const f = join(dataDir, 'update-url');
  return existsSync(f) ? readFileSync(f, 'utf8').split(/\r?\n/)[0].trim() || undefined : undefined;
}

async function boot(): Promise<void> {
  log.info(`Firstscan ${app.getVersion()} starting on ${dataDir}`);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(() => app.quit())));
  const sealer = osKeystoreSealer(safeStorage);
  useOsKeystore(sealer);
  log.info(`secrets: ${sealer ? `OS keystore (${sealer.describe()})` : 'key file (no OS keystore here)'}`);
  useSilentPdfPrinter(printPdfSilently);

  core = await createApp({ dataDir, mode: 'electron', lock: 'desktop app', shell: desktop, version: app.getVersion() });
  const started = core;
  guardProcess((where, err) => started.faults.record(where, err));

  session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [SHELL_CSP] } }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const cw = createConsoleWindow({
    dataDir,
    preload: preloadPath(import.meta.dirname),
    rendererHtml: rendererPath(import.meta.dirname),
    devUrl: process.env.ELECTRON_RENDERER_URL || undefined,
    onRecover: (reason, detail) => {
      log.error(`console page ${reason}: ${detail}; reloading`);
      try {
        recordConsoleRecovered(started.env, reason, detail);
      } catch (e) {
        log.error('recording the recovery', e);
      }
    },
  });
  consoleWin = cw;
  if (pending) applySettings(pending);
  bindIpc(started.handlers, cw.win, cw.origin);
  started.pushes.on('push', (name, data) => {
    if (!cw.win.isDestroyed()) cw.win.webContents.send('push', name, data);
  });
  await cw.load();
  log.info('console loaded');
  updateState = startUpdates({
    packaged: app.isPackaged,
    feed: updateFeed(),
    log,
    appImageOrInstaller: process.platform !== 'linux' || !!process.env.APPIMAGE || existsSync('/usr/share/doc/firstscan'),
  });
}

async function bootFailed(err: unknown): Promise<void> {
  log.error('start failed', err);
  const x = explainStartFailure(err, { dataDir, logFile: log.file });
  try {
    consoleWin?.win.destroy();
    const r = await dialog.showMessageBox({
      type: 'error',
      title: 'Firstscan',
      message: x.title,
      detail: `${x.message}\n\nNext: ${x.next}\n\nLog: ${log.file}`,
      buttons: ['Quit', 'Show the log file'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (r.response === 1) shell.showItemInFolder(log.file);
  } catch (e) {
    dialog.showErrorBox(x.title, `${x.message}\n\nNext: ${x.next}\n\nLog: ${log.file}\n(${(e as Error).message})`);
  }
  app.exit(1);
}

// One station per PC: a second launch brings the first window forward and leaves.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const w = consoleWin?.win;
    if (!w || w.isDestroyed()) return;
    if (w.isMinimized()) w.restore();
    w.show();
    w.focus();
  });
  app.on('web-contents-created', (_e, wc) => wc.on('will-attach-webview', (ev) => ev.preventDefault()));
  app.whenReady().then(boot).catch(bootFailed);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (e) => {
    if (!core) return;
    e.preventDefault();
    const c = core;
    core = null;
    void c
      .close()
      .catch((err) => log.error('closing', err))
      .finally(() => {
        log.info('stopped');
        app.quit();
      });
  });
}
