import { HID_POS_USAGE_PAGE } from './hid-pos';
import { DeviceAccessError, deviceKey, type ScannerDeviceInfo, type ScannerSource } from './source';
import { hidDevices, nodeHid, openHid } from '../hid';

/** HID POS scanners (usage page 0x8C) through node-hid. Hot-plug is found by listing again (node-hid has no events). */
export function nodeHidSource(): ScannerSource {
  nodeHid(); // load the native module now (app start), not in the middle of the first scan
  return {
    kind: 'hid',
    async list() {
      const seen = new Set<string>();
      const out: ScannerDeviceInfo[] = [];
      for (const d of await hidDevices(HID_POS_USAGE_PAGE)) {
        const key = deviceKey('hid', { vendorId: d.vendorId, productId: d.productId, serialNumber: d.serialNumber, path: d.path });
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          key,
          kind: 'hid',
          path: d.path,
          name: [d.manufacturer, d.product].filter(Boolean).join(' ') || 'HID POS scanner',
          vendorId: d.vendorId,
          productId: d.productId,
          serialNumber: d.serialNumber,
        });
      }
      return out;
    },
    async open(device) {
      try {
        return await openHid(device.path);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        if (process.platform === 'linux' && /cannot open|permission|access/i.test(msg)) throw new DeviceAccessError(msg);
        throw err;
      }
    },
  };
}
