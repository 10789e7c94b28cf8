import { existsSync, linkSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { formatHostStatus, type HostStatus } from './status';

export type FakePrinterMode = 'ok' | 'refuse' | 'slow' | 'close-mid-job' | 'hang';

/** What the fake printer reports in ~HS; while any is set, labels wait in its buffer (as on a Zebra). */
export type FakePrinterStatus = Pick<HostStatus, 'paperOut' | 'ribbonOut' | 'headOpen' | 'paused'>;
const READY: FakePrinterStatus = { paperOut: false, ribbonOut: false, headOpen: false, paused: false };

export interface FakePrinterOptions {
  mode?: FakePrinterMode;
  /** Port to listen on; 0 (default) picks a free one, kept across refuse/ok switches. */
  port?: number;
  /** If set, every complete label (^XA..^XZ) is also written here as NNNNNN.zpl, numbered on from the files already there. */
  dir?: string;
  /** 'slow' mode: how long the printer sits on a job before reading it and closing. */
  slowMs?: number;
  /** A label could not be filed (a full disk): the printer keeps working. */
  onError?: (err: unknown) => void;
}

/** ^XA ... ^XZ blocks in arrival order (anything outside, or unterminated, is not a label). */
export function splitLabels(data: string): string[] {
  return data.match(/\^XA[\s\S]*?\^XZ/g) ?? [];
}

/**
 * A raw 9100 printer for tests and demos: a real TCP server on 127.0.0.1. One connection is
 * one job (jobs()); the labels in it are split on ^XA..^XZ (labels()) and, given a directory,
 * written atomically as 000001.zpl, 000002.zpl, ... so another process can count them (a printer
 * started again on the same directory numbers on after the last file; none is ever overwritten).
 *
 * Modes: 'ok' reads and closes on EOF; 'refuse' stops listening so connects get ECONNREFUSED;
 * 'slow' waits slowMs before reading and closing; 'close-mid-job' resets the connection after
 * the first bytes (the partial job is recorded in jobs(), but it holds no complete label);
 * 'hang' reads and prints the job but never closes (the sender cannot know it printed).
 *
 * ~HS is answered at once on any connection with the status set by setStatus(); such a status
 * query is not a job. While paper/ribbon is out, the head is open or the printer is paused, labels
 * are kept in its buffer and come out, in order, when the status is cleared.
 *
 * Started printers are found by port with FakePrinter.onPort() (the demo's test-only channel).
 */
export class FakePrinter {
  private static readonly started = new Map<number, FakePrinter>();
  static onPort(port: number): FakePrinter | undefined {
    return FakePrinter.started.get(port);
  }

  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private readonly received: Array<string | null> = [];
  private readonly printed: string[] = [];
  private readonly buffered: string[] = [];
  private mode: FakePrinterMode;
  private port: number;
  private status: FakePrinterStatus = { ...READY };

  constructor(private readonly opts: FakePrinterOptions = {}) {
    this.mode = opts.mode ?? 'ok';
    this.port = opts.port ?? 0;
    if (opts.dir) mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  }

  async start(): Promise<{ host: string; port: number }> {
    if (this.mode !== 'refuse') await this.listen();
    else if (this.port === 0) {
      // Reserve a port number so callers get a stable address, then stop listening.
      await this.listen();
      await this.closeServer();
    }
    FakePrinter.started.set(this.port, this);
    return { host: '127.0.0.1', port: this.port };
  }

  async stop(): Promise<void> {
    if (FakePrinter.started.get(this.port) === this) FakePrinter.started.delete(this.port);
    for (const s of this.sockets) s.destroy();
    await this.closeServer();
  }

  getMode(): FakePrinterMode {
    return this.mode;
  }

  getStatus(): FakePrinterStatus {
    return { ...this.status };
  }

  /** Labels received while the printer could not print. */
  waiting(): number {
    return this.buffered.length;
  }

  setStatus(status: Partial<FakePrinterStatus>): void {
    this.status = { ...this.status, ...status };
    if (!this.blocked()) for (const label of this.buffered.splice(0)) this.record(label);
  }

  private blocked(): boolean {
    const s = this.status;
    return s.paperOut || s.ribbonOut || s.headOpen || s.paused;
  }

  async setMode(mode: FakePrinterMode): Promise<void> {
    this.mode = mode;
    if (mode === 'refuse') await this.closeServer();
    else if (!this.server) await this.listen();
  }

  jobs(): string[] {
    return this.received.filter((j): j is string => j !== null);
  }

  labels(): string[] {
    return [...this.printed];
  }

  private listen(): Promise<void> {
    const server = net.createServer({ allowHalfOpen: true }, (socket) => this.accept(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: this.port }, () => {
        server.off('error', reject);
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  private closeServer(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const mode = this.mode;
    const chunks: Buffer[] = [];
    let index = -1;

    if (mode === 'close-mid-job') {
      socket.once('data', (chunk: Buffer) => {
        this.received.push(chunk.subarray(0, Math.ceil(chunk.length / 2)).toString('utf8'));
        socket.resetAndDestroy();
      });
      return;
    }
    // Reserve the job's slot at connect time so jobs are recorded in connection order.
    index = this.received.push('') - 1;
    let answered = 0;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const asked = (Buffer.concat(chunks).toString('latin1').match(/~HS/g) ?? []).length;
      for (; answered < asked; answered++) socket.write(formatHostStatus({ ...this.status, formatsInBuffer: this.buffered.length }));
    });
    socket.on('end', () => {
      // Close first, as a printer acknowledges the whole job, then file the labels.
      if (mode !== 'hang') socket.end();
      const job = Buffer.concat(chunks).toString('utf8');
      const rest = job.replace(/~HS\r?\n?/g, '');
      this.received[index] = answered && !rest.trim() ? null : job;
      for (const label of splitLabels(job)) {
        if (this.blocked()) this.buffered.push(label);
        else this.record(label);
      }
    });
    socket.on('close', () => {
      if (this.received[index] === '' && answered) this.received[index] = null;
    });
    if (mode === 'slow') {
      socket.pause();
      setTimeout(() => socket.resume(), this.opts.slowMs ?? 2_000).unref();
    }
  }

  /** The number of the next label file: after the highest already in the directory (a restart goes on, never over). */
  private nextFile: number | undefined;

  private record(label: string): void {
    this.printed.push(label);
    const dir = this.opts.dir;
    if (!dir) return;
    // A label carries a name, an address and a phone: for this user only. A full disk (ENOSPC) loses
    // the file, never the process: the label stays in labels() and the error is reported.
    try {
      if (this.nextFile === undefined) {
        mkdirSync(dir, { recursive: true });
        const taken = readdirSync(dir)
          .map((f) => /^(\d+)\.zpl$/.exec(f)?.[1])
          .filter((n): n is string => !!n)
          .map(Number);
        this.nextFile = taken.length ? Math.max(...taken) + 1 : 1;
      }
      const tmp = path.join(dir, `.label-${process.pid}.tmp`);
      writeFileSync(tmp, label, { mode: 0o600 });
      // A hard link never replaces an existing file: a name taken meanwhile moves on to the next one.
      for (;;) {
        const file = path.join(dir, `${String(this.nextFile++).padStart(6, '0')}.zpl`);
        if (existsSync(file)) continue;
        try {
          linkSync(tmp, file);
          break;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
      }
      unlinkSync(tmp);
    } catch (err) {
      this.opts.onError?.(err);
    }
  }
}
