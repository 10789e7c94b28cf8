import { EventEmitter } from 'node:events';
import { DeviceAccessError, type OpenScanner, type ScannerDeviceInfo, type ScannerSource } from './source';

/**
 * A scanner source with no hardware behind it, same interface as node-hid's: tests (and the demo)
 * plug and unplug devices and play recorded reports into them.
 */
export class FakeScannerSource implements ScannerSource {
  private readonly present = new Map<string, ScannerDeviceInfo>();
  private readonly open_ = new Map<string, OpenScanner>();
  private readonly denied = new Set<string>();

  constructor(readonly kind: 'hid' | 'serial' = 'hid') {}

  plug(d: Omit<ScannerDeviceInfo, 'kind'>, opts: { denied?: boolean } = {}): void {
    this.present.set(d.key, { ...d, kind: this.kind });
    if (opts.denied) this.denied.add(d.key);
    else this.denied.delete(d.key);
  }

  /** Pull the cable: the open handle errors and closes, as node-hid's does. */
  unplug(key: string): void {
    this.present.delete(key);
    const dev = this.open_.get(key);
    this.open_.delete(key);
    dev?.emit('error', new Error('could not read from HID device'));
    dev?.emit('close');
  }

  /** One report (HID) or chunk (serial), as the device would send it. */
  send(key: string, data: Buffer): boolean {
    const dev = this.open_.get(key);
    if (!dev) return false;
    dev.emit('data', data);
    return true;
  }

  isOpen(key: string): boolean {
    return this.open_.has(key);
  }

  async list(): Promise<ScannerDeviceInfo[]> {
    return [...this.present.values()];
  }

  async open(device: ScannerDeviceInfo): Promise<OpenScanner> {
    if (!this.present.has(device.key)) throw new Error('device not found');
    if (this.denied.has(device.key)) throw new DeviceAccessError(`cannot open device with path ${device.path}`);
    const dev = new EventEmitter() as OpenScanner;
    dev.close = async () => {
      if (this.open_.get(device.key) === dev) this.open_.delete(device.key);
    };
    this.open_.set(device.key, dev);
    return dev;
  }
}
