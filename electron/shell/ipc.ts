import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../contract/channels';
import { invoke, type Handlers } from '../app/invoke';

/** Only our own top frame may call: an iframe or a navigated-away page is dropped. */
export function senderAllowed(e: IpcMainInvokeEvent, win: BrowserWindow, allowedOrigin: string): boolean {
  const frame = e.senderFrame;
  if (!frame || frame !== win.webContents.mainFrame) return false;
  try {
    const url = new URL(frame.url);
    return allowedOrigin === 'file://' ? url.protocol === 'file:' : url.origin === allowedOrigin;
  } catch {
    return false;
  }
}

export function bindIpc(handlers: Handlers, win: BrowserWindow, allowedOrigin: string): void {
  for (const name of channelNames) {
    ipcMain.handle(name, async (e, input) => {
      if (!senderAllowed(e, win, allowedOrigin)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls from other frames are not allowed.' } };
      const r = await invoke(handlers, name, input);
      return r.ok ? r : { ok: false, error: r.error };
    });
  }
}
