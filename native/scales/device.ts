import { EventEmitter } from 'node:events';
import { decodeHidScaleReport, TARE_REPORT, ZERO_REPORT } from './hid-report';
import { LineSplitter, parseSerialScaleLine, SERIAL_COMMANDS, type SerialScaleProtocol } from './serial-ascii';
import type { ScaleReading } from './reading';

export interface ScaleInfo {
  key: string;
  kind: 'hid' | 'serial';
  name: string;
  path: string;
}

/** An open scale, HID or serial, behind one interface: emits 'reading' (ScaleReading), 'error' and 'close'. */
export interface ScaleDevice extends EventEmitter {
  readonly info: ScaleInfo;
  zero(): Promise<void>;
  tare(): Promise<void>;
  close(): Promise<void>;
}

/** Where scales come from: node-hid, a serial port, or the fake with recorded reports. */
export interface ScaleSource {
  list(): Promise<ScaleInfo[]>;
  open(info: ScaleInfo): Promise<ScaleDevice>;
}

/** The raw side of a device: what node-hid's HIDAsync, a SerialPort, or the fake's player gives. */
export interface RawPort {
  on(event: 'data', fn: (b: Buffer) => void): unknown;
  on(event: 'error', fn: (e: unknown) => void): unknown;
  write(data: Buffer | number[] | string): Promise<unknown> | unknown;
  close(): Promise<unknown> | unknown;
}

function device(info: ScaleInfo, port: RawPort, decode: (b: Buffer) => ScaleReading[], cmd: { zero: () => unknown; tare: () => unknown }): ScaleDevice {
  const dev = new EventEmitter() as ScaleDevice;
  Object.defineProperty(dev, 'info', { value: info });
  port.on('data', (b) => {
    for (const r of decode(b)) dev.emit('reading', r);
  });
  port.on('error', (e) => {
    dev.emit('error', e);
    dev.emit('close');
  });
  dev.zero = async () => void (await cmd.zero());
  dev.tare = async () => void (await cmd.tare());
  dev.close = async () => {
    await Promise.resolve(port.close()).catch(() => undefined);
    dev.emit('close');
  };
  return dev;
}

/** A USB HID POS scale: each input report is one reading; zero and tare go out as the Scale Control report. */
export function hidScaleDevice(info: ScaleInfo, port: RawPort): ScaleDevice {
  return device(
    info,
    port,
    (b) => {
      const r = decodeHidScaleReport(b);
      return r ? [r] : [];
    },
    { zero: () => port.write([...ZERO_REPORT]), tare: () => port.write([...TARE_REPORT]) },
  );
}

/** A serial scale streaming ASCII lines in one of the common protocols; asked for a weight every `pollMs` when it does not stream. */
export function serialScaleDevice(info: ScaleInfo, port: RawPort, protocol: SerialScaleProtocol): ScaleDevice {
  const lines = new LineSplitter();
  return device(
    info,
    port,
    (b) =>
      lines
        .push(b.toString('latin1'))
        .map((l) => parseSerialScaleLine(l, protocol))
        .filter((r): r is ScaleReading => r !== null),
    { zero: () => port.write(SERIAL_COMMANDS[protocol].zero), tare: () => port.write(SERIAL_COMMANDS[protocol].tare) },
  );
}
