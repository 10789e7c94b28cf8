import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemRunner, type CommandRunner } from './command';
import { PrinterError } from './errors';
import { sendRaw9100 } from './tcp9100';

/** How one printer is reached. */
export type TransportSetting =
  | { kind: 'tcp9100'; host: string; port: number }
  | { kind: 'cups'; queue: string }
  | { kind: 'windows-raw'; queue: string }
  | { kind: 'system-pdf'; queue: string };

export interface PrintTransport {
  /** 'raw' bytes (ZPL) go unchanged to the printer; 'pdf' is rendered by the system's spooler. */
  accepts: 'raw' | 'pdf';
  send(data: Buffer): Promise<{ bytes: number; ms: number }>;
}

function commandFailure(what: string, r: { code: number; stderr: string; stdout: string }, next: string): PrinterError {
  const said = (r.stderr || r.stdout).trim().split('\n')[0] ?? '';
  // Nothing reached the printer: a spooler refusal is a clean failure that can be retried.
  return new PrinterError('REFUSED', `${what} failed (exit ${r.code}${said ? `: ${said}` : ''}) — ${next}, the label will wait in the queue`);
}

/** Linux/macOS: a raw CUPS queue, `lp -d <queue> -o raw` with the ZPL on stdin. */
export function cupsRawTransport(queue: string, run: CommandRunner = systemRunner): PrintTransport {
  return {
    accepts: 'raw',
    async send(data) {
      const t0 = performance.now();
      const r = await run('lp', ['-d', queue, '-o', 'raw', '-t', 'firstscan-label'], data).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message }));
      if (r.code !== 0) throw commandFailure(`Printing to CUPS queue "${queue}"`, r, `check the queue with "lpstat -p ${queue}" and that it is a raw queue`);
      return { bytes: data.length, ms: performance.now() - t0 };
    },
  };
}

/**
 * Windows: a RAW spooler job (the bytes go to the printer untouched, as a Zebra driver's
 * "passthrough" would) through winspool's OpenPrinter/StartDocPrinter("RAW")/WritePrinter, called
 * from PowerShell so no native module is needed. Only unit-tested with a fake runner on Linux.
 */
export const WINDOWS_RAW_SCRIPT = `
param([string]$Printer, [string]$File)
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @"
using System; using System.Runtime.InteropServices;
public static class FirstscanRaw {
  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
  public class DOCINFO { public string pDocName; public string pOutputFile; public string pDataType; }
  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)] public static extern bool OpenPrinter(string name, out IntPtr h, IntPtr d);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool ClosePrinter(IntPtr h);
  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)] public static extern int StartDocPrinter(IntPtr h, int level, DOCINFO di);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool EndDocPrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool StartPagePrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool EndPagePrinter(IntPtr h);
  [DllImport("winspool.drv", SetLastError = true)] public static extern bool WritePrinter(IntPtr h, byte[] b, int n, out int written);
  public static int Send(string printer, byte[] bytes) {
    IntPtr h; if (!OpenPrinter(printer, out h, IntPtr.Zero)) return -1;
    try {
      var di = new DOCINFO { pDocName = "Firstscan label", pDataType = "RAW" };
      if (StartDocPrinter(h, 1, di) == 0) return -2;
      StartPagePrinter(h); int w; bool ok = WritePrinter(h, bytes, bytes.Length, out w); EndPagePrinter(h); EndDocPrinter(h);
      return ok && w == bytes.Length ? 0 : -3;
    } finally { ClosePrinter(h); }
  }
}
"@
$r = [FirstscanRaw]::Send($Printer, [System.IO.File]::ReadAllBytes($File))
if ($r -ne 0) { [Console]::Error.WriteLine("winspool error $r (" + [Runtime.InteropServices.Marshal]::GetLastWin32Error() + ")"); exit 1 }
`;

function withTempFile<T>(name: string, data: Buffer | string, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fs-print-'));
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return fn(file).finally(() => rmSync(dir, { recursive: true, force: true }));
}

export function windowsRawTransport(queue: string, run: CommandRunner = systemRunner): PrintTransport {
  return {
    accepts: 'raw',
    async send(data) {
      const t0 = performance.now();
      const r = await withTempFile('label.zpl', data, (file) =>
        withTempFile('raw.ps1', WINDOWS_RAW_SCRIPT, (script) =>
          run('powershell.exe', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script, '-Printer', queue, '-File', file]),
        ),
      ).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message }));
      if (r.code !== 0)
        throw commandFailure(`Printing to Windows printer "${queue}"`, r, 'check the printer name in Devices matches Windows "Printers & scanners" exactly');
      return { bytes: data.length, ms: performance.now() - t0 };
    },
  };
}

/**
 * A PDF to any printer through the system print command: `lp -d <queue>` on Linux/macOS; on
 * Windows the PDF viewer's "PrintTo" verb (needs a PDF app registered for it). Electron's silent
 * print would be used where the console runs inside Electron's shell; this is the fallback.
 */
/** Set by the Electron shell at boot: prints a PDF silently to a named printer. */
export type SilentPdfPrinter = (queue: string, pdf: Buffer) => Promise<void>;
let silentPdf: SilentPdfPrinter | null = null;
export function useSilentPdfPrinter(fn: SilentPdfPrinter | null): void {
  silentPdf = fn;
}

export function systemPdfTransport(queue: string, run: CommandRunner = systemRunner, platform: NodeJS.Platform = process.platform): PrintTransport {
  return {
    accepts: 'pdf',
    async send(data) {
      const t0 = performance.now();
      if (silentPdf) {
        try {
          await silentPdf(queue, data);
        } catch (e) {
          throw new PrinterError(
            'REFUSED',
            `Printing the PDF label to "${queue}" failed (${(e as Error).message}) — check the printer is installed and online, the label will wait in the queue`,
          );
        }
        return { bytes: data.length, ms: performance.now() - t0 };
      }
      const r =
        platform === 'win32'
          ? await withTempFile('label.pdf', data, (file) =>
              run('powershell.exe', [
                '-NoProfile',
                '-NonInteractive',
                '-Command',
                `Start-Process -FilePath '${file.replace(/'/g, "''")}' -Verb PrintTo -ArgumentList '"${queue.replace(/'/g, "''")}"' -Wait`,
              ]),
            ).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message }))
          : await run('lp', ['-d', queue, '-t', 'firstscan-label', '-'], data).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message }));
      if (r.code !== 0) throw commandFailure(`Printing the PDF label to "${queue}"`, r, 'check the printer is installed and online');
      return { bytes: data.length, ms: performance.now() - t0 };
    },
  };
}

export function tcp9100Transport(host: string, port: number, opts?: { connectTimeoutMs?: number; idleTimeoutMs?: number }): PrintTransport {
  return { accepts: 'raw', send: (data) => sendRaw9100({ host, port }, data, opts) };
}

export function transportFor(t: TransportSetting, run: CommandRunner = systemRunner): PrintTransport {
  switch (t.kind) {
    case 'tcp9100':
      return tcp9100Transport(t.host, t.port);
    case 'cups':
      return cupsRawTransport(t.queue, run);
    case 'windows-raw':
      return windowsRawTransport(t.queue, run);
    case 'system-pdf':
      return systemPdfTransport(t.queue, run);
  }
}
