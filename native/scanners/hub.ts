import { HidPosDecoder, defaultHidPosLayout, type HidPosLayout } from './hid-pos';
import { SerialFramer, defaultSerialSettings, type SerialSettings } from './serial';
import { DeviceAccessError, udevAdvice, type OpenScanner, type ScannerDeviceInfo, type ScannerSource } from './source';

export type ScannerRole = 'pick' | 'dispatch' | 'off';

/** What a person set for one device (persisted by the caller). */
export interface ScannerConfig {
  role: ScannerRole;
  name?: string;
  serial?: Partial<SerialSettings>;
  hidLayout?: Partial<HidPosLayout>;
}

export type ScannerState = 'ready' | 'opening' | 'detached' | 'denied' | 'error' | 'off' | 'not-set-up';

export interface ScannerStatus {
  key: string;
  kind: 'hid' | 'serial';
  name: string;
  path: string;
  role: ScannerRole;
  state: ScannerState;
  lastScan: { code: string; symbology?: string; at: string } | null;
  scans: number;
  error: string | null;
  /** What the person should do about `error`/`state`, in plain words. */
  advice: string | null;
}

export interface HubScan {
  code: string;
  symbology?: string;
  device: string;
  role: ScannerRole;
}

interface Live {
  info: ScannerDeviceInfo;
  status: ScannerStatus;
  dev?: OpenScanner;
  hid?: HidPosDecoder;
  serial?: SerialFramer;
}

/**
 * Every HID and serial scanner of the machine: lists the sources again every pollMs to see devices
 * come and go (hot-plug), opens the ones that have a role, decodes their data into whole codes, and
 * hands each code to onScan exactly once. HID POS devices work as soon as they are plugged in (role
 * 'pick' unless set otherwise); a serial port is opened only once a person gives it a role.
 */
export class ScannerHub {
  private readonly live = new Map<string, Live>();
  private timer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;

  constructor(
    private readonly sources: ScannerSource[],
    private readonly config: (key: string, kind: 'hid' | 'serial') => ScannerConfig | undefined,
    private readonly onScan: (scan: HubScan) => void,
    private readonly opts: { now?: () => Date; onChange?: () => void; pollMs?: number } = {},
  ) {}

  start(): void {
    void this.poll();
    this.timer = setInterval(() => void this.poll(), this.opts.pollMs ?? 1_500);
    this.timer.unref?.();
    this.idleTimer = setInterval(() => this.tick(), 20);
    this.idleTimer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.timer = this.idleTimer = null;
    await this.polling;
    for (const l of this.live.values()) await this.closeDevice(l);
  }

  list(): ScannerStatus[] {
    return [...this.live.values()].map((l) => ({ ...l.status }));
  }

  /** List the sources now; attach new devices, mark missing ones detached. Calls never overlap. */
  poll(): Promise<void> {
    this.polling ??= this.pollOnce().finally(() => (this.polling = null));
    return this.polling;
  }

  /** A setting changed: reopen the device with it. */
  async reconfigure(key: string): Promise<void> {
    const l = this.live.get(key);
    if (!l) return;
    await this.closeDevice(l);
    if (l.status.state !== 'detached') await this.attach(l.info, l);
  }

  /** Serial framers with suffix 'none' end a code after a pause. */
  tick(now = Date.now()): void {
    for (const l of this.live.values()) {
      const scan = l.serial?.tick(now);
      if (scan) this.deliver(l, scan);
    }
  }

  private async pollOnce(): Promise<void> {
    const present = new Set<string>();
    for (const source of this.sources) {
      let devices: ScannerDeviceInfo[];
      try {
        devices = await source.list();
      } catch {
        continue;
      }
      for (const d of devices) {
        present.add(d.key);
        const l = this.live.get(d.key);
        if (!l) await this.attach(d);
        else if (l.status.state === 'detached' || l.info.path !== d.path) {
          l.info = d;
          await this.attach(d, l);
        }
      }
    }
    for (const l of this.live.values())
      if (!present.has(l.info.key) && l.status.state !== 'detached') {
        await this.closeDevice(l);
        this.detached(l);
      }
  }

