import { EventEmitter } from 'node:events';
import { hidScaleDevice, serialScaleDevice, type RawPort, type ScaleDevice, type ScaleInfo, type ScaleSource } from './device';
import { RECORDINGS, type Recording } from './recordings';

/**
 * A scale that plays a recorded report sequence through the same decoders as a real device. `play`
 * starts it (again, for the next parcel); `written` keeps what the console sent (zero, tare).
 */
export class FakeScalePort extends EventEmitter implements RawPort {
  readonly written: Array<Buffer | number[] | string> = [];
  private timers: NodeJS.Timeout[] = [];
  constructor(private recording: Recording) {
    super();
  }
  /** Play the frames; with `instant`, all at once (tests, benches). */
  play(recording: Recording = this.recording, instant = false): void {
    this.recording = recording;
    let at = 0;
    for (const f of recording.frames) {
      at += f.afterMs;
      const chunk = typeof f.data === 'string' ? Buffer.from(f.data, 'latin1') : Buffer.from(f.data);
      if (instant) this.emit('data', chunk);
      else this.timers.push(setTimeout(() => this.emit('data', chunk), at));
    }
  }
  write(data: Buffer | number[] | string): void {
    this.written.push(data);
  }
  close(): void {
    this.timers.forEach(clearTimeout);
  }
}

export function openFakeScale(name: keyof typeof RECORDINGS | Recording): { device: ScaleDevice; port: FakeScalePort } {
  const recording = typeof name === 'string' ? RECORDINGS[name] : name;
  if (!recording) throw new Error(`No scale recording "${String(name)}"`);
  const port = new FakeScalePort(recording);
  const info: ScaleInfo = {
    key: `fake:${typeof name === 'string' ? name : 'recording'}`,
    kind: recording.kind,
    name: 'Fake scale (recorded reports)',
    path: 'fake',
  };
  const device = recording.kind === 'hid' ? hidScaleDevice(info, port) : serialScaleDevice(info, port, recording.protocol ?? 'st-gs');
  return { device, port };
}

/** A source with one fake scale, as the console sees real ones; with `repeatMs` the recording plays again and again (a demo bench). */
export function fakeScaleSource(name: keyof typeof RECORDINGS, repeatMs = 0): ScaleSource & { port: FakeScalePort | null } {
  const src = {
    port: null as FakeScalePort | null,
    async list(): Promise<ScaleInfo[]> {
      return [{ key: `fake:${name}`, kind: RECORDINGS[name].kind, name: 'Fake scale (recorded reports)', path: 'fake' }];
    },
    async open(): Promise<ScaleDevice> {
      const { device, port } = openFakeScale(name);
      src.port = port;
      if (repeatMs > 0) {
        port.play();
        const t = setInterval(() => port.play(), repeatMs);
        t.unref();
        device.on('close', () => clearInterval(t));
      }
      return device;
    },
  };
  return src;
}
