/**
 * A recording stand-in for the `electron` module, for running the built main process under plain
 * Node (test/electron/shell/boot.test.ts, bench/station.ts). It keeps what the main process did
 * (windows and their webPreferences, ipcMain.handle channels, the menu, the CSP header, dialogs,
 * the single-instance lock, notifications shown, pushes sent to the page) and takes commands from
 * the parent over the IPC channel: report, invoke a channel as a frame would, emit an Electron event,
 * click a notification, quit.
 *
 * Env: ELECTRON_DOUBLE_SECOND=1 makes requestSingleInstanceLock() answer false (another instance
 * holds it); ELECTRON_DOUBLE_SAFESTORAGE=off makes safeStorage unavailable.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const t0 = performance.now();
// ELECTRON_DOUBLE_RESOURCES: run an unpacked package's main as if installed (extraResources live there).
if (process.env.ELECTRON_DOUBLE_RESOURCES) process.resourcesPath = process.env.ELECTRON_DOUBLE_RESOURCES;
const rec = {
  singleInstanceLock: 0,
  windows: [],
  ipc: [],
  menu: null,
  csp: null,
  permissionDenied: null,
  loads: [],
  dialogs: [],
  errorBoxes: [],
  unhandled: [],
  devtools: 0,
  kiosk: [],
  fullscreen: [],
  loginItems: [],
  focus: 0,
  sends: 0,
  /** Pushes sent to the page other than events.appended / jobs.changed (those are counted in sends). */
  pushes: [],
  notifications: [],
  exit: null,
};
const send = (m) => {
  if (process.send) process.send(m);
};
process.on('unhandledRejection', (e) => {
  rec.unhandled.push(String(e?.stack ?? e));
  send({ type: 'unhandled', error: String(e?.stack ?? e) });
});

function prevented() {
  let yes = false;
  return { ev: { preventDefault: () => (yes = true) }, get: () => yes };
}

class AppDouble extends EventEmitter {
  isPackaged = !!process.env.ELECTRON_DOUBLE_RESOURCES;
  #ready = false;
  whenReady() {
    return new Promise((r) =>
      setImmediate(() => {
        this.#ready = true;
        r();
      }),
    );
  }
  isReady() {
    return this.#ready;
  }
  requestSingleInstanceLock() {
    rec.singleInstanceLock++;
    return process.env.ELECTRON_DOUBLE_SECOND !== '1';
  }
  getPath(name) {
    return join(tmpdir(), 'electron-double', name);
  }
  getVersion() {
    return '0.1.0';
  }
  getName() {
    return 'Firstscan';
  }
  setLoginItemSettings(s) {
    rec.loginItems.push(s);
  }
  quit() {
    const p = prevented();
    this.emit('before-quit', p.ev);
    if (p.get()) return;
    this.emit('will-quit', prevented().ev);
    this.exit(0);
  }
  exit(code = 0) {
    rec.exit = code;
    send({ type: 'exit', code, rec });
    setTimeout(() => process.exit(code), 50);
  }
}
export const app = new AppDouble();

class WebContentsDouble extends EventEmitter {
  constructor(win) {
    super();
    this.win = win;
    this.mainFrame = { url: '' };
    this.openHandler = null;
  }
  send(channel, name, data) {
    rec.sends++;
    if (channel === 'push' && name !== 'events.appended' && name !== 'jobs.changed') rec.pushes.push({ name, data });
  }
  setWindowOpenHandler(fn) {
    this.openHandler = fn;
  }
  openDevTools(o) {
    rec.devtools++;
    rec.devtoolsMode = o?.mode ?? null;
  }
  forcefullyCrashRenderer() {}
  reload() {}
  print(_o, cb) {
    cb(true, '');
  }
}

