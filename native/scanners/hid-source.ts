import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { HID_POS_USAGE_PAGE } from './hid-pos';
import { DeviceAccessError, deviceKey, type OpenScanner, type ScannerDeviceInfo, type ScannerSource } from './source';

type NodeHid = typeof import('node-hid');

let hidModule: NodeHid | null | undefined;
/** node-hid is loaded on first use and only in the main process; a machine without it just has no HID scanners. */
function nodeHid(): NodeHid | null {
  if (hidModule === undefined) {
    try {
      hidModule = createRequire(import.meta.url)('node-hid') as NodeHid;
    } catch {
      hidModule = null;
    }
  }
  return hidModule;
}

/** HID POS scanners (usage page 0x8C) through node-hid. Hot-plug is found by listing again (node-hid has no events). */
export function nodeHidSource(): ScannerSource {
  nodeHid(); // load the native module now (app start), not in the middle of the first scan
  return {
    kind: 'hid',
    async list() {
      const hid = nodeHid();
      if (!hid) return [];
      const all = await hid.devicesAsync();
      const seen = new Set<string>();
      const out: ScannerDeviceInfo[] = [];
      for (const d of all) {
        if (d.usagePage !== HID_POS_USAGE_PAGE || !d.path) continue;
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
      const hid = nodeHid();
      if (!hid) throw new Error('node-hid is not available in this build');
      let handle: Awaited<ReturnType<NodeHid['HIDAsync']['open']>>;
      try {
        handle = await hid.HIDAsync.open(device.path);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        if (process.platform === 'linux' && /cannot open|permission|access/i.test(msg)) throw new DeviceAccessError(msg);
        throw err;
      }
      const dev = new EventEmitter() as OpenScanner;
      handle.on('data', (b: Buffer) => dev.emit('data', b));
      handle.on('error', (e: unknown) => {
        dev.emit('error', e);
        dev.emit('close');
      });
      dev.close = async () => {
        await handle.close().catch(() => undefined);
      };
      return dev;
    },
  };
}
