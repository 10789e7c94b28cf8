import { HID_SCALE_USAGE_PAGE } from './hid-report';
import { hidScaleDevice, type ScaleSource } from './device';
import { hidDevices, openHid } from '../hid';

/** USB HID POS scales (usage page 0x8D) through node-hid, in the main process. A machine without node-hid has none. */
export function nodeHidScaleSource(): ScaleSource {
  return {
    async list() {
      return (await hidDevices(HID_SCALE_USAGE_PAGE)).map((d) => ({
        key: `hid:${(d.vendorId ?? 0).toString(16)}:${(d.productId ?? 0).toString(16)}:${d.serialNumber ?? d.path}`,
        kind: 'hid' as const,
        name: [d.manufacturer, d.product].filter(Boolean).join(' ') || 'USB scale',
        path: d.path,
      }));
    },
    async open(info) {
      return hidScaleDevice(info, await openHid(info.path));
    },
  };
}
