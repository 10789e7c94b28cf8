import { Notification, type BrowserWindow } from 'electron';
import type { DesktopNotice } from '../app/desktop-shell';

/**
 * Supervisor notifications from the main process: the OS's own (Windows toast, libnotify, macOS
 * Notification Center), shown even while the console is minimised or behind another window. A click
 * brings the console forward and tells the page which screen fixes it (the `notice.open` push).
 */
export function showNotice(win: () => BrowserWindow | null, notice: DesktopNotice, onError: (err: unknown) => void): void {
  try {
    if (!Notification.isSupported()) return;
    const n = new Notification({ title: notice.title, body: notice.body, silent: false });
    n.on('click', () => {
      const w = win();
      if (!w || w.isDestroyed()) return;
      if (w.isMinimized()) w.restore();
      w.show();
      w.focus();
      w.webContents.send('push', 'notice.open', { screen: notice.screen });
    });
    n.show();
  } catch (err) {
    onError(err);
  }
}
