import type { ScaleDevice } from '../../../native/scales/device';
import { openSerialScale } from '../../../native/scales/serial-source';
import type { SerialScaleProtocol } from '../../../native/scales/serial-ascii';
import { badInput, conflict } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';
import type { ScaleHub } from './scale';

type Binding = Parameters<typeof openSerialScale>[0];

export interface SerialScaleSetting {
  path: string;
  baudRate: number;
  protocol: SerialScaleProtocol;
}

/** The protocols the serial decoders of native/scales speak, as the Devices screen offers them. */
export const SCALE_PROTOCOLS: Array<{ id: SerialScaleProtocol; label: string }> = [
  { id: 'st-gs', label: 'ST/US,GS lines (A&D, CAS and compatible indicators)' },
  { id: 'sics', label: 'MT-SICS (Mettler Toledo): S S / S D lines' },
];

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

export function savedSerialScale(ctx: ServiceContext): SerialScaleSetting | null {
  return ctx.store.read.settings.get<SerialScaleSetting | null>(ctx.stationId, 'serialScale') ?? null;
}

export function serialOpener(binding: Binding, s: SerialScaleSetting): () => Promise<ScaleDevice> {
  return () => openSerialScale(binding, s);
}

/**
 * Set up (or remove) the station's serial scale: the port is opened first, and only a port that
 * opens is saved (a station setting, so it survives a restart). A port that will not open is refused
 * with what to check, and nothing changes.
 */
export async function saveSerialScale(ctx: ServiceContext, hub: ScaleHub, binding: Binding | null, s: SerialScaleSetting | null) {
  if (s) {
    if (!binding)
      throw conflict(
        'This station cannot reach serial ports (no serial driver loaded). Use a USB HID scale, or run the console on the PC the scale is plugged into.',
      );
    if (!SCALE_PROTOCOLS.some((p) => p.id === s.protocol)) throw badInput(`Unknown scale protocol "${s.protocol}": choose one from the list.`);
    const before = savedSerialScale(ctx);
    try {
      await hub.useSerial(serialOpener(binding, s), s.path);
    } catch (err) {
      // Put back what worked before, if anything.
      await hub.useSerial(before ? serialOpener(binding, before) : null, before?.path).catch(() => undefined);
      throw conflict(
        `The port ${s.path} could not be opened (${err instanceof Error ? err.message : String(err)}). Nothing was saved. Check the port name in the list, that the scale's cable is in, and that no other program holds the port; then save again.`,
      );
    }
  } else await hub.useSerial(null);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'station.configured', subject: ctx.stationId, payload: { stationId: ctx.stationId, settings: { serialScale: s } } }),
  );
  return {
    serial: s,
    connected: hub.status().connected,
    message: s ? `Serial scale on ${s.path} (${s.baudRate} baud, ${s.protocol}) saved and open.` : 'Serial scale removed: USB HID scales are used.',
  };
}

/** The ports the binding lists (to choose from), or none. */
export async function serialPorts(binding: Binding | null): Promise<Array<{ path: string; manufacturer: string | null }>> {
  if (!binding) return [];
  try {
    const ports: Array<{ path: string; manufacturer?: string }> = await binding.list();
    return ports.map((p) => ({ path: p.path, manufacturer: p.manufacturer ?? null }));
  } catch {
    return [];
  }
}
