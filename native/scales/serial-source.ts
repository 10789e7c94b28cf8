import { serialScaleDevice, type RawPort, type ScaleDevice } from './device';
import type { SerialScaleProtocol } from './serial-ascii';

type Binding = import('@serialport/stream').OpenOptions['binding'];

export interface SerialScaleSettings {
  path: string;
  protocol: SerialScaleProtocol;
  baudRate: number;
}

/**
 * A serial scale on a port a person named (nothing tells a scale from a modem on a COM port), through
 * serialport's stream with the given binding: the real one in the console, the mock binding in tests.
 */
export async function openSerialScale(binding: Binding, s: SerialScaleSettings): Promise<ScaleDevice> {
  const { SerialPortStream } = await import('@serialport/stream');
  const port = new SerialPortStream({ binding, path: s.path, baudRate: s.baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  const raw: RawPort = {
    on: (event: 'data' | 'error', fn: (x: Buffer & Error) => void) => port.on(event, fn),
    write: (data: Buffer | number[] | string) =>
      new Promise<void>((resolve) => port.write(typeof data === 'string' ? data : Buffer.from(data), 'latin1', () => resolve())),
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
  return serialScaleDevice({ key: `serial:${s.path}`, kind: 'serial', name: `Serial scale (${s.path}, ${s.protocol})`, path: s.path }, raw, s.protocol);
}
