import type { AppEnv, Capability } from '../../app/capability';
import { nodeHidSource } from '../../../native/scanners/hid-source';
import { linuxUsbSerialPorts, serialSource, systemSerialBinding } from '../../../native/scanners/serial';
import { wedgeProfiles } from '../../../native/scanners/profiles';
import type { ScannerSource } from '../../../native/scanners/source';
import { ScannerService } from './scanners';
import { queueTestSheet } from './printing/testsheet';
import { ApiError } from '../../core/errors';

export interface ScannersOptions {
  /** Where scanners come from; default node-hid and serialport (FIRSTSCAN_HARDWARE=off: none). */
  sources?: (env: AppEnv) => Promise<ScannerSource[]> | ScannerSource[];
  pollMs?: number;
}

async function systemSources(): Promise<ScannerSource[]> {
  if (process.env.FIRSTSCAN_HARDWARE === 'off') return [];
  const out: ScannerSource[] = [nodeHidSource()];
  const binding = await systemSerialBinding();
  if (binding) out.push(process.platform === 'linux' ? serialSource(binding, linuxUsbSerialPorts) : serialSource(binding));
  return out;
}

/** One scanner service per app (tests run several apps in one process). */
const services = new WeakMap<AppEnv, ScannerService>();

export function scannersCapabilityWith(opts: ScannersOptions = {}): Capability {
  const service = (env: AppEnv) => {
    const s = services.get(env);
    if (!s) throw new ApiError('UNAVAILABLE', 'Scanners are still starting; try again in a second.');
    return s;
  };
  return {
    name: 'scanners',
    async start(env) {
      const sources = await (opts.sources ?? systemSources)(env);
      const s = new ScannerService(env.ctx, sources, (scan) => env.pushes.emit('push', 'scanner.scan', scan), { pollMs: opts.pollMs });
      services.set(env, s);
      s.hub.start();
      return () => s.hub.stop();
    },
    handlers: (env) => ({
      // Looking at the list looks at the machine too: a device plugged in a moment ago shows at once.
      'scanners.list': async () => {
        await service(env).hub.poll();
        return service(env).list();
      },
      'scanners.configure': ({ key, ...config }) => service(env).configure(key, config),
      'scanners.profiles': () => wedgeProfiles,
      'selftest.print': () => queueTestSheet(env.ctx),
    }),
  };
}

export const scannersCapability: Capability = scannersCapabilityWith();
