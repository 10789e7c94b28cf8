import { z } from 'zod';
import { ch, Empty } from './define';

export const DesktopSettings = z.object({ kiosk: z.boolean(), fullscreen: z.boolean(), startAtLogin: z.boolean() }).strict();

const DesktopStatus = z.object({
  /** 'electron': the desktop app (settings apply to its window); otherwise they are kept for it. */
  shell: z.enum(['electron', 'browser', 'headless']),
  settings: DesktopSettings,
  secrets: z.object({ kind: z.enum(['os-keystore', 'key-file']), where: z.string() }),
  dataDir: z.string(),
  logFile: z.string().nullable(),
  update: z.object({ state: z.enum(['off', 'checking', 'none', 'downloading', 'ready', 'error']), version: z.string().nullable(), message: z.string() }),
});

export const desktopChannels = {
  'desktop.status': ch(
    Empty,
    DesktopStatus,
    'The desktop station: kiosk, fullscreen, start at login, where secrets and data live, the update waiting.',
    'picker',
  ),
  'desktop.settings': ch(
    DesktopSettings,
    DesktopStatus,
    'Kiosk, fullscreen and start-at-login for this PC (applied at once in the desktop app).',
    'supervisor',
  ),
  'desktop.diagnostics': ch(
    Empty,
    z.object({ opened: z.boolean(), message: z.string() }),
    'A supervisor opens the developer tools of the desktop app (Devices screen).',
    'supervisor',
  ),
} as const;
