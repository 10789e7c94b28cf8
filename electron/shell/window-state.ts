import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the console's window was, kept per data folder (one station per folder). */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW: WindowState = { width: 1366, height: 768, maximized: false };

export const windowStateFile = (dataDir: string) => join(dataDir, 'window-state.json');

/**
 * The saved state, if it still fits on a screen of this PC (a monitor unplugged since would put
 * the console where nobody can see it); else the default size, centred by the OS.
 */
export function loadWindowState(dataDir: string, screens: Area[]): WindowState {
  let s: WindowState;
  try {
    s = { ...DEFAULT_WINDOW, ...(JSON.parse(readFileSync(windowStateFile(dataDir), 'utf8')) as Partial<WindowState>) };
  } catch {
    return DEFAULT_WINDOW;
  }
  if (!(s.width >= 400 && s.height >= 300)) return DEFAULT_WINDOW;
  if (s.x === undefined || s.y === undefined) return { width: s.width, height: s.height, maximized: !!s.maximized };
  const visible = screens.some((a) => s.x! + 100 <= a.x + a.width && s.x! + s.width - 100 >= a.x && s.y! >= a.y - 10 && s.y! + 50 <= a.y + a.height);
  return visible ? s : { width: s.width, height: s.height, maximized: !!s.maximized };
}

export function saveWindowState(dataDir: string, s: WindowState): void {
  try {
    const file = windowStateFile(dataDir);
    writeFileSync(`${file}.tmp`, JSON.stringify(s) + '\n');
    renameSync(`${file}.tmp`, file);
  } catch {
    /* a window position is not worth failing over */
  }
}
