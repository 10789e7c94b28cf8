import { afterEach, describe, expect, it } from 'vitest';
import { systemPdfTransport, useSilentPdfPrinter } from '../../../native/printers/transports';

afterEach(() => useSilentPdfPrinter(null));

describe('PDF labels inside the Electron shell', () => {
  it('go through the silent printer the shell installed, not the system print command', async () => {
    const printed: Array<{ queue: string; bytes: number }> = [];
    let commands = 0;
    useSilentPdfPrinter(async (queue, pdf) => void printed.push({ queue, bytes: pdf.length }));
    const t = systemPdfTransport('Office-Laser', async () => {
      commands++;
      return { code: 0, stdout: '', stderr: '' };
    });
    await t.send(Buffer.from('%PDF-1.4 label'));
    expect(printed).toEqual([{ queue: 'Office-Laser', bytes: 14 }]);
    expect(commands).toBe(0);
  });

  it('turn a silent-print failure into a printer error that keeps the label queued', async () => {
    useSilentPdfPrinter(async () => {
      throw new Error('no such printer');
    });
    await expect(systemPdfTransport('Gone').send(Buffer.from('%PDF'))).rejects.toThrow(/no such printer.*label will wait in the queue/);
  });
});
