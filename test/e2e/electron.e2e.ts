import { test, expect, _electron as electron } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronBinary } from '../../electron/cli/start';

const bin = electronBinary();
const display = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

test('the Electron window opens the pick station through the preload bridge', async () => {
  test.skip('missing' in bin, `No Electron binary here (${'missing' in bin ? bin.missing : ''}); browser mode is tested instead.`);
  test.skip(!display, 'No display to open an Electron window on.');
  const app = await electron.launch({
    executablePath: (bin as { path: string }).path,
    args: ['out/main/index.js'],
    env: { ...process.env, FIRSTSCAN_DATA: mkdtempSync(join(tmpdir(), 'fs-electron-')) },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByText('Scan an order or an item')).toBeVisible();
    expect(await win.evaluate(() => typeof (window as unknown as { api?: unknown }).api)).toBe('object');
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
  }
});
