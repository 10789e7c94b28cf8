import type { MenuItemConstructorOptions } from 'electron';

/**
 * The floor's menu: no reload, no developer tools, no close-window shortcut (Ctrl+W would close
 * the console mid-shift). Editing roles stay so copy and paste work in fields. Diagnostics are
 * opened by a supervisor from the Devices screen (desktop.diagnostics).
 */
export function menuTemplate(quit: () => void, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Firstscan',
      submenu: [{ role: 'about' }, { type: 'separator' }, { label: 'Quit Firstscan', accelerator: platform === 'darwin' ? 'Cmd+Q' : undefined, click: quit }],
    },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
  ];
}