  private async attach(info: ScannerDeviceInfo, existing?: Live): Promise<void> {
    const cfg = this.config(info.key, info.kind);
    const role: ScannerRole = cfg?.role ?? (info.kind === 'hid' ? 'pick' : 'off');
    const l: Live = existing ?? {
      info,
      status: { key: info.key, kind: info.kind, name: info.name, path: info.path, role, state: 'opening', lastScan: null, scans: 0, error: null, advice: null },
    };
    l.info = info;
    l.status.path = info.path;
    l.status.role = role;
    l.status.name = cfg?.name ?? info.name;
    this.live.set(info.key, l);
    if (info.kind === 'serial' && !cfg) {
      l.status.state = 'not-set-up';
      l.status.advice = 'A serial port. If a scanner is on it, give it a role and its baud rate, suffix and parity from the scanner manual.';
      return this.changed();
    }
    if (role === 'off') {
      l.status.state = 'off';
      l.status.advice = null;
      return this.changed();
    }
    const source = this.sources.find((s) => s.kind === info.kind)!;
    l.status.state = 'opening';
    try {
      const dev = await source.open(info, info.kind === 'serial' ? { ...defaultSerialSettings, ...cfg?.serial } : {});
      l.dev = dev;
      if (info.kind === 'hid') l.hid = new HidPosDecoder({ ...defaultHidPosLayout, ...cfg?.hidLayout });
      else l.serial = new SerialFramer({ ...defaultSerialSettings, ...cfg?.serial });
      dev.on('data', (b: Buffer) => this.onData(l, dev, b));
      dev.on('error', (e: unknown) => {
        l.status.error = `Device error: ${e instanceof Error ? e.message : String(e)}`;
        this.changed();
      });
      dev.on('close', () => {
        if (l.dev !== dev) return;
        l.dev = undefined;
        l.hid?.reset();
        this.detached(l);
      });
      l.status.state = 'ready';
      l.status.error = null;
      l.status.advice = null;
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      if (err instanceof DeviceAccessError) {
        l.status.state = 'denied';
        l.status.error = `Access denied: ${msg}`;
        l.status.advice = udevAdvice(info);
      } else {
        l.status.state = 'error';
        l.status.error = `Could not open: ${msg}`;
        l.status.advice =
          info.kind === 'serial'
            ? 'Close any other program using this port (a terminal, the scanner vendor tool), then replug.'
            : 'Replug the scanner; if it repeats, try another USB port.';
      }
    }
    this.changed();
  }

  private onData(l: Live, dev: OpenScanner, b: Buffer): void {
    if (l.dev !== dev) return;
    if (l.hid) {
      const r = l.hid.feed(b);
      if (r.error) {
        l.status.error = r.error;
        this.changed();
      }
      if (r.scan) this.deliver(l, r.scan);
    } else if (l.serial) for (const scan of l.serial.feed(b, Date.now())) this.deliver(l, scan);
  }

  private detached(l: Live): void {
    l.status.state = 'detached';
    l.status.advice = 'Unplugged. Plug it back in: it is picked up again within two seconds, no restart needed.';
    this.changed();
  }

  private deliver(l: Live, scan: { code: string; symbology?: string }): void {
    const at = (this.opts.now?.() ?? new Date()).toISOString();
    l.status.lastScan = { ...scan, at };
    l.status.scans++;
    this.onScan({ ...scan, device: l.info.key, role: l.status.role });
    this.changed();
  }

  private async closeDevice(l: Live): Promise<void> {
    const dev = l.dev;
    l.dev = undefined;
    l.hid?.reset();
    if (dev) await dev.close().catch(() => undefined);
  }

  private changed(): void {
    this.opts.onChange?.();
  }
}
