import { BrowserWindow } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Electron's silent print for PDF labels: the PDF is opened in a hidden window (Chromium's PDF
 * viewer) and printed to the named printer without a dialog. Used by the 'system-pdf' transport
 * inside the Electron shell; outside it the system print command is used.
 */
export async function printPdfSilently(queue: string, pdf: Buffer): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'firstscan-print-'));
  const file = join(dir, 'label.pdf');
  writeFileSync(file, pdf);
  const win = new BrowserWindow({ show: false, webPreferences: { plugins: true, sandbox: true, contextIsolation: true } });
  try {
    await win.loadURL(pathToFileURL(file).href);
    await new Promise<void>((resolve, reject) =>
      win.webContents.print({ silent: true, deviceName: queue, printBackground: true }, (ok, reason) =>
        ok ? resolve() : reject(new Error(reason || 'print failed')),
      ),
    );
  } finally {
    win.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
