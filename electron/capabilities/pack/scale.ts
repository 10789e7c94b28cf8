import type { ScaleDevice, ScaleInfo, ScaleSource } from '../../../native/scales/device';
import { ScaleWatch } from '../../../native/scales/watch';
import type { ScaleReading } from '../../../native/scales/reading';

/**
 * The bench's scale: the first USB HID scale (or the serial / fake one the app was given), looked for
 * again every few seconds so a scale plugged in mid-shift is found. One per station.
 */
export class ScaleHub {
  private watch: ScaleWatch | null = null;
  private timer: NodeJS.Timeout | null = null;
  private opening = false;
  /** The serial scale set up for this station (and its port): opened first, and again after it drops. */
  private serial: { open: () => Promise<ScaleDevice>; port: string } | null = null;
  /** The last thing that went wrong with the scale, shown on the bench. */
  problem: string | null = null;
  constructor(private sources: ScaleSource[]) {}

  /**
   * Use the serial scale a person set up (or none: back to USB HID scales). Opens it now, so a port
   * that cannot be opened is refused at once; the device in use is closed first.
   */
  async useSerial(open: (() => Promise<ScaleDevice>) | null, port = ''): Promise<ScaleInfo | null> {
    this.serial = open && { open, port };
    const old = this.watch;
    this.watch = null;
    await old?.device.close();
    this.problem = null;
    if (!open) return null;
    try {
      return this.attach(await open()).device.info;
    } catch (err) {
      this.problem = this.serialProblem(err);
      throw err;
    }
  }

  /** The serial scale did not open (at start, say, before its USB adapter is in): what to check, and that it is tried again. */
  private serialProblem(err: unknown): string {
    const why = err instanceof Error ? err.message : String(err);
    return `The serial scale on ${this.serial?.port || 'its port'} could not be opened (${why}). Check its cable and that no other program holds the port: the station tries again every few seconds. Devices → Scale changes the port.`;
  }

  /** Use this device now (the serial scale, the fake one, a test's). */
  attach(device: ScaleDevice): ScaleWatch {
    this.watch = new ScaleWatch(device);
    device.on('close', () => {
      if (this.watch?.device === device) this.watch = null;
    });
    device.on('error', (e: unknown) => (this.problem = `${device.info.name}: ${e instanceof Error ? e.message : String(e)}`));
    this.problem = null;
    return this.watch;
  }

  start(everyMs = 3000): void {
    const look = async () => {
      if (this.watch || this.opening) return;
      this.opening = true;
      try {
        if (this.serial) {
          try {
            this.attach(await this.serial.open());
          } catch (err) {
            this.problem = this.serialProblem(err);
          }
          return;
        }
        for (const src of this.sources) {
          const [first] = await src.list();
          if (first) {
            this.attach(await src.open(first));
            break;
          }
        }
      } catch (err) {
        this.problem = `Could not open the scale: ${err instanceof Error ? err.message : String(err)}`;
      } finally {
        this.opening = false;
      }
    };
    void look();
    this.timer = setInterval(() => void look(), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.watch?.device.close();
    this.watch = null;
  }

  status(): { connected: ScaleInfo | null; reading: ScaleReading | null; problem: string | null } {
    return { connected: this.watch?.device.info ?? null, reading: this.watch?.latest() ?? null, problem: this.problem };
  }

  current(): ScaleWatch | null {
    return this.watch;
  }
}
