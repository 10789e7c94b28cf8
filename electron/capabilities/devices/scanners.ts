import type { ScannerConfigData } from '../../../db/devices/events';
import { ScannerHub, type HubScan, type ScannerStatus } from '../../../native/scanners/hub';
import type { ScannerSource } from '../../../native/scanners/source';
import { notFound } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';

/**
 * HID POS and serial scanners, in the main process only (node-hid and serialport never load in the
 * renderer).
 *
 * Delivery: every scan is pushed to the screens as `scanner.scan` ({code, symbology, device, role}),
 * and the Pick screen's useScanner hands it to the same submit() as a keyboard-wedge scan. Chosen
 * over calling pick.scan from here because the screen owns the pick flow's state: it shows the
 * verdict, plays the pass/fail sound and blocks a second scan while one is in flight — a scan
 * with no station screen open must not issue a tracking number nobody sees. The Devices self-test
 * listens to the same push.
 */
export class ScannerService {
  readonly hub: ScannerHub;

  constructor(
    private readonly ctx: ServiceContext,
    sources: ScannerSource[],
    onScan: (scan: HubScan) => void,
    opts: { pollMs?: number } = {},
  ) {
    const configs = () => new Map(ctx.store.read.devices.scannerConfigs().map((c) => [c.key, c.config]));
    this.hub = new ScannerHub(sources, (key) => configs().get(key), onScan, { now: () => ctx.clock.now(), pollMs: opts.pollMs });
  }

  list(): ScannerStatus[] {
    return this.hub.list();
  }

  async configure(key: string, config: ScannerConfigData): Promise<ScannerStatus> {
    const device = this.hub.list().find((d) => d.key === key);
    if (!device) throw notFound(`Scanner ${key}`, 'Plug it in and wait two seconds, then refresh the Devices screen.');
    this.ctx.store.write(actorOf(this.ctx), this.ctx.clock.now(), (emit) =>
      emit({ type: 'scanner.configured', subject: key, payload: { key, kind: device.kind, config } }),
    );
    await this.hub.reconfigure(key);
    return this.hub.list().find((d) => d.key === key)!;
  }
}