export class BrowserWindow extends EventEmitter {
  static all = [];
  static getAllWindows() {
    return BrowserWindow.all.filter((w) => !w.destroyed);
  }
  constructor(opts = {}) {
    super();
    this.opts = opts;
    this.destroyed = false;
    this.maximized = false;
    this.minimized = false;
    this.kiosk = false;
    this.full = false;
    this.bounds = { x: opts.x ?? 100, y: opts.y ?? 80, width: opts.width ?? 800, height: opts.height ?? 600 };
    this.webContents = new WebContentsDouble(this);
    BrowserWindow.all.push(this);
    rec.windows.push({ options: JSON.parse(JSON.stringify(opts)) });
  }
  async loadFile(file) {
    return this.#load(pathToFileURL(file).href, { file });
  }
  async loadURL(url) {
    return this.#load(url, { url });
  }
  async #load(url, what) {
    this.webContents.mainFrame = { url };
    const at = performance.now() - t0;
    rec.loads.push({ ...what, at });
    setImmediate(() => {
      this.emit('ready-to-show');
      this.webContents.emit('did-finish-load');
      send({ type: 'loaded', at, url });
    });
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  close() {
    this.emit('close', prevented().ev);
    this.destroyed = true;
    this.emit('closed');
  }
  show() {}
  focus() {
    rec.focus++;
  }
  restore() {
    this.minimized = false;
  }
  isMinimized() {
    return this.minimized;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isFullScreen() {
    return this.full;
  }
  isKiosk() {
    return this.kiosk;
  }
  setKiosk(on) {
    this.kiosk = on;
    rec.kiosk.push(on);
  }
  setFullScreen(on) {
    this.full = on;
    rec.fullscreen.push(on);
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  getBounds() {
    return { ...this.bounds };
  }
  setBounds(b) {
    Object.assign(this.bounds, b);
  }
}

const handlers = new Map();
export const ipcMain = {
  handle(name, fn) {
    if (handlers.has(name)) throw new Error(`Attempted to register a second handler for '${name}'`);
    handlers.set(name, fn);
    rec.ipc.push(name);
  },
  removeHandler(name) {
    handlers.delete(name);
  },
  on() {},
};

function describeMenu(items) {
  return items.map((i) => ({
    label: i.label ?? null,
    role: i.role ?? null,
    accelerator: i.accelerator ?? null,
    submenu: i.submenu ? describeMenu(i.submenu) : null,
  }));
}
export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (m) => {
    rec.menu = m ? describeMenu(m.template) : null;
    Menu.current = m;
  },
  current: null,
};

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(fn) {
        fn({ responseHeaders: {} }, (r) => (rec.csp = r.responseHeaders['Content-Security-Policy']?.[0] ?? null));
      },
    },
    setPermissionRequestHandler(fn) {
      fn(null, 'media', (ok) => (rec.permissionDenied = ok === false));
    },
    setPermissionCheckHandler() {},
  },
};

export const shell = {
  openExternal: async (url) => void (rec.external = url),
  showItemInFolder: (p) => void (rec.shownItem = p),
};

export const dialog = {
  async showMessageBox(opts) {
    rec.dialogs.push(opts);
    send({ type: 'dialog', opts });
    return { response: 0 };
  },
  showErrorBox(title, content) {
    rec.errorBoxes.push({ title, content });
    send({ type: 'dialog', opts: { message: title, detail: content } });
  },
};

const MAGIC = Buffer.from('DBL1');
export const safeStorage = {
  isEncryptionAvailable: () => process.env.ELECTRON_DOUBLE_SAFESTORAGE !== 'off',
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (s) => Buffer.concat([MAGIC, Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)]),
  decryptString: (b) => {
    if (!b.subarray(0, 4).equals(MAGIC)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(b.subarray(4).map((x) => x ^ 0x5a)).toString('utf8');
  },
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

const shownNotifications = [];
export class Notification extends EventEmitter {
  static isSupported() {
    return process.env.ELECTRON_DOUBLE_NOTIFICATIONS !== 'off';
  }
  constructor(opts = {}) {
    super();
    this.opts = opts;
  }
  show() {
    shownNotifications.push(this);
    rec.notifications.push({ title: this.opts.title ?? '', body: this.opts.body ?? '', silent: this.opts.silent ?? null });
    send({ type: 'notification', title: this.opts.title, body: this.opts.body });
  }
  close() {}
}

export const contextBridge = { exposeInMainWorld() {} };
export const ipcRenderer = { invoke: async () => undefined, on() {}, off() {} };

const emitters = { app: () => app, window: () => BrowserWindow.getAllWindows()[0], webContents: () => BrowserWindow.getAllWindows()[0]?.webContents };

process.on('message', async (m) => {
  try {
    if (m.cmd === 'report') send({ type: 'report', id: m.id, rec });
    else if (m.cmd === 'invoke') {
      const fn = handlers.get(m.channel);
      if (!fn) return send({ type: 'result', id: m.id, error: `no handler for ${m.channel}` });
      const win = BrowserWindow.getAllWindows()[0];
      const senderFrame = m.frame === 'main' ? win.webContents.mainFrame : { url: 'file:///tmp/dropped.html' };
      send({ type: 'result', id: m.id, result: await fn({ senderFrame }, m.input) });
    } else if (m.cmd === 'emit') {
      const target = emitters[m.on]();
      const p = prevented();
      const args = (m.args ?? []).map((a) => (a === '$event' ? p.ev : a));
      target.emit(m.event, ...args);
      send({ type: 'emitted', id: m.id, prevented: p.get() });
    } else if (m.cmd === 'open') {
      const win = BrowserWindow.getAllWindows()[0];
      const r = win.webContents.openHandler?.({ url: m.url });
      send({ type: 'opened', id: m.id, action: r?.action ?? null, external: rec.external ?? null });
    } else if (m.cmd === 'click-notification') {
      shownNotifications[m.index ?? shownNotifications.length - 1]?.emit('click', {});
      send({ type: 'clicked', id: m.id });
    } else if (m.cmd === 'quit') {
      app.quit();
      send({ type: 'quitting', id: m.id });
    }
  } catch (e) {
    send({ type: 'result', id: m.id, error: String(e?.stack ?? e) });
  }
});

export default { app, BrowserWindow, ipcMain, Menu, session, shell, dialog, safeStorage, screen, Notification, contextBridge, ipcRenderer };
