import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakePrinter } from '../../../native/printers/fake9100';
import { PrinterError, sendRaw9100 } from '../../../native/printers/tcp9100';

const label = (n: number) => `^XA^FO50,50^A0N,40,40^FDLabel ${n}^FS^XZ\n`;

let printer: FakePrinter | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await printer?.stop();
  printer = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function rejection(p: Promise<unknown>): Promise<PrinterError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PrinterError);
  return err as PrinterError;
}

describe('sendRaw9100 + FakePrinter', () => {
  it('delivers a job that the fake printer records', async () => {
    printer = new FakePrinter();
    const target = await printer.start();
    const res = await sendRaw9100(target, label(1));
    expect(res.bytes).toBe(Buffer.byteLength(label(1)));
    expect(res.ms).toBeGreaterThanOrEqual(0);
    expect(printer.jobs()).toEqual([label(1)]);
    expect(printer.labels()).toEqual([label(1).trim()]);
  });

  it('splits one job carrying several labels, and sends Buffers and UTF-8 intact', async () => {
    printer = new FakePrinter();
    const target = await printer.start();
    const utf8 = '^XA^CI28^FDZoë Łódź 東京^FS^XZ';
    await sendRaw9100(target, Buffer.from(label(1) + utf8));
    expect(printer.jobs()).toHaveLength(1);
    expect(printer.labels()).toEqual([label(1).trim(), utf8]);
  });

  it('refused -> PrinterError REFUSED with an operator message, and recovers when back online', async () => {
    printer = new FakePrinter({ mode: 'refuse' });
    const target = await printer.start();
    const err = await rejection(sendRaw9100(target, label(1)));
    expect(err.code).toBe('REFUSED');
    expect(err.message).toBe(
      `Printer 127.0.0.1:${target.port} refused the connection — check it is on and online (not paused, no other program holding it), the label will wait in the queue`,
    );
    await printer.setMode('ok');
    await sendRaw9100(target, label(2));
    await printer.setMode('refuse');
    expect((await rejection(sendRaw9100(target, label(3)))).code).toBe('REFUSED');
    expect(printer.labels()).toEqual([label(2).trim()]);
  });

  it('a printer that never confirms -> TIMEOUT, flagged as sent', async () => {
    printer = new FakePrinter({ mode: 'slow', slowMs: 2_000 });
    const target = await printer.start();
    const err = await rejection(sendRaw9100(target, label(1), { idleTimeoutMs: 200 }));
    expect(err.code).toBe('TIMEOUT');
    expect(err.sent).toBe(true);
    expect(err.message).toMatch(/check whether it printed/);
  });

  it('a slow printer within the idle timeout still succeeds', async () => {
    printer = new FakePrinter({ mode: 'slow', slowMs: 150 });
    const target = await printer.start();
    await sendRaw9100(target, label(1), { idleTimeoutMs: 2_000 });
    expect(printer.labels()).toHaveLength(1);
  });

  it('connection dropped mid-job -> RESET', async () => {
    printer = new FakePrinter({ mode: 'close-mid-job' });
    const target = await printer.start();
    const big = label(1).repeat(20_000); // ~800 kB, more than socket buffers hold
    const err = await rejection(sendRaw9100(target, big));
    expect(err.code).toBe('RESET');
    expect(printer.labels()).toEqual([]);
  });

  it('unknown host -> UNREACHABLE', async () => {
    const err = await rejection(sendRaw9100({ host: 'no-such-printer.invalid', port: 9100 }, label(1)));
    expect(err.code).toBe('UNREACHABLE');
    expect(err.message).toMatch(/check the IP address/);
  });

  it('many sequential sends arrive in order and are written as numbered files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fake9100-'));
    dirs.push(dir);
    printer = new FakePrinter({ dir });
    const target = await printer.start();
    for (let i = 1; i <= 50; i++) await sendRaw9100(target, label(i));
    expect(printer.labels()).toEqual(Array.from({ length: 50 }, (_, i) => label(i + 1).trim()));
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(50);
    expect(files[0]).toBe('000001.zpl');
    expect(files[49]).toBe('000050.zpl');
    expect(readFileSync(path.join(dir, '000037.zpl'), 'utf8')).toBe(label(37).trim());
  });

  it('a printer started again on the same directory numbers on: no label file is ever overwritten', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fake9100-'));
    dirs.push(dir);
    printer = new FakePrinter({ dir });
    let target = await printer.start();
    await sendRaw9100(target, label(1));
    await sendRaw9100(target, label(2));
    await printer.stop();
    printer = new FakePrinter({ dir });
    target = await printer.start();
    await sendRaw9100(target, label(3));
    expect(readdirSync(dir).sort()).toEqual(['000001.zpl', '000002.zpl', '000003.zpl']);
    expect(['000001.zpl', '000002.zpl', '000003.zpl'].map((f) => readFileSync(path.join(dir, f), 'utf8'))).toEqual([1, 2, 3].map((n) => label(n).trim()));
  });

  it('refuse really refuses at the TCP level', async () => {
    printer = new FakePrinter();
    const target = await printer.start();
    await printer.setMode('refuse');
    const code = await new Promise<string | undefined>((resolve) => {
      const s = net.connect(target);
      s.on('connect', () => (s.destroy(), resolve('connected')));
      s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code));
    });
    expect(code).toBe('ECONNREFUSED');
  });
});
