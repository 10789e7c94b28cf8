import { BrowserWindow, screen, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadWindowState, saveWindowState } from './window-state';
import type { DesktopSettings } from '../app/desktop-shell';

export interface ConsoleWindow {
  win: BrowserWindow;
  /** The one page this window may show: the console's own index.html (or the dev server). */
  page: string;
  origin: string;
  load(): Promise<void>;
  apply(s: DesktopSettings): void;
}

/** Is this URL the console's own page (any #screen or ?query on it)? */
export function isConsolePage(url: string, page: string): boolean {
  try {
    const u = new URL(url);
    const p = new URL(page);
    return u.protocol === p.protocol && u.host === p.host && u.pathname === p.pathname;
  } catch {
    return false;
  }
}

export function createConsoleWindow(o: {
  dataDir: string;
  preload: string;
  rendererHtml: string;
  devUrl?: string;
  onRecover(reason: string, detail: string): void;
}): ConsoleWindow {
  const saved = loadWindowState(
    o.dataDir,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
    width: saved.width,
    height: saved.height,
    minWidth: 1024,
    minHeight: 640,
    backgroundColor: '#0b0f14',
    title: 'Firstscan',
    autoHideMenuBar: true,
    show: false,
    webPreferences: {
      preload: o.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
  if (saved.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const page = o.devUrl ?? pathToFileURL(o.rendererHtml).href;
  const origin = o.devUrl ? new URL(o.devUrl).origin : 'file://';
  const wc = win.webContents;
  lockNavigation(wc, page);

  // A crashed or hung page is reloaded (the station's state is behind the API: nothing is lost),
  // and each time is an event. Three in two minutes stop the loop and leave the window as it is.
  const recent: number[] = [];
  const recover = (reason: string, detail: string) => {
    const now = Date.now();
    while (recent.length && now - recent[0] > 120_000) recent.shift();
    recent.push(now);
    o.onRecover(reason, detail);
    if (recent.length > 3 || win.isDestroyed()) return;
    void load().catch(() => undefined);
  };
  wc.on('render-process-gone', (_e, d) => {
    if (d.reason !== 'clean-exit') recover('render-process-gone', `${d.reason} (exit code ${d.exitCode})`);
  });
  let hung: NodeJS.Timeout | null = null;
  win.on('unresponsive', () => {
    hung ??= setTimeout(() => {
      hung = null;
      if (win.isDestroyed()) return;
      wc.forcefullyCrashRenderer();
      recover('unresponsive', 'the console page did not answer for 10 s');
    }, 10_000);
  });
  win.on('responsive', () => {
    if (hung) clearTimeout(hung);
    hung = null;
  });

  let saveTimer: NodeJS.Timeout | null = null;
  const keep = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (win.isDestroyed() || win.isFullScreen() || win.isKiosk()) return;
      const b = win.getNormalBounds();
      saveWindowState(o.dataDir, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
    }, 500);
  };
  for (const ev of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(ev as 'resize', keep);
  win.on('close', () => {
    if (saveTimer) clearTimeout(saveTimer);
    if (win.isFullScreen() || win.isKiosk()) return;
    const b = win.getNormalBounds();
    saveWindowState(o.dataDir, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  });

  const load = () => (o.devUrl ? win.loadURL(o.devUrl) : win.loadFile(o.rendererHtml));
  return {
    win,
    page,
    origin,
    load,
    apply(s) {
      if (win.isDestroyed()) return;
      win.setKiosk(s.kiosk);
      if (!s.kiosk) win.setFullScreen(s.fullscreen);
    },
  };
}

/**
 * The window shows the console's own page and nothing else: no link, redirect or dropped file
 * replaces it (a dropped file would otherwise get window.api), no pop-up opens inside the app.
 */
export function lockNavigation(wc: WebContents, page: string): void {
  const guard = (e: { preventDefault(): void }, url: string) => {
    if (!isConsolePage(url, page)) e.preventDefault();
  };
  wc.on('will-navigate', guard);
  wc.on('will-redirect', guard);
  wc.on('will-frame-navigate', (e) => {
    if (!e.isMainFrame || !isConsolePage(e.url, page)) e.preventDefault();
  });
  wc.on('will-attach-webview', (e) => e.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export const preloadPath = (mainDir: string) => join(mainDir, '../preload/index.cjs');
export const rendererPath = (mainDir: string) => join(mainDir, '../renderer/index.html');
