import type { EventEmitter } from 'node:events';

/** A scanner the machine can see (HID POS device or serial port). */
export interface ScannerDeviceInfo {
  /** Stable across re-plugs where the device allows: vendor:product:serial, else the path. */
  key: string;
  kind: 'hid' | 'serial';
  path: string;
  name: string;
  vendorId?: number;
  productId?: number;
  serialNumber?: string;
}

/** An opened device: emits 'data' (Buffer: one HID report, or a chunk of serial bytes), 'error' and 'close'. */
export interface OpenScanner extends EventEmitter {
  close(): Promise<void>;
}

/** Where devices come from: node-hid, serialport, or a fake with the same shape in tests. */
export interface ScannerSource {
  kind: 'hid' | 'serial';
  list(): Promise<ScannerDeviceInfo[]>;
  open(device: ScannerDeviceInfo, settings: Record<string, unknown>): Promise<OpenScanner>;
}

/** Thrown by a source when the operating system refuses access (Linux without a udev rule). */
export class DeviceAccessError extends Error {
  override name = 'DeviceAccessError';
}

export const hex4 = (n: number | undefined) => (n ?? 0).toString(16).padStart(4, '0');

export function deviceKey(kind: 'hid' | 'serial', d: { vendorId?: number; productId?: number; serialNumber?: string; path: string }): string {
  if (d.vendorId !== undefined && d.productId !== undefined && d.serialNumber) return `${kind}:${hex4(d.vendorId)}:${hex4(d.productId)}:${d.serialNumber}`;
  return `${kind}:${d.path}`;
}

/**
 * What to tell a person when Linux denies access to a HID scanner: hidraw devices belong to root
 * unless a udev rule opens them to the user who runs the console.
 */
export function udevAdvice(d: { vendorId?: number; productId?: number }): string {
  return (
    `Linux did not let the console read this scanner. Linux only lets the administrator read raw USB scanners unless a rule says otherwise. ` +
    `Ask whoever manages this PC to create the file /etc/udev/rules.d/70-firstscan-scanner.rules containing the line ` +
    `SUBSYSTEM=="hidraw", ATTRS{idVendor}=="${hex4(d.vendorId)}", ATTRS{idProduct}=="${hex4(d.productId)}", MODE="0660", TAG+="uaccess" ` +
    `then run "sudo udevadm control --reload-rules && sudo udevadm trigger" and unplug and replug the scanner.`
  );
}
