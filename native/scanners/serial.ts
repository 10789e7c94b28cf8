import { EventEmitter } from 'node:events';
import { stripAim } from './aim';
import { deviceKey, type OpenScanner, type ScannerSource } from './source';

/** Per-device settings of a serial or USB-CDC (virtual COM port) scanner. */
export interface SerialSettings {
  baudRate: number;
  dataBits: 7 | 8;
  parity: 'none' | 'even' | 'odd';
  stopBits: 1 | 2;
  /** What ends a code. 'none': a pause of idleMs ends it. */
  suffix: 'CR' | 'LF' | 'CRLF' | 'none';
  idleMs: number;
  prefix: string;
}

export const defaultSerialSettings: SerialSettings = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, suffix: 'CR', idleMs: 50, prefix: '' };

/**
 * Cuts a serial byte stream into codes. A CRLF suffix also accepts a bare CR or LF (and never makes
 * an empty code out of the LF after a CR). With suffix 'none', tick() ends a code after idleMs.
 */
export class SerialFramer {
  private buf = '';
  private last = 0;

  constructor(private readonly s: SerialSettings) {}

  feed(chunk: Buffer, now: number): Array<{ code: string; symbology?: string }> {
    this.buf += chunk.toString('latin1');
    this.last = now;
    const out: Array<{ code: string; symbology?: string }> = [];
    if (this.s.suffix === 'none') return out;
    const re = this.s.suffix === 'CR' ? /\r/ : this.s.suffix === 'LF' ? /\n/ : /\r\n?|\n/;
    for (;;) {
      const m = re.exec(this.buf);
      if (!m) break;
      const raw = this.buf.slice(0, m.index);
      this.buf = this.buf.slice(m.index + m[0].length);
      const scan = this.toScan(raw);
      if (scan) out.push(scan);
    }
    return out;
  }

  tick(now: number): { code: string; symbology?: string } | undefined {
    if (this.s.suffix !== 'none' || !this.buf || now - this.last < this.s.idleMs) return undefined;
    const raw = this.buf;
    this.buf = '';
    return this.toScan(raw);
  }

  private toScan(raw: string) {
    const clean = raw.replace(/^[\r\n]+/, '');
    if (!clean || !clean.startsWith(this.s.prefix)) return undefined;
    const { code, symbology } = stripAim(clean.slice(this.s.prefix.length));
    if (!code) return undefined;
    return symbology ? { code, symbology } : { code };
  }
}

type Binding = import('@serialport/stream').OpenOptions['binding'];

/**
 * Serial ports through serialport's stream with a given binding: the real one in the console,
 * `@serialport/binding-mock` in tests. Every port is listed; only ports a person set up are opened
 * (nothing tells a scanner from a modem on a COM port).
 */
type PortInfo = { path: string; manufacturer?: string; serialNumber?: string; vendorId?: string; productId?: string };

export function serialSource(binding: Binding, listPorts: () => Promise<PortInfo[]> = () => binding.list()): ScannerSource {
  return {
    kind: 'serial',
    async list() {
      const ports = await listPorts();
      return ports.map((p) => {
        const vendorId = p.vendorId ? parseInt(p.vendorId, 16) : undefined;
        const productId = p.productId ? parseInt(p.productId, 16) : undefined;
        return {
          key: deviceKey('serial', { vendorId, productId, serialNumber: p.serialNumber, path: p.path }),
          kind: 'serial' as const,
          path: p.path,
          name: p.manufacturer ? `${p.manufacturer} (${p.path})` : p.path,
          vendorId,
          productId,
          serialNumber: p.serialNumber,
        };
      });
    },
    async open(device, settings) {
      const s = { ...defaultSerialSettings, ...(settings as Partial<SerialSettings>) };
      const { SerialPortStream } = await import('@serialport/stream');
      const port = new SerialPortStream({
        binding,
        path: device.path,
        baudRate: s.baudRate,
        dataBits: s.dataBits,
        parity: s.parity,
        stopBits: s.stopBits,
        autoOpen: false,
      });
      await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
      const dev = new EventEmitter() as OpenScanner & { port: typeof port };
      dev.port = port;
      port.on('data', (b: Buffer) => dev.emit('data', b));
      port.on('error', (e) => dev.emit('error', e));
      port.on('close', () => dev.emit('close'));
      dev.close = () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
      return dev;
    },
  };
}

/**
 * USB serial / CDC ports on Linux from /dev and /sys. serialport's own Linux listing blocks the
 * main process for a long moment (~0.2 s here), too long to repeat every poll on a pick station;
 * legacy ttyS ports are left out (a scanner there is set up by path).
 */
export async function linuxUsbSerialPorts(): Promise<PortInfo[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const names = (await readdir('/dev').catch(() => [] as string[])).filter((n) => /^tty(ACM|USB)\d+$/.test(n));
  const read = (p: string) =>
    readFile(p, 'utf8').then(
      (t) => t.trim(),
      () => undefined,
    );
  return Promise.all(
    names.map(async (n) => {
      let dir = `/sys/class/tty/${n}/device`;
      for (let up = 0; up < 3 && !(await read(`${dir}/idVendor`)); up++) dir += '/..';
      return {
        path: `/dev/${n}`,
        vendorId: await read(`${dir}/idVendor`),
        productId: await read(`${dir}/idProduct`),
        serialNumber: await read(`${dir}/serial`),
        manufacturer: await read(`${dir}/manufacturer`),
      };
    }),
  );
}

/** The machine's serial binding (loaded lazily: main process only). */
export async function systemSerialBinding(): Promise<Binding | null> {
  try {
    const { autoDetect } = await import('@serialport/bindings-cpp');
    return autoDetect();
  } catch {
    return null;
  }
}
