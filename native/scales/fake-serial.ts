import { SerialPortMock } from 'serialport';
import type { openSerialScale } from './serial-source';
import { RECORDINGS } from './recordings';

type Binding = Parameters<typeof openSerialScale>[0];

/** The port the fake serial scale answers on. */
export const FAKE_SERIAL_SCALE_PATH = '/dev/ttyFAKE-SCALE';

/**
 * A serial binding with one fake scale port (serialport's own mock binding) that plays a recorded
 * serial sequence each time it is opened, and again every `repeatMs` (a demo bench). Any other
 * path fails to open as a missing port does, so the console's refusal can be seen and tested.
 */
export function fakeSerialScaleBinding(name: keyof typeof RECORDINGS, repeatMs = 1000): Binding {
  const recording = RECORDINGS[name];
  if (!recording || recording.kind !== 'serial') throw new Error(`"${String(name)}" is not a serial scale recording`);
  const mock = SerialPortMock.binding;
  mock.createPort(FAKE_SERIAL_SCALE_PATH, { echo: false, record: true, manufacturer: 'Fake scale (recorded lines)' });
  const binding: typeof mock = {
    ...mock,
    list: () => mock.list(),
    async open(options: Parameters<typeof mock.open>[0]) {
      // As the real binding answers a port that is not there.
      if (options.path !== FAKE_SERIAL_SCALE_PATH) throw new Error(`Error: No such file or directory, cannot open ${options.path}`);
      const port = await mock.open(options);
      const play = () => {
        let at = 0;
        for (const f of recording.frames) {
          at += f.afterMs;
          setTimeout(() => port.isOpen && port.emitData(typeof f.data === 'string' ? f.data : Buffer.from(f.data)), at).unref();
        }
      };
      play();
      if (repeatMs > 0) {
        const t = setInterval(() => (port.isOpen ? play() : clearInterval(t)), repeatMs);
        t.unref();
      }
      return port;
    },
  };
  return binding;
}
