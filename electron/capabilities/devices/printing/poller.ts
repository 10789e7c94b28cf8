import type { PrinterHealthData } from '../../../../db/devices/events';
import { problemsOf, queryHostStatus, type HostStatus } from '../../../../native/printers/status';
import type { ServiceContext } from '../../../core/context';
import { printerSetup } from './setup';

export type StatusQuery = (target: { host: string; port: number }) => Promise<HostStatus>;

/**
 * Asks every ZPL printer on 9100 for ~HS every few seconds and records a change of health as an
 * event. A printer-reported problem (paper/ribbon out, head open, paused) holds its queue; "ok"
 * releases it at once, so the queue resumes by itself when the roll is changed.
 */
export class HealthPoller {
  private timer: NodeJS.Timeout | null = null;
  private running = new Map<string, Promise<void>>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly opts: { intervalMs?: number; query?: StatusQuery } = {},
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.pollAll(), this.opts.intervalMs ?? 3_000);
    this.timer.unref?.();
    void this.pollAll();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.running.values()]);
  }

  async pollAll(): Promise<void> {
    await Promise.allSettled(this.ctx.store.read.settings.printers().map((p) => this.poll(p.id)));
  }

  /** Check one printer now (after a failed send, or from the test channel). Concurrent calls share one check. */
  poll(printerId: string): Promise<void> {
    let p = this.running.get(printerId);
    if (!p) {
      p = this.check(printerId).finally(() => this.running.delete(printerId));
      this.running.set(printerId, p);
    }
    return p;
  }

  private async check(printerId: string): Promise<void> {
    const printer = this.ctx.store.read.settings.printer(printerId);
    if (!printer || !printerSetup(this.ctx, printer).statusCheck) return;
    let health: PrinterHealthData;
    let problems: string[] = [];
    let note: string | undefined;
    try {
      const s = await (this.opts.query ?? queryHostStatus)({ host: printer.host, port: printer.port });
      problems = problemsOf(s);
      health = problems.length ? 'problem' : 'ok';
    } catch (err) {
      health = 'unreachable';
      note = err instanceof Error ? err.message : String(err);
    }
    const now = this.ctx.store.read.devices.state(printerId);
    if (now.health === health && JSON.stringify(now.problems) === JSON.stringify(problems)) return;
    this.ctx.store.write('printer', this.ctx.clock.now(), (emit) =>
      emit({ type: 'printer.health_changed', subject: printerId, payload: note ? { printerId, health, problems, note } : { printerId, health, problems } }),
    );
  }
}
