import { describe, expect, it } from 'vitest';
import type { CommandRunner } from '../../../native/printers/command';
import { cupsRawTransport, systemPdfTransport, windowsRawTransport, WINDOWS_RAW_SCRIPT } from '../../../native/printers/transports';
import { readFileSync } from 'node:fs';

/** Records each command; the Windows transport writes temp files, so their content is read while it runs. */
function fakeRunner(code = 0, stderr = '') {
  const calls: Array<{ cmd: string; args: string[]; stdin?: string; files: Record<string, string> }> = [];
  const run: CommandRunner = async (cmd, args, stdin) => {
    const files: Record<string, string> = {};
    args.forEach((a, i) => {
      if (args[i - 1] === '-File' || (a.endsWith('.ps1') && args[i - 1] === '-File')) files[a] = readFileSync(a, 'latin1');
    });
    calls.push({ cmd, args, stdin: stdin?.toString('latin1'), files });
    return { code, stdout: '', stderr };
  };
  return { run, calls };
}

describe('print transports', () => {
  it('CUPS: lp -d <queue> -o raw with the ZPL on stdin', async () => {
    const f = fakeRunner();
    await cupsRawTransport('zebra_raw', f.run).send(Buffer.from('^XA^XZ'));
    expect(f.calls[0]).toMatchObject({ cmd: 'lp', args: ['-d', 'zebra_raw', '-o', 'raw', '-t', 'firstscan-label'], stdin: '^XA^XZ' });
  });

  it('CUPS: a refusal says what to check and that the label waits', async () => {
    const f = fakeRunner(1, 'lp: The printer or class does not exist.');
    await expect(cupsRawTransport('nope', f.run).send(Buffer.from('^XA^XZ'))).rejects.toMatchObject({
      code: 'REFUSED',
      sent: false,
      message: expect.stringMatching(/does not exist.*lpstat -p nope.*wait in the queue/),
    });
  });

  // Runs on Linux with a fake runner only: the real winspool call needs Windows.
  it('Windows: a RAW spooler job through winspool, the bytes passed as a file', async () => {
    const f = fakeRunner();
    await windowsRawTransport('ZDesigner GK420d', f.run).send(Buffer.from('^XA^FDx^FS^XZ'));
    const c = f.calls[0];
    expect(c.cmd).toBe('powershell.exe');
    expect(c.args).toEqual(expect.arrayContaining(['-Printer', 'ZDesigner GK420d']));
    expect(Object.values(c.files)).toEqual(expect.arrayContaining(['^XA^FDx^FS^XZ', WINDOWS_RAW_SCRIPT]));
    expect(WINDOWS_RAW_SCRIPT).toContain('pDataType = "RAW"');
  });

  it('PDF: lp on Linux, the PrintTo verb on Windows (fake runner)', async () => {
    const f = fakeRunner();
    await systemPdfTransport('Office', f.run, 'linux').send(Buffer.from('%PDF-1.7'));
    expect(f.calls[0]).toMatchObject({ cmd: 'lp', args: ['-d', 'Office', '-t', 'firstscan-label', '-'], stdin: '%PDF-1.7' });
    await systemPdfTransport("Bob's Laser", f.run, 'win32').send(Buffer.from('%PDF-1.7'));
    expect(f.calls[1].args.join(' ')).toMatch(/-Verb PrintTo -ArgumentList '"Bob''s Laser"'/);
  });
});
