import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

type NodeHid = typeof import('node-hid');
type HidDevice = Awaited<ReturnType<NodeHid['devicesAsync']>>[number];

let hidModule: NodeHid | null | undefined;
/** node-hid, loaded on first use and only in the main process; a machine without it just has no HID devices. */
export function nodeHid(): NodeHid | null {
  if (hidModule === undefined) {
    try {
      hidModule = createRequire(import.meta.url)('node-hid') as NodeHid;
    } catch {
      hidModule = null;
    }
  }
  return hidModule;
}

/** The HID devices of one usage page (0x8C scanners, 0x8D scales) that have a path to open. */
export async function hidDevices(usagePage: number): Promise<Array<HidDevice & { path: string }>> {
  const hid = nodeHid();
  if (!hid) return [];
  return (await hid.devicesAsync()).filter((d): d is HidDevice & { path: string } => d.usagePage === usagePage && !!d.path);
}

/** What node-hid's HIDAsync gives (and a test's fake). */
export interface HidHandle {
  on(event: 'data', fn: (b: Buffer) => void): unknown;
  on(event: 'error', fn: (e: unknown) => void): unknown;
  write(data: number[]): Promise<unknown>;
  close(): Promise<unknown>;
}

/**
 * An open HID device: emits 'data' (one report a Buffer), and when it fails (the cable pulled) 'error'
 * then 'close', so the scanner and scale hubs look for it again; `write` sends an output report.
 */
export interface HidPort extends EventEmitter {
  write(data: Buffer | number[] | string): Promise<unknown>;
  close(): Promise<void>;
}

export function hidPort(handle: HidHandle): HidPort {
  const port = new EventEmitter() as HidPort;
  handle.on('data', (b) => port.emit('data', b));
  handle.on('error', (e) => {
    port.emit('error', e);
    port.emit('close');
  });
  port.write = (data) => handle.write(typeof data === 'string' ? [...Buffer.from(data)] : [...data]);
  port.close = async () => {
    await handle.close().catch(() => undefined);
  };
  return port;
}

/** Open a HID device by its path through node-hid. */
export async function openHid(path: string): Promise<HidPort> {
  const hid = nodeHid();
  if (!hid) throw new Error('node-hid is not available in this build');
  return hidPort(await hid.HIDAsync.open(path));
}
