/**
 * What the desktop shell (electron/shell, the only code that imports electron) offers the app:
 * the window's kiosk/fullscreen, the login item, diagnostics, the update check, desktop notifications.
 * Outside Electron there is no shell and the channels say so (browser mode notifies from the page).
 */
export interface DesktopSettings {
  kiosk: boolean;
  fullscreen: boolean;
  startAtLogin: boolean;
}

export interface UpdateState {
  state: 'off' | 'checking' | 'none' | 'downloading' | 'ready' | 'error';
  /** The version waiting to be installed at the next restart, when state is 'ready'. */
  version: string | null;
  message: string;
}

/** A supervisor notification as the OS shows it; a click brings the console forward on `screen`. */
export interface DesktopNotice {
  title: string;
  body: string;
  screen: string;
  tag: string;
}

export interface DesktopShell {
  apply(settings: DesktopSettings): void;
  /** Open the developer tools in their own window (a supervisor's diagnostics). */
  openDiagnostics(): void;
  update(): UpdateState;
  /** Show a notification from the main process (Electron's `Notification`). */
  notify(notice: DesktopNotice): void;
  logFile: string;
}
