/**
 * What the desktop shell (electron/shell, the only code that imports electron) offers the app:
 * the window's kiosk/fullscreen, the login item, diagnostics, the update check. Outside Electron
 * there is no shell and the channels say so.
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

export interface DesktopShell {
  apply(settings: DesktopSettings): void;
  /** Open the developer tools in their own window (a supervisor's diagnostics). */
  openDiagnostics(): void;
  update(): UpdateState;
  logFile: string;
}
