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
  private looking = false;
  private stopped = false;
  /**
   * Opening and closing take turns: the start-up open of a saved serial scale, the retry every few
   * seconds and a person's change on Devices never open the same port at once.
   */
  private turn: Promise<unknown> = Promise.resolve();
  /** The serial scale set up for this station (and its port): opened first, and again after it drops. */
  private serial: { open: () => Promise<ScaleDevice>; port: string } | null = null;
  /** The last thing that went wrong with the scale, shown on the bench. */
  problem: string | null = null;
  constructor(private sources: ScaleSource[]) {}

  private inTurn<T>(f: () => Promise<T>): Promise<T> {
    const run = this.turn.then(f);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /**
   * Use the serial scale a person set up (or none: back to USB HID scales). Opens it now, so a port
   * that cannot be opened is refused at once; the device in use is closed first.
   */
  useSerial(open: (() => Promise<ScaleDevice>) | null, port = ''): Promise<ScaleInfo | null> {
    return this.inTurn(async () => {
      this.serial = open && { open, port };
      const old = this.watch;
      this.watch = null;
      await old?.device.close();
      this.problem = null;
      if (!open || this.stopped) return null;
      try {
        return (await this.keep(await open()))?.device.info ?? null;
      } catch (err) {
        this.problem = this.serialProblem(err);
        throw err;
      }
    });
  }

  /** The serial scale did not open (at start, say, before its USB adapter is in): what to check, and that it is tried again. */
  private serialProblem(err: unknown): string {
    const why = err instanceof Error ? err.message : String(err);
    return `The serial scale on ${this.serial?.port || 'its port'} could not be opened (${why}). Check its cable and that no other program holds the port: the station tries again every few seconds. Devices → Scale changes the port.`;
  }

  /** A device that finished opening: used, unless the station stopped meanwhile (then it is closed, not left open). */
  private async keep(device: ScaleDevice): Promise<ScaleWatch | null> {
    if (!this.stopped) return this.attach(device);
    await device.close();
    return null;
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
      if (this.watch || this.stopped) return;
      if (this.serial) {
        try {
          await this.keep(await this.serial.open());
        } catch (err) {
          this.problem = this.serialProblem(err);
        }
        return;
      }
      try {
        for (const src of this.sources) {
          const [first] = await src.list();
          if (first) {
            await this.keep(await src.open(first));
            break;
          }
        }
      } catch (err) {
        this.problem = `Could not open the scale: ${err instanceof Error ? err.message : String(err)}`;
      }
    };
    const tick = () => {
      if (this.looking || this.watch || this.stopped) return;
      this.looking = true;
      void this.inTurn(look).finally(() => (this.looking = false));
    };
    tick();
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
  }

  /** Stop looking and close the scale; an open still under way closes its device when it finishes. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const w = this.watch;
    this.watch = null;
    await w?.device.close();
  }

  status(): { connected: ScaleInfo | null; reading: ScaleReading | null; problem: string | null } {
    return { connected: this.watch?.device.info ?? null, reading: this.watch?.latest() ?? null, problem: this.problem };
  }

  current(): ScaleWatch | null {
    return this.watch;
  }
}
